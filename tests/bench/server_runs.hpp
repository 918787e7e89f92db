#pragma once

#include <filesystem>
#include <string>

namespace kitap::bench {

// What the figures of Kitap's servers (`kitap serve`, `kitap sip2`) share.

// Ends kitap-bench (exit 1): "kitap-bench: AREA: WHAT", then the server's log, line by line.
[[noreturn]] void fail_with_log(const std::string& area, const std::string& what, const std::filesystem::path& log);

// `kitap user add NAME --role ROLE` on `database`, the password typed on its stdin; its
// output in `log`. A refusal ends kitap-bench.
void add_password_account(const std::filesystem::path& kitap, const std::filesystem::path& database,
                          const std::string& name, const std::string& role, const std::string& password,
                          const std::filesystem::path& log);

}  // namespace kitap::bench
