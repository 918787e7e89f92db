#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// Who may use the web console, and as what. A station is a kiosk on another PC: it
// calls only the station routes, with a token instead of a password. A sip2 account
// is a self-check machine's (`kitap sip2`), which logs in there and nowhere else.
enum class AccountRole { librarian, teacher, director, station, sip2 };
std::string_view to_string(AccountRole role);  // "librarian", "teacher", "director", "station", "sip2"
std::optional<AccountRole> account_role_from(std::string_view name);

// How a SIP2 terminal talks: whether its answers end in AY/AZ checksums even when its
// requests do not, and the language of the screen messages it shows ("kk", "ru", "en").
struct TerminalSettings {
    bool checksums = false;
    std::string language = "kk";

    friend bool operator==(const TerminalSettings&, const TerminalSettings&) = default;
};
bool is_terminal_language(std::string_view language);

struct Account {
    std::string name;
    AccountRole role = AccountRole::librarian;
    std::vector<std::string> classes;      // the classes a teacher leads ("5Ә"); empty for the others
    std::int64_t credentials_version = 1;  // changes with every password change: sessions made before are void
    TerminalSettings terminal;             // a sip2 account's; the others keep the defaults

    friend bool operator==(const Account&, const Account&) = default;
};

}  // namespace kitap::core
