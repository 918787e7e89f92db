#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/record_answers.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/commands.hpp"
#include "kiosk/cli/secret_input.hpp"

#include <iostream>

namespace kitap::cli {

int run_librarian_set_pin(CliContext& context) {
    const auto& tr = context.tr();
    const auto pin = read_new_secret(tr("cli.librarian.pin_prompt"), tr("cli.librarian.pin_again"));
    if (!pin) {
        std::cerr << tr("cli.librarian.pin_mismatch") << '\n';
        return exit_bad_input;
    }
    const auto set = answers::librarian_pin_answer(answer_context(context), *pin, "cli");
    if (!set) return answers::tell_cli(set.error());
    std::cout << tr("cli.librarian.pin_set", {{"path", context.db_path().string()}}) << '\n';
    return exit_done;
}

}  // namespace kitap::cli
