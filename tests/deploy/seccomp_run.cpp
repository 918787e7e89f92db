// seccomp_run ALLOWED COMMAND ARGS...: runs COMMAND with only the system calls
// named in the file ALLOWED (one a line) allowed; any other fails with EPERM.
// That is what systemd makes of a unit's SystemCallFilter= allow list with
// SystemCallErrorNumber=EPERM, and through the same library: libseccomp.
//
// Its four functions are declared here, as libseccomp's ABI has them, because
// only the library (libseccomp2, which systemd and apt need) is installed, not
// its header.
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

extern "C" {
using scmp_filter_ctx = void*;
scmp_filter_ctx seccomp_init(std::uint32_t default_action);
int seccomp_syscall_resolve_name(const char* name);
int seccomp_rule_add(scmp_filter_ctx context, std::uint32_t action, int syscall, unsigned int arg_count, ...);
int seccomp_load(scmp_filter_ctx context);
}

namespace {

constexpr std::uint32_t allow = 0x7fff0000U;                    // SCMP_ACT_ALLOW
constexpr std::uint32_t fail_with_eperm = 0x00050000U | EPERM;  // SCMP_ACT_ERRNO(EPERM)

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: seccomp_run ALLOWED COMMAND ARGS...\n";
        return 2;
    }
    std::ifstream names(argv[1]);
    if (!names) {
        std::cerr << "seccomp_run: cannot read " << argv[1] << '\n';
        return 2;
    }
    const scmp_filter_ctx filter = seccomp_init(fail_with_eperm);
    if (filter == nullptr) {
        std::cerr << "seccomp_run: cannot make a filter\n";
        return 2;
    }
    std::string name;
    while (std::getline(names, name)) {
        // A name this kernel or libseccomp does not know is skipped, as systemd skips it.
        const int number = seccomp_syscall_resolve_name(name.c_str());
        if (number >= 0 && seccomp_rule_add(filter, allow, number, 0) != 0) {
            std::cerr << "seccomp_run: cannot allow " << name << '\n';
            return 2;
        }
    }
    if (seccomp_load(filter) != 0) {
        std::cerr << "seccomp_run: cannot load the filter\n";
        return 2;
    }
    ::execvp(argv[2], argv + 2);
    std::perror(argv[2]);
    return 127;
}
