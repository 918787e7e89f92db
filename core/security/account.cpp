#include "core/security/account.hpp"

#include "core/text/enum_names.hpp"

namespace kitap::core {
namespace {

constexpr auto role_names = enum_names<AccountRole>({
    {AccountRole::librarian, "librarian"},
    {AccountRole::teacher, "teacher"},
    {AccountRole::director, "director"},
    {AccountRole::station, "station"},
    {AccountRole::sip2, "sip2"},
});

}  // namespace

std::string_view to_string(AccountRole role) { return role_names.name_of(role); }

std::optional<AccountRole> account_role_from(std::string_view name) { return role_names.value_of(name); }

bool is_terminal_language(std::string_view language) {
    return language == "kk" || language == "ru" || language == "en";
}

}  // namespace kitap::core
