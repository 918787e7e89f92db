#include "core/library/account_service.hpp"

#include "core/db/write_transaction.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/library/library_core.hpp"
#include "core/security/account_store.hpp"
#include "core/security/account_token.hpp"
#include "core/security/secret_hash.hpp"
#include "core/text/control_chars.hpp"
#include "core/text/enum_names.hpp"
#include "core/text/utf8.hpp"
#include "core/textbooks/class_roster.hpp"

#include <algorithm>
#include <mutex>

namespace kitap::core {
namespace {

constexpr auto problem_names = enum_names<AccountProblemKind>({
    {AccountProblemKind::name_taken, "name_taken"},
    {AccountProblemKind::unknown_account, "unknown_account"},
    {AccountProblemKind::bad_name, "bad_name"},
    {AccountProblemKind::password_too_short, "password_too_short"},
    {AccountProblemKind::unknown_class, "unknown_class"},
    {AccountProblemKind::classes_only_for_teachers, "classes_only_for_teachers"},
    {AccountProblemKind::teacher_needs_class, "teacher_needs_class"},
    {AccountProblemKind::station_has_no_password, "station_has_no_password"},
    {AccountProblemKind::not_a_station, "not_a_station"},
    {AccountProblemKind::not_a_terminal, "not_a_terminal"},
    {AccountProblemKind::unknown_language, "unknown_language"},
});

constexpr auto refusal_names = enum_names<LoginRefusal>({
    {LoginRefusal::wrong_password, "wrong_password"},
    {LoginRefusal::locked_out, "locked_out"},
});

constexpr std::string_view web_station = "web";

bool is_account_name(std::string_view name) {
    if (name.empty() || name.size() > max_account_name_bytes || !is_valid_utf8(name)) return false;
    if (first_control_character(name) || name.find_first_of(" \t\n\r") != std::string_view::npos) return false;
    return name.find("\u00A0") == std::string_view::npos;
}

// Code points; a byte that is not UTF-8 counts as one.
std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    while (!text.empty()) {
        const auto code_point = decode_code_point(text);
        text.remove_prefix(code_point ? code_point->length : 1);
        ++count;
    }
    return count;
}

std::optional<AccountProblem> password_problem(std::string_view password) {
    if (character_count(password) < min_password_length)
        return AccountProblem{AccountProblemKind::password_too_short, ""};
    return std::nullopt;
}

// What can be told without the database.
std::optional<AccountProblem> new_account_problem(const NewAccount& account) {
    if (!is_account_name(account.name)) return AccountProblem{AccountProblemKind::bad_name, printable(account.name)};
    if (account.role == AccountRole::station)
        return AccountProblem{AccountProblemKind::station_has_no_password, account.name};
    if (auto problem = password_problem(account.password)) return problem;
    if (account.role == AccountRole::teacher && account.classes.empty())
        return AccountProblem{AccountProblemKind::teacher_needs_class, account.name};
    if (account.role != AccountRole::teacher && !account.classes.empty())
        return AccountProblem{AccountProblemKind::classes_only_for_teachers, account.name};
    if (account.role != AccountRole::sip2 && account.terminal != TerminalSettings{})
        return AccountProblem{AccountProblemKind::not_a_terminal, account.name};
    if (!is_terminal_language(account.terminal.language))
        return AccountProblem{AccountProblemKind::unknown_language, printable(account.terminal.language)};
    return std::nullopt;
}

// The events a login through `channel` leaves.
struct LoginEvents {
    AccountEventKind logged_in;
    AccountEventKind failed;
    AccountEventKind locked_out;
    std::string_view station;
};

LoginEvents login_events(LoginChannel channel) {
    if (channel == LoginChannel::sip2)
        return {AccountEventKind::sip2_login, AccountEventKind::sip2_login_failed,
                AccountEventKind::sip2_login_locked_out, "sip2"};
    return {AccountEventKind::web_login, AccountEventKind::web_login_failed, AccountEventKind::web_login_locked_out,
            web_station};
}

bool channel_takes(LoginChannel channel, AccountRole role) {
    return (channel == LoginChannel::sip2) == (role == AccountRole::sip2);
}

// A name as the audit log keeps it: a name from the network that no account could
// have is cut and shown escaped (its spaces too, which end the name in a detail), so
// a client cannot write a megabyte or a terminal escape into the log. An account's
// own name passes unchanged.
std::string logged_name(std::string_view name) {
    if (is_account_name(name)) return std::string(name);
    std::string logged;
    for (const char c : printable(name.substr(0, std::min(name.size(), max_account_name_bytes))))
        logged += c == ' ' ? std::string("\\u0020") : std::string(1, c);
    return logged;
}

// A hash of the cost every password has, to check a password against when no
// account has the name, so that a refusal takes as long either way.
const std::string& stand_in_hash() {
    static const std::string hash = hash_secret("no account has this password", password_hash_cost);
    return hash;
}

// One login at a time in the process: a lockout is decided from the log and the
// attempt written before the next attempt reads it (parallel guesses cannot slip
// past the fifth), and one argon2id pass's memory is all the logins hold at once.
std::mutex& login_mutex() {
    static std::mutex mutex;
    return mutex;
}

// Who makes a change to the accounts: the librarian at the PC (no web account), or
// the web account acting; only a librarian's is shown as the librarian's.
ActionStamp account_change_stamp(LibraryCore& core, Timestamp now) {
    const auto acting = acting_account(core.db);
    if (!acting) return {.at = now};
    const auto account = core.accounts.find(*acting);
    const bool librarian = account && account->account.role == AccountRole::librarian;
    return {
        .at = now, .station = std::string(web_station), .actor = {librarian ? ActorRole::librarian : ActorRole::none}};
}

void record_account_event(LibraryCore& core, const ActionStamp& by, AccountEventKind kind, std::string detail) {
    core.store.log_event(stamped(by, {.action = std::string(to_string(kind)), .detail = std::move(detail)}));
}

std::string terminal_detail(const TerminalSettings& terminal) {
    return std::string(" checksums=") + (terminal.checksums ? "on" : "off") + " language=" + terminal.language;
}

std::string added_detail(const Account& account) {
    std::string detail = account_event_detail(account.name) + " role=" + std::string(to_string(account.role));
    if (account.role == AccountRole::sip2) detail += terminal_detail(account.terminal);
    if (account.classes.empty()) return detail;
    detail += " classes=";
    for (std::size_t i = 0; i < account.classes.size(); ++i) detail += (i ? "," : "") + account.classes[i];
    return detail;
}

}  // namespace

std::string_view to_string(AccountProblemKind kind) { return problem_names.name_of(kind); }

std::string_view to_string(LoginRefusal refusal) { return refusal_names.name_of(refusal); }

OrFault<tl::expected<Account, AccountProblem>> AccountService::add(const NewAccount& account, Timestamp now) {
    using Result = tl::expected<Account, AccountProblem>;
    if (auto problem = new_account_problem(account)) return Result(tl::unexpected(*problem));
    return guarded([&]() -> Result {
        // Hashed before the write lock is taken: it takes a while.
        const std::string hash = hash_secret(account.password, password_hash_cost);
        WriteTransaction transaction(core_.db);
        auto& store = core_.accounts;
        if (store.find(account.name))
            return tl::unexpected(AccountProblem{AccountProblemKind::name_taken, account.name});
        std::vector<RowId> class_ids;
        std::vector<ClassName> class_names;
        for (const auto& given : account.classes) {
            const auto found = find_current_class(core_.db, given, local_date(now));
            if (!found) return tl::unexpected(AccountProblem{AccountProblemKind::unknown_class, printable(given)});
            if (std::ranges::find(class_ids, found->id) != class_ids.end()) continue;
            class_ids.push_back(found->id);
            class_names.push_back(found->name);
        }
        std::ranges::sort(class_names, in_school_order);
        Account added{.name = account.name, .role = account.role, .terminal = account.terminal};
        for (const auto& name : class_names) added.classes.push_back(name.text());
        store.insert(added, hash, class_ids, now);
        record_account_event(core_, account_change_stamp(core_, now), AccountEventKind::account_added,
                             added_detail(added));
        transaction.commit();
        return added;
    });
}

OrFault<tl::expected<StationToken, AccountProblem>> AccountService::add_station(std::string_view name, Timestamp now) {
    using Result = tl::expected<StationToken, AccountProblem>;
    if (!is_account_name(name))
        return Result(tl::unexpected(AccountProblem{AccountProblemKind::bad_name, printable(name)}));
    return guarded([&]() -> Result {
        WriteTransaction transaction(core_.db);
        auto& store = core_.accounts;
        if (store.find(name)) return tl::unexpected(AccountProblem{AccountProblemKind::name_taken, std::string(name)});
        StationToken added{.account = {.name = std::string(name), .role = AccountRole::station},
                           .token = new_account_token()};
        store.insert_station(added.account.name, account_token_hash(added.token), now);
        record_account_event(core_, account_change_stamp(core_, now), AccountEventKind::account_added,
                             added_detail(added.account));
        transaction.commit();
        return added;
    });
}

OrFault<tl::expected<StationToken, AccountProblem>> AccountService::renew_token(std::string_view name, Timestamp now) {
    using Result = tl::expected<StationToken, AccountProblem>;
    return guarded([&]() -> Result {
        WriteTransaction transaction(core_.db);
        auto& store = core_.accounts;
        const auto stored = store.find(name);
        if (!stored) return tl::unexpected(AccountProblem{AccountProblemKind::unknown_account, printable(name)});
        if (stored->account.role != AccountRole::station)
            return tl::unexpected(AccountProblem{AccountProblemKind::not_a_station, std::string(name)});
        StationToken renewed{.account = stored->account, .token = new_account_token()};
        store.set_token_hash(name, account_token_hash(renewed.token));
        ++renewed.account.credentials_version;
        record_account_event(core_, account_change_stamp(core_, now), AccountEventKind::station_token_renewed,
                             account_event_detail(name));
        transaction.commit();
        return renewed;
    });
}

OrFault<std::optional<Account>> AccountService::find_by_token(std::string_view token) {
    return guarded([&] { return core_.accounts.find_by_token_hash(account_token_hash(token)); });
}

OrFault<std::vector<Account>> AccountService::list() {
    return guarded([&] { return core_.accounts.all(); });
}

OrFault<std::optional<Account>> AccountService::find(std::string_view name) {
    return guarded([&]() -> std::optional<Account> {
        auto found = core_.accounts.find(name);
        if (!found) return std::nullopt;
        return std::move(found->account);
    });
}

OrFault<std::optional<AccountProblem>> AccountService::change_password(std::string_view name, std::string_view password,
                                                                       Timestamp now) {
    if (auto problem = password_problem(password)) return problem;
    return guarded([&]() -> std::optional<AccountProblem> {
        const std::string hash = hash_secret(password, password_hash_cost);
        WriteTransaction transaction(core_.db);
        auto& store = core_.accounts;
        const auto stored = store.find(name);
        if (!stored) return AccountProblem{AccountProblemKind::unknown_account, printable(name)};
        if (stored->account.role == AccountRole::station)
            return AccountProblem{AccountProblemKind::station_has_no_password, std::string(name)};
        store.set_password(name, hash);
        record_account_event(core_, account_change_stamp(core_, now), AccountEventKind::account_password_changed,
                             account_event_detail(name));
        transaction.commit();
        return std::nullopt;
    });
}

OrFault<std::optional<AccountProblem>> AccountService::set_terminal(std::string_view name,
                                                                    const TerminalSettings& terminal, Timestamp now) {
    if (!is_terminal_language(terminal.language))
        return AccountProblem{AccountProblemKind::unknown_language, printable(terminal.language)};
    return guarded([&]() -> std::optional<AccountProblem> {
        WriteTransaction transaction(core_.db);
        auto& store = core_.accounts;
        const auto stored = store.find(name);
        if (!stored) return AccountProblem{AccountProblemKind::unknown_account, printable(name)};
        if (!store.set_terminal(name, terminal))
            return AccountProblem{AccountProblemKind::not_a_terminal, std::string(name)};
        record_account_event(core_, account_change_stamp(core_, now), AccountEventKind::terminal_settings_changed,
                             account_event_detail(name) + terminal_detail(terminal));
        transaction.commit();
        return std::nullopt;
    });
}

OrFault<std::optional<AccountProblem>> AccountService::remove(std::string_view name, Timestamp now) {
    return guarded([&]() -> std::optional<AccountProblem> {
        WriteTransaction transaction(core_.db);
        // Stamped before the account goes: a librarian may remove their own.
        const auto by = account_change_stamp(core_, now);
        if (!core_.accounts.remove(name)) return AccountProblem{AccountProblemKind::unknown_account, printable(name)};
        record_account_event(core_, by, AccountEventKind::account_removed, account_event_detail(name));
        transaction.commit();
        return std::nullopt;
    });
}

OrFault<tl::expected<Account, LoginRefused>> AccountService::log_in(std::string_view name, std::string_view password,
                                                                    std::string_view client, Timestamp now,
                                                                    LoginChannel channel) {
    using Result = tl::expected<Account, LoginRefused>;
    return guarded([&]() -> Result {
        const std::lock_guard one_at_a_time(login_mutex());
        const auto events = login_events(channel);
        const std::string logged = logged_name(name);
        const ActionStamp by{.at = now, .station = std::string(events.station), .actor = {ActorRole::none}};
        const auto detail = account_event_detail(logged, printable(client));
        const auto attempts = read_login_attempts(core_.db, logged, now);
        if (const auto until = login_locked_until(attempts, now)) {
            record_account_event(core_, by, events.locked_out, detail);
            return tl::unexpected(LoginRefused{LoginRefusal::locked_out, until});
        }
        auto stored = is_account_name(name) ? core_.accounts.find(name) : std::nullopt;
        // A station account has no password, and an account of the other channel has
        // none here: checked against the stand-in, at the same cost, it never logs in.
        const bool may_log_in = stored && stored->password_hash && channel_takes(channel, stored->account.role);
        const auto* hash = may_log_in ? &*stored->password_hash : nullptr;
        const bool right = verify_secret(hash ? *hash : stand_in_hash(), password) && hash;
        if (!right) {
            record_account_event(core_, by, events.failed, detail);
            return tl::unexpected(LoginRefused{LoginRefusal::wrong_password, std::nullopt});
        }
        record_account_event(core_, by, events.logged_in, detail);
        return std::move(stored->account);
    });
}

}  // namespace kitap::core
