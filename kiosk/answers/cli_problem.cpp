#include "kiosk/answers/cli_problem.hpp"

#include <iostream>

namespace kitap::answers {

int cli_exit_code(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::refused:
            return 1;
        case ProblemKind::bad_request:
        case ProblemKind::not_found:
        case ProblemKind::bad_rows:
            return 2;
        case ProblemKind::fault:
            return 3;
    }
    return 3;
}

int tell_cli(const Problem& problem) {
    if (problem.kind == ProblemKind::fault)
        std::cerr << "kitap: " << problem.code << ": " << problem.message << '\n';
    else
        std::cerr << problem.message << '\n';
    return cli_exit_code(problem.kind);
}

}  // namespace kitap::answers
