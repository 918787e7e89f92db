#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

// `kitap stations` (the stations on other PCs and whether they are up) and `kitap
// exceptions [accept|discard ID]` (the scans their offline journals brought that the
// rules refused, for the librarian to settle).
namespace kitap::cli {

struct StationArguments {
    std::string id;
    bool json = false;
};

void add_station_commands(CLI::App& app, StationArguments& args,
                          const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen);

}  // namespace kitap::cli
