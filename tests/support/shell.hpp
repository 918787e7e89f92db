#pragma once

#include <filesystem>
#include <string>

namespace kitap::testing {

// `text` as one word for /bin/sh, whatever it holds.
std::string quoted(const std::string& text);
// Runs a command line through /bin/sh: its exit code, or -1 when a signal ended it.
int run(const std::string& command);
// A file's bytes ("" for a missing file).
std::string slurp(const std::filesystem::path& path);

}  // namespace kitap::testing
