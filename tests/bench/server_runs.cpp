#include "tests/bench/server_runs.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace kitap::bench {

void fail_with_log(const std::string& area, const std::string& what, const std::filesystem::path& log) {
    std::fprintf(stderr, "kitap-bench: %s: %s\n", area.c_str(), what.c_str());
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);) std::fprintf(stderr, "  %s: %s\n", area.c_str(), line.c_str());
    std::exit(1);
}

void add_password_account(const std::filesystem::path& kitap, const std::filesystem::path& database,
                          const std::string& name, const std::string& role, const std::string& password,
                          const std::filesystem::path& log) {
    const std::string command = "KITAP_DB='" + database.string() + "' '" + kitap.string() + "' user add " + name +
                                " --role " + role + " > '" + log.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "w");
    if (!pipe) fail_with_log("user", "cannot run kitap user add", log);
    std::fprintf(pipe, "%s\n", password.c_str());
    if (::pclose(pipe) != 0) fail_with_log("user", "kitap user add --role " + role + " failed", log);
}

}  // namespace kitap::bench
