#include "kiosk/sip2/codec/layouts.hpp"

#include <algorithm>
#include <array>

namespace kitap::sip2 {
namespace {

// SIP2's 18-character dates ("YYYYMMDDZZZZHHMMSS") are the commonest fixed field.
constexpr std::size_t date = 18;

// Requests, as 3M's SIP 2.00 spec lays them out (and Koha's C4/SIP/Sip/MsgType.pm unpacks them).
constexpr std::array<FixedLayout, 2> login{{{"uid_algorithm", 1}, {"pwd_algorithm", 1}}};
constexpr std::array<FixedLayout, 3> sc_status{{{"status_code", 1}, {"max_print_width", 3}, {"protocol_version", 4}}};
constexpr std::array<FixedLayout, 2> patron_status{{{"language", 3}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 3> patron_information{{{"language", 3}, {"transaction_date", date}, {"summary", 10}}};
constexpr std::array<FixedLayout, 4> checkout{
    {{"sc_renewal_policy", 1}, {"no_block", 1}, {"transaction_date", date}, {"nb_due_date", date}}};
constexpr std::array<FixedLayout, 3> checkin{{{"no_block", 1}, {"transaction_date", date}, {"return_date", date}}};
constexpr std::array<FixedLayout, 1> dated{{{"transaction_date", date}}};  // 17 65 35 19 25
constexpr std::array<FixedLayout, 4> renew{
    {{"third_party_allowed", 1}, {"no_block", 1}, {"transaction_date", date}, {"nb_due_date", date}}};
constexpr std::array<FixedLayout, 4> fee_paid{
    {{"transaction_date", date}, {"fee_type", 2}, {"payment_type", 2}, {"currency_type", 3}}};
constexpr std::array<FixedLayout, 2> block_patron{{{"card_retained", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 2> hold{{{"hold_mode", 1}, {"transaction_date", date}}};

// Answers.
constexpr std::array<FixedLayout, 1> login_response{{{"ok", 1}}};
constexpr std::array<FixedLayout, 10> acs_status{{{"online_status", 1},
                                                  {"checkin_ok", 1},
                                                  {"checkout_ok", 1},
                                                  {"acs_renewal_policy", 1},
                                                  {"status_update_ok", 1},
                                                  {"offline_ok", 1},
                                                  {"timeout_period", 3},
                                                  {"retries_allowed", 3},
                                                  {"date_time_sync", date},
                                                  {"protocol_version", 4}}};
// 24 and 26 (Patron Status, Patron Enable Response) share it.
constexpr std::array<FixedLayout, 3> patron_status_response{
    {{"patron_status", 14}, {"language", 3}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 9> patron_information_response{{{"patron_status", 14},
                                                                  {"language", 3},
                                                                  {"transaction_date", date},
                                                                  {"hold_items_count", 4},
                                                                  {"overdue_items_count", 4},
                                                                  {"charged_items_count", 4},
                                                                  {"fine_items_count", 4},
                                                                  {"recall_items_count", 4},
                                                                  {"unavailable_holds_count", 4}}};
// 12 and 30 (Checkout, Renew Response) share it.
constexpr std::array<FixedLayout, 5> checkout_response{
    {{"ok", 1}, {"renewal_ok", 1}, {"magnetic_media", 1}, {"desensitize", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 5> checkin_response{
    {{"ok", 1}, {"resensitize", 1}, {"magnetic_media", 1}, {"alert", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 4> item_information_response{
    {{"circulation_status", 2}, {"security_marker", 2}, {"fee_type", 2}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 4> renew_all_response{
    {{"ok", 1}, {"renewed_count", 4}, {"unrenewed_count", 4}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 2> end_session_response{{{"end_session", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 2> fee_paid_response{{{"payment_accepted", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 3> hold_response{{{"ok", 1}, {"available", 1}, {"transaction_date", date}}};
constexpr std::array<FixedLayout, 2> item_status_update_response{
    {{"item_properties_ok", 1}, {"transaction_date", date}}};

struct Command {
    std::string_view code;
    Direction direction;
    std::span<const FixedLayout> layout;
};

constexpr std::array<Command, 31> commands{{
    {"93", Direction::request, login},
    {"99", Direction::request, sc_status},
    {"97", Direction::request, {}},  // Request ACS Resend
    {"23", Direction::request, patron_status},
    {"63", Direction::request, patron_information},
    {"11", Direction::request, checkout},
    {"09", Direction::request, checkin},
    {"17", Direction::request, dated},  // Item Information
    {"29", Direction::request, renew},
    {"65", Direction::request, dated},  // Renew All
    {"35", Direction::request, dated},  // End Patron Session
    {"37", Direction::request, fee_paid},
    {"01", Direction::request, block_patron},
    {"15", Direction::request, hold},
    {"19", Direction::request, dated},  // Item Status Update
    {"25", Direction::request, dated},  // Patron Enable
    {"94", Direction::answer, login_response},
    {"98", Direction::answer, acs_status},
    {"96", Direction::answer, {}},  // Request SC Resend
    {"24", Direction::answer, patron_status_response},
    {"64", Direction::answer, patron_information_response},
    {"12", Direction::answer, checkout_response},
    {"10", Direction::answer, checkin_response},
    {"18", Direction::answer, item_information_response},
    {"30", Direction::answer, checkout_response},
    {"66", Direction::answer, renew_all_response},
    {"36", Direction::answer, end_session_response},
    {"38", Direction::answer, fee_paid_response},
    {"16", Direction::answer, hold_response},
    {"20", Direction::answer, item_status_update_response},
    {"26", Direction::answer, patron_status_response},
}};

const Command* find_command(std::string_view code) {
    const auto found = std::ranges::find(commands, code, &Command::code);
    return found == commands.end() ? nullptr : &*found;
}

}  // namespace

std::span<const FixedLayout> fixed_layout(std::string_view command) {
    const auto* found = find_command(command);
    return found ? found->layout : std::span<const FixedLayout>{};
}

bool is_known_command(std::string_view command) { return find_command(command) != nullptr; }

std::optional<Direction> direction_of(std::string_view command) {
    const auto* found = find_command(command);
    return found ? std::optional(found->direction) : std::nullopt;
}

}  // namespace kitap::sip2
