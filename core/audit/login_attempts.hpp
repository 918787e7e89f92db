#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// The web console's accounts leave rows in the event log, each with the detail
// "account=NAME" and more after a space (login_event_detail). How locked an
// account's logins are follows from those rows, as the librarian PIN's lockout
// follows from its own (core/audit/pin_attempts.hpp), so restarting `kitap serve`
// gives a guesser no fresh tries.
enum class AccountEventKind {
    account_added,              // `kitap user add` (detail adds the role and classes)
    account_removed,            // `kitap user remove`
    account_password_changed,   // `kitap user passwd`: starts the count of wrong passwords again
    web_login,                  // the right password (detail adds the client's address)
    web_login_failed,           // a wrong password, or a name no account has (actor unknown)
    web_login_locked_out,       // a login while locked: its password was not even checked (actor unknown)
    station_token_renewed,      // `kitap user passwd` on a station account: its old token stops working
    sip2_login,                 // a SIP2 terminal's 93 with the right password
    sip2_login_failed,          // a wrong one: counts toward the same lockout as the web's
    sip2_login_locked_out,      // a 93 while locked
    terminal_settings_changed,  // `kitap user terminal`: a sip2 account's checksums or language
};

inline constexpr std::array all_account_event_kinds{AccountEventKind::account_added,
                                                    AccountEventKind::account_removed,
                                                    AccountEventKind::account_password_changed,
                                                    AccountEventKind::web_login,
                                                    AccountEventKind::web_login_failed,
                                                    AccountEventKind::web_login_locked_out,
                                                    AccountEventKind::station_token_renewed,
                                                    AccountEventKind::sip2_login,
                                                    AccountEventKind::sip2_login_failed,
                                                    AccountEventKind::sip2_login_locked_out,
                                                    AccountEventKind::terminal_settings_changed};

std::string_view to_string(AccountEventKind kind);

// "account=NAME", then " client=ADDRESS" when a client is given.
std::string account_event_detail(std::string_view account, std::string_view client = {});

// 5 wrong passwords for one account within 15 minutes lock its logins for 15
// minutes from the last of them, the right password too.
struct LoginThrottlePolicy {
    int wrong_tries = 5;
    std::chrono::seconds window{std::chrono::minutes(15)};
    std::chrono::seconds lockout{std::chrono::minutes(15)};
};

// A row that bears on an account's lockout.
struct LoginAttempt {
    Timestamp at;
    bool wrong = true;  // web_login_failed or sip2_login_failed; else the account was added or given a new password
};

// The rows for `account` from `now` back over one window and one lockout: no
// older row can bear on a lockout at `now`. Oldest first, read along event_by_time.
std::vector<LoginAttempt> read_login_attempts(SQLite::Database& db, std::string_view account, Timestamp now,
                                              const LoginThrottlePolicy& policy = {});

// Until when the account's logins are locked at `now`; nullopt when they are not.
// A pure fold of `attempts` (read_login_attempts): each wrong try counts the wrong
// tries within the window before it, since the last lockout or new password; the
// one that makes `wrong_tries` locks. A lockout stamped after `now` (the clock set
// back) is not waited for.
std::optional<Timestamp> login_locked_until(std::span<const LoginAttempt> attempts, Timestamp now,
                                            const LoginThrottlePolicy& policy = {});

}  // namespace kitap::core
