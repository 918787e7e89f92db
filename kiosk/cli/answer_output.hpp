#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/cli/cli_context.hpp"

#include <optional>
#include <string>

namespace kitap::cli {

// What the answers are asked in: this command's library, language, configuration and time.
answers::AnswerContext answer_context(CliContext& context);

// Binary documents are never poured onto a terminal: false (after saying so on
// stderr) when there is no --out and standard output is one. Asked before an
// answer that changes something (labels for new numbers, a stocktake's close).
bool can_deliver_document(const CliContext& context, const std::optional<std::string>& out);

// Hands an answer over as the command line does: JSON printed indented, a document
// written to --out (0600, never through a link) or to standard output; a problem
// on stderr. Returns the exit code.
int deliver_answer(const CliContext& context, const answers::AnswerOr& answer, const std::optional<std::string>& out);

}  // namespace kitap::cli
