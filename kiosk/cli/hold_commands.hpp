#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace kitap::cli {

struct HoldArguments {
    std::string card;
    std::string title;
    std::int64_t id = 0;
    bool json = false;
};

// `kitap hold add CARD TITLE`, `kitap hold list [--json]`, `kitap hold cancel ID`: reservations.
void add_hold_commands(CLI::App& app, HoldArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen);

}  // namespace kitap::cli
