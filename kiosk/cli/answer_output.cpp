#include "kiosk/cli/answer_output.hpp"

#include "kiosk/cli/cli_context.hpp"

#include <iostream>

namespace kitap::cli {

int report_problem(const answers::Problem& problem) {
    switch (problem.kind) {
        case answers::ProblemKind::fault:
            std::cerr << "kitap: " << problem.code << ": " << problem.message << '\n';
            return exit_fault;
        case answers::ProblemKind::not_found:
        case answers::ProblemKind::refused:
            std::cerr << problem.message << '\n';
            return exit_refused;
        case answers::ProblemKind::bad_request:
        case answers::ProblemKind::bad_rows:
            break;
    }
    std::cerr << problem.message << '\n';
    return exit_bad_input;
}

void print_json(const nlohmann::json& json) { std::cout << json.dump(2) << '\n'; }

}  // namespace kitap::cli
