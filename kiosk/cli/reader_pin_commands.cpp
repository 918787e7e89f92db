// `kitap reader set-pin CARD` and `kitap reader clear-pin CARD`: a reader's own PIN
// for self-service ([station] reader_pin), typed on stdin, kept as an argon2id hash.
// `kitap reader unblock CARD`: the card a SIP2 terminal blocked works again.
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/desk_answers.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/commands.hpp"
#include "kiosk/cli/secret_input.hpp"

#include <iostream>

namespace kitap::cli {
namespace {

// What became of the change, said in the person's language; the exit code.
int report(CliContext& context, core::ReaderPinChange change, const std::string& card, const std::string& done_key) {
    const auto& tr = context.tr();
    switch (change) {
        case core::ReaderPinChange::done: {
            const auto reader = or_fault(context.library().circulation().reader(card));
            std::cout << tr(done_key, {{"card", card}, {"name", reader->name}}) << '\n';
            if (context.config().rules.station.reader_pin == core::ReaderPinPolicy::off)
                std::cout << tr("cli.reader_pin.policy_off") << '\n';
            return exit_done;
        }
        case core::ReaderPinChange::unknown_card:
            std::cerr << tr("cli.reader.unknown", {{"card", card}}) << '\n';
            break;
        case core::ReaderPinChange::bad_format:
            std::cerr << tr("cli.reader_pin.format", {{"min", std::to_string(core::min_reader_pin_length)},
                                                      {"max", std::to_string(core::max_reader_pin_length)}})
                      << '\n';
            break;
        case core::ReaderPinChange::no_pin_set:
            std::cerr << tr("cli.reader_pin.none", {{"card", card}}) << '\n';
            break;
    }
    return exit_bad_input;
}

}  // namespace

int run_reader_set_pin(CliContext& context, const std::string& card) {
    const auto& tr = context.tr();
    const auto pin = read_new_secret(tr("cli.reader_pin.prompt", {{"card", card}}), tr("cli.reader_pin.again"));
    if (!pin) {
        std::cerr << tr("cli.reader_pin.mismatch") << '\n';
        return exit_bad_input;
    }
    return report(context,
                  or_fault(context.library().circulation().set_reader_pin(card, *pin, CliContext::now(), "cli")), card,
                  "cli.reader_pin.set");
}

int run_reader_clear_pin(CliContext& context, const std::string& card) {
    return report(context, or_fault(context.library().circulation().clear_reader_pin(card, CliContext::now(), "cli")),
                  card, "cli.reader_pin.cleared");
}

int run_reader_unblock(CliContext& context, const std::string& card) {
    const auto done = answers::unblock_card(answer_context(context), card, "cli");
    if (!done) return answers::tell_cli(done.error());
    std::cout << done->message << '\n';
    return exit_done;
}

}  // namespace kitap::cli
