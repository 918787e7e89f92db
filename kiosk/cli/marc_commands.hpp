#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

namespace kitap::cli {

struct MarcArguments {
    std::string file;
    std::string format = "auto";  // import: auto|iso2709|marcxml
    std::string flavour = "auto";
    std::string encoding = "auto";
    bool dry_run = false;
    bool skip_bad = false;
    bool json = false;
    std::string export_format = "marcxml";
    std::string export_flavour = "marc21";
    std::optional<std::string> out;
    std::string isbn;
    std::optional<std::string> server;  // HOST:PORT/DATABASE
    bool import = false;
};

// `kitap import marc FILE`, `kitap export marc` and `kitap catalog fetch --isbn X`: on the
// `import` and `catalog` commands add_commands made, and a new `export`.
void add_marc_commands(CLI::App& app, MarcArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen);

}  // namespace kitap::cli
