#pragma once

#include "kiosk/answers/answer.hpp"

namespace kitap::answers {

// The exit code the `kitap` command line gives for a problem, as scripts rely on:
// 1 a rule refused, 2 bad input or nothing by that name (as `kitap reader` always
// answered an unknown card), 3 storage broke.
int cli_exit_code(ProblemKind kind);

// Tells the problem on standard error as the command line always has (a fault as
// "kitap: locked: DETAIL") and gives its exit code.
int tell_cli(const Problem& problem);

}  // namespace kitap::answers
