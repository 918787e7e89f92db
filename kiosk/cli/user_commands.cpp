#include "kiosk/cli/user_commands.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/cli/report_output.hpp"
#include "kiosk/cli/secret_input.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& classes) {
    std::string text;
    for (const auto& name : classes) text += (text.empty() ? "" : ", ") + name;
    return text;
}

// Why the change was refused, in the person's language; nothing was changed.
int refused(CliContext& context, const core::AccountProblem& problem) {
    std::cerr << context.tr()("cli.user.problem." + std::string(to_string(problem.kind)),
                              {{"detail", problem.detail}, {"min", std::to_string(core::min_password_length)}})
              << '\n';
    return exit_bad_input;
}

// The new password, typed twice on a terminal; nullopt (said why) when the two differ.
std::optional<std::string> new_password(CliContext& context, const std::string& name) {
    const auto& tr = context.tr();
    auto password = read_new_secret(tr("cli.user.password_prompt", {{"name", name}}), tr("cli.user.password_again"));
    if (!password) std::cerr << tr("cli.user.password_mismatch") << '\n';
    return password;
}

// The one line a station's token is shown in, for the kiosk's token file: nothing else on stdout.
int print_token(CliContext& context,
                const core::OrFault<tl::expected<core::StationToken, core::AccountProblem>>& made) {
    const auto station = or_fault(made);
    if (!station) return refused(context, station.error());
    std::cout << "token: " << station->token << '\n';
    return exit_done;
}

int run_user_add(CliContext& context, const UserArguments& args) {
    if (args.role == "station") {
        if (!args.classes.empty())
            return refused(context, {core::AccountProblemKind::classes_only_for_teachers, args.name});
        return print_token(context, context.library().accounts().add_station(args.name, CliContext::now()));
    }
    const auto password = new_password(context, args.name);
    if (!password) return exit_bad_input;
    core::NewAccount account{.name = args.name,
                             .role = core::account_role_from(args.role).value_or(core::AccountRole::director),
                             .classes = args.classes,
                             .password = *password};
    account.terminal.checksums = args.checksums;
    if (!args.language.empty()) account.terminal.language = args.language;
    const auto added = or_fault(context.library().accounts().add(account, CliContext::now()));
    if (!added) return refused(context, added.error());
    const auto& tr = context.tr();
    std::cout << tr(added->classes.empty() ? "cli.user.added" : "cli.user.added_teacher",
                    {{"name", added->name},
                     {"role", tr("cli.user.role." + args.role)},
                     {"classes", joined(added->classes)}})
              << '\n';
    return exit_done;
}

int run_user_list(CliContext& context, bool as_json) {
    const auto accounts = or_fault(context.library().accounts().list());
    const auto& tr = context.tr();
    if (as_json) {
        json out = json::array();
        for (const auto& account : accounts) {
            json line{{"name", account.name}, {"role", to_string(account.role)}, {"classes", account.classes}};
            if (account.role == core::AccountRole::sip2)
                line["terminal"] = {{"checksums", account.terminal.checksums}, {"language", account.terminal.language}};
            out.push_back(std::move(line));
        }
        std::cout << out.dump(2) << '\n';
        return exit_done;
    }
    if (accounts.empty()) {
        std::cout << tr("cli.user.none") << '\n';
        return exit_done;
    }
    Table table{{"name", "role", "classes"}, {}};
    for (const auto& account : accounts)
        table.rows.push_back(
            {account.name, tr("cli.user.role." + std::string(to_string(account.role))), joined(account.classes)});
    write_text_table(std::cout, table, tr, "cli.user.column.");
    return exit_done;
}

int run_user_passwd(CliContext& context, const std::string& name) {
    auto accounts = context.library().accounts();
    // Asked before the password is typed: no one types a password for a name mistyped.
    const auto account = or_fault(accounts.find(name));
    if (!account) return refused(context, {core::AccountProblemKind::unknown_account, core::printable(name)});
    if (account->role == core::AccountRole::station)
        return print_token(context, accounts.renew_token(name, CliContext::now()));
    const auto password = new_password(context, name);
    if (!password) return exit_bad_input;
    if (const auto problem = or_fault(accounts.change_password(name, *password, CliContext::now())))
        return refused(context, *problem);
    std::cout << context.tr()("cli.user.password_changed", {{"name", name}}) << '\n';
    return exit_done;
}

int run_user_terminal(CliContext& context, const UserArguments& args) {
    auto accounts = context.library().accounts();
    const auto account = or_fault(accounts.find(args.name));
    if (!account) return refused(context, {core::AccountProblemKind::unknown_account, core::printable(args.name)});
    core::TerminalSettings terminal = account->terminal;
    if (!args.checksums_word.empty()) terminal.checksums = args.checksums_word == "on";
    if (!args.language.empty()) terminal.language = args.language;
    if (const auto problem = or_fault(accounts.set_terminal(args.name, terminal, CliContext::now())))
        return refused(context, *problem);
    std::cout << context.tr()("cli.user.terminal_changed", {{"name", args.name},
                                                            {"checksums", terminal.checksums ? "on" : "off"},
                                                            {"language", terminal.language}})
              << '\n';
    return exit_done;
}

int run_user_remove(CliContext& context, const std::string& name) {
    if (const auto problem = or_fault(context.library().accounts().remove(name, CliContext::now())))
        return refused(context, *problem);
    std::cout << context.tr()("cli.user.removed", {{"name", name}}) << '\n';
    return exit_done;
}

}  // namespace

void add_user_commands(CLI::App& app, UserArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen) {
    auto* user = app.add_subcommand("user", "The web console's accounts (kitap serve)");
    user->require_subcommand(1);

    auto* add = user->add_subcommand("add", "Add an account; its password (10 characters or more) from stdin");
    add->add_option("NAME", args.name, "The name to log in with")->required();
    add->add_option("--role", args.role,
                    "librarian (everything), director (reads), teacher (their classes), station (a kiosk on "
                    "another PC: prints its token instead of reading a password), sip2 (a self-check machine "
                    "that logs in to kitap sip2)")
        ->check(CLI::IsMember({"librarian", "teacher", "director", "station", "sip2"}))
        ->required();
    add->add_option("--class", args.classes, "A class the teacher leads, such as 5Ә (repeat for more)");
    add->add_flag("--checksums", args.checksums,
                  "sip2: end every answer in AY/AZ checksums, even to requests without them");
    add->add_option("--language", args.language, "sip2: the language of the terminal's screen messages (default kk)")
        ->check(CLI::IsMember({"kk", "ru", "en"}));
    add->callback(chosen([&args](CliContext& c) { return run_user_add(c, args); }));

    auto* list = user->add_subcommand("list", "The accounts with their roles and classes");
    list->add_flag("--json", args.json, "Print JSON");
    list->callback(chosen([&args](CliContext& c) { return run_user_list(c, args.json); }));

    auto* passwd = user->add_subcommand("passwd",
                                        "A new password from stdin; the account's open sessions end and its lockout is "
                                        "lifted (a station: a new token)");
    passwd->add_option("NAME", args.name, "The account")->required();
    passwd->callback(chosen([&args](CliContext& c) { return run_user_passwd(c, args.name); }));

    auto* terminal = user->add_subcommand("terminal", "Change how a sip2 account's terminal talks");
    terminal->add_option("NAME", args.name, "The sip2 account")->required();
    terminal
        ->add_option("--checksums", args.checksums_word,
                     "on: answers always end in AY/AZ checksums; off: only "
                     "answers to requests that carry them")
        ->check(CLI::IsMember({"on", "off"}));
    terminal->add_option("--language", args.language, "The language of its screen messages")
        ->check(CLI::IsMember({"kk", "ru", "en"}));
    terminal->callback(chosen([&args](CliContext& c) { return run_user_terminal(c, args); }));

    auto* remove = user->add_subcommand("remove", "Remove an account; it can no longer log in");
    remove->add_option("NAME", args.name, "The account")->required();
    remove->callback(chosen([&args](CliContext& c) { return run_user_remove(c, args.name); }));
}

}  // namespace kitap::cli
