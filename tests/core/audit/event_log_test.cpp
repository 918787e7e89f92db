#include "core/audit/event_log.hpp"

#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;

const Timestamp morning = sys_days{2026y / November / 25} + 9h;

std::string row(SQLite::Database& db, RowId id) {
    SQLite::Statement query(db, R"(
        SELECT at || ' ' || station || ' ' || actor_role || ' [' || actor_card || '] ' || action || ' ' ||
               coalesce(reader_id, '-') || ' ' || coalesce(quantity, '-') || ' ' || detail || ' ' || length(hash)
        FROM event WHERE id = ?)");
    query.bind(1, id);
    return query.executeStep() ? query.getColumn(0).getString() : "";
}

TEST(EventLog, TheRoleIsStoredApartFromTheCard) {
    testing::TempDatabase temp;
    EventLog log(temp.db());
    log.append({.at = morning, .station = "kiosk", .actor = {ActorRole::reader, "librarian"}, .action = "visit"});
    log.append({.at = morning + 1s,
                .station = "desk",
                .actor = {ActorRole::librarian},
                .action = "loan",
                .reader_id = 7,
                .quantity = 1,
                .detail = "off_curriculum"});
    log.append({.at = morning + 2s, .station = "kiosk", .action = "pin_wrong"});
    EXPECT_EQ(row(temp.db(), 1), "2026-11-25T09:00:00Z kiosk reader [librarian] visit - -  32");
    EXPECT_EQ(row(temp.db(), 2), "2026-11-25T09:00:01Z desk librarian [] loan 7 1 off_curriculum 32");
    EXPECT_EQ(row(temp.db(), 3), "2026-11-25T09:00:02Z kiosk none [] pin_wrong - -  32");
}

TEST(EventLog, ACardWithoutTheReaderRoleOrTheReaderRoleWithoutACardIsRefused) {
    testing::TempDatabase temp;
    EventLog log(temp.db());
    EXPECT_THROW(log.append({.at = morning, .actor = {ActorRole::librarian, "20000014"}, .action = "loan"}),
                 SQLite::Exception);
    EXPECT_THROW(log.append({.at = morning, .actor = {ActorRole::reader}, .action = "loan"}), SQLite::Exception);
    EXPECT_EQ(temp.db().execAndGet("SELECT count(*) FROM event").getInt(), 0);
}

TEST(EventLog, RoleNamesReadBack) {
    for (auto role : {ActorRole::none, ActorRole::librarian, ActorRole::import, ActorRole::reader, ActorRole::demo})
        EXPECT_EQ(actor_role_from(to_string(role)), role);
    EXPECT_FALSE(actor_role_from("20000014"));
}

}  // namespace
}  // namespace kitap::core
