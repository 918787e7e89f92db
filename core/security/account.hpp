#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// Who may use the web console, and as what. A station is a kiosk on another PC: it
// calls only the station routes, with a token instead of a password.
enum class AccountRole { librarian, teacher, director, station };
std::string_view to_string(AccountRole role);  // "librarian", "teacher", "director", "station"
std::optional<AccountRole> account_role_from(std::string_view name);

struct Account {
    std::string name;
    AccountRole role = AccountRole::librarian;
    std::vector<std::string> classes;      // the classes a teacher leads ("5Ә"); empty for the others
    std::int64_t credentials_version = 1;  // changes with every password change: sessions made before are void

    friend bool operator==(const Account&, const Account&) = default;
};

}  // namespace kitap::core
