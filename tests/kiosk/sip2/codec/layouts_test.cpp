#include "kiosk/sip2/codec/layouts.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

namespace kitap::sip2 {
namespace {

std::size_t total_length(std::string_view command) {
    const auto layout = fixed_layout(command);
    return std::accumulate(layout.begin(), layout.end(), std::size_t{0},
                           [](std::size_t sum, const FixedLayout& field) { return sum + field.length; });
}

std::vector<std::string> names(std::string_view command) {
    std::vector<std::string> names;
    for (const auto& field : fixed_layout(command)) names.emplace_back(field.name);
    return names;
}

// The lengths of the fixed parts as 3M's SIP 2.00 spec gives them (Koha's templates agree).
TEST(LayoutsTest, EveryRequestsFixedPartHasTheSpecsLength) {
    const std::vector<std::pair<std::string, std::size_t>> requests{
        {"93", 2},  {"99", 8},  {"97", 0},  {"23", 21}, {"63", 31}, {"11", 38}, {"09", 37}, {"17", 18},
        {"29", 38}, {"65", 18}, {"35", 18}, {"37", 25}, {"01", 19}, {"15", 19}, {"19", 18}, {"25", 18}};
    for (const auto& [command, length] : requests) {
        EXPECT_EQ(total_length(command), length) << command;
        EXPECT_EQ(direction_of(command), Direction::request) << command;
    }
}

TEST(LayoutsTest, EveryAnswersFixedPartHasTheSpecsLength) {
    const std::vector<std::pair<std::string, std::size_t>> answers{
        {"94", 1},  {"98", 34}, {"96", 0},  {"24", 35}, {"64", 59}, {"12", 22}, {"10", 22}, {"18", 24},
        {"30", 22}, {"66", 27}, {"36", 19}, {"38", 19}, {"16", 20}, {"20", 19}, {"26", 35}};
    for (const auto& [command, length] : answers) {
        EXPECT_EQ(total_length(command), length) << command;
        EXPECT_EQ(direction_of(command), Direction::answer) << command;
    }
}

TEST(LayoutsTest, FieldsAreNamedInTheirOrder) {
    EXPECT_EQ(names("11"),
              (std::vector<std::string>{"sc_renewal_policy", "no_block", "transaction_date", "nb_due_date"}));
    EXPECT_EQ(names("98"), (std::vector<std::string>{"online_status", "checkin_ok", "checkout_ok", "acs_renewal_policy",
                                                     "status_update_ok", "offline_ok", "timeout_period",
                                                     "retries_allowed", "date_time_sync", "protocol_version"}));
    EXPECT_EQ(names("64"),
              (std::vector<std::string>{"patron_status", "language", "transaction_date", "hold_items_count",
                                        "overdue_items_count", "charged_items_count", "fine_items_count",
                                        "recall_items_count", "unavailable_holds_count"}));
    EXPECT_EQ(names("37"), (std::vector<std::string>{"transaction_date", "fee_type", "payment_type", "currency_type"}));
}

TEST(LayoutsTest, AnUnknownCommandHasNoLayout) {
    for (const std::string_view command : {"42", "9", "", "933", "AA", "95"}) {
        EXPECT_FALSE(is_known_command(command)) << command;
        EXPECT_TRUE(fixed_layout(command).empty()) << command;
        EXPECT_EQ(direction_of(command), std::nullopt) << command;
    }
    EXPECT_TRUE(is_known_command("97"));
    EXPECT_TRUE(fixed_layout("97").empty());
}

}  // namespace
}  // namespace kitap::sip2
