#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

// `kitap user add|list|passwd|remove|terminal`: the web console's and the SIP2 terminals' accounts. Passwords are
// read from standard input (without echo on a terminal, typed twice), never from
// the command line, where `ps` and the shell's history would show them.
namespace kitap::cli {

struct UserArguments {
    std::string name;
    std::string role;
    std::vector<std::string> classes;
    bool json = false;
    // A sip2 account's terminal: `--checksums` on add, `--checksums on|off` on terminal.
    bool checksums = false;
    std::string checksums_word;
    std::string language;
};

void add_user_commands(CLI::App& app, UserArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen);

}  // namespace kitap::cli
