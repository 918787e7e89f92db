#include "core/audit/login_attempts.hpp"

#include "core/db/statement.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace kitap::core {
namespace {

constexpr auto account_event_names = enum_names<AccountEventKind>({
    {AccountEventKind::account_added, "account_added"},
    {AccountEventKind::account_removed, "account_removed"},
    {AccountEventKind::account_password_changed, "account_password_changed"},
    {AccountEventKind::web_login, "web_login"},
    {AccountEventKind::web_login_failed, "web_login_failed"},
    {AccountEventKind::web_login_locked_out, "web_login_locked_out"},
    {AccountEventKind::station_token_renewed, "station_token_renewed"},
    {AccountEventKind::sip2_login, "sip2_login"},
    {AccountEventKind::sip2_login_failed, "sip2_login_failed"},
    {AccountEventKind::sip2_login_locked_out, "sip2_login_locked_out"},
    {AccountEventKind::terminal_settings_changed, "terminal_settings_changed"},
});

}  // namespace

std::string_view to_string(AccountEventKind kind) { return account_event_names.name_of(kind); }

std::string account_event_detail(std::string_view account, std::string_view client) {
    std::string detail = "account=" + std::string(account);
    if (!client.empty()) detail += " client=" + std::string(client);
    return detail;
}

std::vector<LoginAttempt> read_login_attempts(SQLite::Database& db, std::string_view account, Timestamp now,
                                              const LoginThrottlePolicy& policy) {
    // The detail is "account=NAME" alone or followed by a space: "account=ann"
    // must not match "account=anna ...".
    SQLite::Statement rows(db, R"(
        SELECT at, action FROM event
        WHERE at >= ?1 AND action IN (?2, ?3, ?4, ?6) AND (detail = ?5 OR substr(detail, 1, length(?5) + 1) = ?5 || ' ')
        ORDER BY at, id)");
    const std::string wrong_on_web(to_string(AccountEventKind::web_login_failed));
    const std::string wrong_on_sip2(to_string(AccountEventKind::sip2_login_failed));
    rebind(rows, iso_timestamp(now - policy.window - policy.lockout), wrong_on_web,
           std::string(to_string(AccountEventKind::account_added)),
           std::string(to_string(AccountEventKind::account_password_changed)), account_event_detail(account),
           wrong_on_sip2);
    std::vector<LoginAttempt> attempts;
    while (rows.executeStep()) {
        // Every writer stamps events with iso_timestamp; a row that does not parse
        // was not written by Kitap and is passed over.
        const auto action = rows.getColumn(1).getString();
        if (const auto at = parse_iso_timestamp(rows.getColumn(0).getString()))
            attempts.push_back({.at = *at, .wrong = action == wrong_on_web || action == wrong_on_sip2});
    }
    return attempts;
}

std::optional<Timestamp> login_locked_until(std::span<const LoginAttempt> attempts, Timestamp now,
                                            const LoginThrottlePolicy& policy) {
    std::optional<Timestamp> locked_until;
    std::vector<Timestamp> wrong_tries;  // since the last lockout or new password, within a window of the latest
    for (const auto& attempt : attempts) {
        if (!attempt.wrong) {
            wrong_tries.clear();
            locked_until.reset();
            continue;
        }
        std::erase_if(wrong_tries, [&](Timestamp at) { return at <= attempt.at - policy.window; });
        wrong_tries.push_back(attempt.at);
        if (static_cast<int>(wrong_tries.size()) >= policy.wrong_tries) {
            locked_until = attempt.at + policy.lockout;
            wrong_tries.clear();
        }
    }
    if (!locked_until || now >= *locked_until || now < *locked_until - policy.lockout) return std::nullopt;
    return locked_until;
}

}  // namespace kitap::core
