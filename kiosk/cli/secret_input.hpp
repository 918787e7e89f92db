#pragma once

#include <optional>
#include <string>

namespace kitap::cli {

// One line from standard input (a PIN); on a terminal, after `prompt` on stderr and
// without echoing what is typed. Trailing spaces and a CR are dropped.
std::string read_secret_line(const std::string& prompt);

// A new secret from standard input: on a terminal typed twice, nullopt when the two
// differ; from a pipe, the one line.
std::optional<std::string> read_new_secret(const std::string& prompt, const std::string& again_prompt);

}  // namespace kitap::cli
