#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

namespace kitap::cli {

struct DistrictArguments {
    std::optional<std::string> pg;  // --pg CONNINFO, else [district] url
    bool json = false;
    std::string year;
    std::string for_year;
    std::optional<int> grade;
    std::optional<std::string> language;
    std::string format;
    std::optional<std::string> out;
};

// `kitap district init|report annual|report provision|exchange|schools` and
// `kitap sync`: the city's server on PostgreSQL. `lang` is the command line's own
// --lang, which the district's reports also take after their subcommand.
void add_district_commands(CLI::App& app, DistrictArguments& args, std::optional<std::string>& lang,
                           const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen);

}  // namespace kitap::cli
