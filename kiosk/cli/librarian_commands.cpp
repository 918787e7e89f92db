#include "kiosk/cli/commands.hpp"
#include "kiosk/cli/secret_input.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"

#include <iostream>

namespace kitap::cli {
namespace {

const char* format_problem_key(kiosk::PinFormat format) {
    switch (format) {
        case kiosk::PinFormat::too_short:
            return "cli.librarian.pin_too_short";
        case kiosk::PinFormat::too_long:
            return "cli.librarian.pin_too_long";
        case kiosk::PinFormat::not_digits:
        case kiosk::PinFormat::ok:
            break;
    }
    return "cli.librarian.pin_not_digits";
}

}  // namespace

int run_librarian_set_pin(CliContext& context) {
    const auto& tr = context.tr();
    const auto pin = read_new_secret(tr("cli.librarian.pin_prompt"), tr("cli.librarian.pin_again"));
    if (!pin) {
        std::cerr << tr("cli.librarian.pin_mismatch") << '\n';
        return exit_bad_input;
    }
    auto& library = context.library();
    if (const auto format = or_fault(kiosk::store_pin(library.settings(), *pin)); format != kiosk::PinFormat::ok) {
        std::cerr << tr(format_problem_key(format), {{"length", std::to_string(pin->size())},
                                                     {"min", std::to_string(kiosk::min_new_pin_length)},
                                                     {"max", std::to_string(kiosk::max_pin_length)}})
                  << '\n';
        return exit_bad_input;
    }
    or_fault(library.audit().record(
        {.at = CliContext::now(), .station = "cli", .action = core::LibrarianActionKind::pin_set}));
    std::cout << tr("cli.librarian.pin_set", {{"path", context.db_path().string()}}) << '\n';
    return exit_done;
}

}  // namespace kitap::cli
