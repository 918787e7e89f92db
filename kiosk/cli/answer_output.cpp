#include "kiosk/cli/answer_output.hpp"

#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/documents.hpp"
#include "kiosk/cli/report_output.hpp"
#include "kiosk/print/pending_file.hpp"

#include <unistd.h>

#include <iostream>

namespace kitap::cli {
namespace {

// Text and JSON documents go out as reports do; only binary ones are kept off a terminal.
bool is_text(const answers::Document& document) {
    return document.content_type.starts_with("text/") || document.content_type == answers::ordered_json_type;
}

int deliver_document(const CliContext& context, const answers::Document& document,
                     const std::optional<std::string>& out) {
    if (is_text(document)) return write_report(context.tr(), out, document.bytes) ? exit_done : exit_bad_input;
    if (!can_deliver_document(context, out)) return exit_bad_input;
    if (!out)
        return std::cout.write(document.bytes.data(), static_cast<std::streamsize>(document.bytes.size())).flush()
                   ? exit_done
                   : exit_fault;
    const auto written = printing::write_document_file(*out, document.bytes);
    if (written) return exit_done;
    std::cerr << context.tr()(written.error().key, written.error().args) << '\n';
    return exit_bad_input;
}

}  // namespace

answers::AnswerContext answer_context(CliContext& context) {
    return {context.library(), context.tr(), context.config(), CliContext::now()};
}

bool can_deliver_document(const CliContext& context, const std::optional<std::string>& out) {
    if (out || !isatty(STDOUT_FILENO)) return true;
    std::cerr << context.tr()("print.error.terminal") << '\n';
    return false;
}

int deliver_answer(const CliContext& context, const answers::AnswerOr& answer, const std::optional<std::string>& out) {
    if (!answer) return answers::tell_cli(answer.error());
    if (const auto* json = std::get_if<nlohmann::json>(&*answer))
        return write_report(context.tr(), out, json->dump(2) + "\n") ? exit_done : exit_bad_input;
    return deliver_document(context, std::get<answers::Document>(*answer), out);
}

}  // namespace kitap::cli
