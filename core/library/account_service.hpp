#pragma once

#include "core/audit/login_attempts.hpp"
#include "core/calendar.hpp"
#include "core/library/fault.hpp"
#include "core/security/account.hpp"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

struct LibraryCore;

struct NewAccount {
    std::string name;
    AccountRole role = AccountRole::librarian;
    std::vector<std::string> classes;
    std::string password;
    TerminalSettings terminal;  // a sip2 account's
};

// Why an account was not added, changed or removed.
enum class AccountProblemKind {
    name_taken,                 // another account has this name
    unknown_account,            // no account has this name
    bad_name,                   // empty, over max_account_name_bytes, not UTF-8, or with spaces or control characters
    password_too_short,         // fewer than min_password_length characters
    unknown_class,              // detail: the class as given, which this school year does not have
    classes_only_for_teachers,  // a librarian or director given classes
    teacher_needs_class,        // a teacher given none
    station_has_no_password,    // a station account has a token instead (add_station, renew_token)
    not_a_station,              // a token asked for an account of another role
    not_a_terminal,             // terminal settings given for an account that is not sip2
    unknown_language,           // detail: a terminal language other than kk, ru and en
};
std::string_view to_string(AccountProblemKind kind);

struct AccountProblem {
    AccountProblemKind kind = AccountProblemKind::bad_name;
    std::string detail;  // the name or class concerned

    friend bool operator==(const AccountProblem&, const AccountProblem&) = default;
};

// A station account as added or given a new token: the token is shown this once.
struct StationToken {
    Account account;
    std::string token;
};

inline constexpr std::size_t min_password_length = 10;  // characters (UTF-8 code points), not bytes
inline constexpr std::size_t max_account_name_bytes = 64;

// Where a login comes from: the web console takes every role but sip2, `kitap sip2`
// only sip2. A password of the wrong channel's account is a wrong password, and
// wrong passwords count toward one lockout whichever channel they came through.
enum class LoginChannel { web, sip2 };

// An unknown name is a wrong password, at the same cost (a dummy hash is checked),
// so a refusal does not tell which names exist.
enum class LoginRefusal { wrong_password, locked_out };
std::string_view to_string(LoginRefusal refusal);

struct LoginRefused {
    LoginRefusal reason = LoginRefusal::wrong_password;
    std::optional<Timestamp> until;  // with locked_out: when logins are taken again

    friend bool operator==(const LoginRefused&, const LoginRefused&) = default;
};

// The web console's accounts. Passwords are kept only as argon2id hashes; every
// change and every login (failed or locked out too) is a row of the audit log.
class AccountService {
public:
    explicit AccountService(LibraryCore& core) : core_(core) {}

    // A librarian, teacher or director; a station is added with add_station.
    OrFault<tl::expected<Account, AccountProblem>> add(const NewAccount& account, Timestamp now);
    // A station account (a kiosk on another PC) with a new token; audited as account_added.
    OrFault<tl::expected<StationToken, AccountProblem>> add_station(std::string_view name, Timestamp now);
    // A station's new token; the old one stops working. Audited as station_token_renewed.
    OrFault<tl::expected<StationToken, AccountProblem>> renew_token(std::string_view name, Timestamp now);
    // The station account this token is of, looked up by the token's hash.
    OrFault<std::optional<Account>> find_by_token(std::string_view token);
    // Every account by name; never a hash.
    OrFault<std::vector<Account>> list();
    OrFault<std::optional<Account>> find(std::string_view name);
    // A new hash and a new credentials_version; the problem, when refused (a station has no password).
    OrFault<std::optional<AccountProblem>> change_password(std::string_view name, std::string_view password,
                                                           Timestamp now);
    OrFault<std::optional<AccountProblem>> remove(std::string_view name, Timestamp now);
    // A sip2 account's terminal settings; audited as terminal_settings_changed.
    OrFault<std::optional<AccountProblem>> set_terminal(std::string_view name, const TerminalSettings& terminal,
                                                        Timestamp now);
    // Checks the password; 5 wrong ones for one account within 15 minutes lock its
    // logins for 15 minutes (the right password too). Counted from the audit log, so
    // it survives restarts. Audits web_login / web_login_failed / web_login_locked_out
    // (sip2_login... through `kitap sip2`) with the account and `client` (the address)
    // in the detail.
    OrFault<tl::expected<Account, LoginRefused>> log_in(std::string_view name, std::string_view password,
                                                        std::string_view client, Timestamp now,
                                                        LoginChannel channel = LoginChannel::web);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
