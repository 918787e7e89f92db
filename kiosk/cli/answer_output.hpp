#pragma once

#include "kiosk/answers/answer.hpp"

#include <nlohmann/json.hpp>

namespace kitap::cli {

// A Problem as the command line tells it: its message on standard error (broken
// storage as "kitap: KIND: detail", as main() says it), and its kind's exit code.
int report_problem(const answers::Problem& problem);

// JSON as every --json prints it: indented by two, one newline after.
void print_json(const nlohmann::json& json);

}  // namespace kitap::cli
