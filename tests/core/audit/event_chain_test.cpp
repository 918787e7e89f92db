#include "core/audit/event_chain.hpp"

#include "core/audit/audit_log.hpp"
#include "core/audit/librarian_action.hpp"
#include "core/circulation/station.hpp"
#include "core/embedded_file.hpp"
#include "core/security/sodium.hpp"
#include "core/textbooks/textbook_fixture.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <vector>

namespace kitap::core {

extern const std::vector<kitap::EmbeddedFile> migrations;

namespace {

using namespace std::chrono_literals;

// 5Ә's pupils borrow and return at the kiosk, the librarian lends at the desk and
// sets a setting: the log has rows of every kind of actor.
class EventChainTest : public testing::TextbookFixture {
protected:
    void SetUp() override {
        TextbookFixture::SetUp();
        temp_.db().exec("INSERT INTO title (id, title, kind) VALUES (4, 'Абай жолы', 'fiction')");
        temp_.db().exec("INSERT INTO copy (id, barcode, title_id) VALUES (1, '10000017', 4)");
        Station kiosk(store_, Rules{}, StationMode::self, "kiosk");
        for (const char* code : {"20000014", "10000017", "10000017", "20000022", "9786010000018"}) scan(kiosk, code);
        Station desk(store_, Rules{}, StationMode::desk, "desk");
        for (const char* code : {"20000030", "10000017"}) scan(desk, code);
        record_librarian_action(store_, {.at = now_, .station = "kiosk", .action = LibrarianActionKind::pin_wrong});
        record_librarian_action(store_, {.at = now_,
                                         .station = "kiosk",
                                         .action = LibrarianActionKind::setting_changed,
                                         .detail = "idle_timeout_seconds=45"});
        ASSERT_GE(count("SELECT count(*) FROM event"), 8);
    }

    void scan(Station& station, const std::string& code) {
        now_ += 5s;
        station.handle({.text = code}, now_);
    }

    // What someone with the sqlite3 shell can do: the triggers dropped, a change
    // made, the triggers put back as they were.
    void behind_the_triggers_back(const std::string& change) {
        SQLite::Database shell(temp_.path().string(), SQLite::OPEN_READWRITE);
        const auto trigger_sql = [&shell](const char* name) {
            return shell.execAndGet(std::string("SELECT sql FROM sqlite_schema WHERE name = '") + name + "'")
                .getString();
        };
        const auto no_update = trigger_sql("event_no_update"), no_delete = trigger_sql("event_no_delete");
        shell.exec("DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete;");
        shell.exec(change);
        shell.exec(no_update + ";" + no_delete + ";");
    }

    // On a connection of its own: the stations' statements keep the fixture's
    // connection reading its snapshot from before the shell's change.
    ChainCheck verify() {
        SQLite::Database db(temp_.path().string(), SQLite::OPEN_READONLY);
        return verify_event_chain(db);
    }

    LibraryStore store_{temp_.db()};
};

TEST_F(EventChainTest, AnIntactChainVerifies) {
    const auto check = verify();
    EXPECT_TRUE(check.whole());
    EXPECT_EQ(check.events, count("SELECT count(*) FROM event"));
    EXPECT_EQ(check.last_id, count("SELECT max(id) FROM event"));
    ASSERT_TRUE(check.head);
    EXPECT_EQ(hex_text(*check.head),
              temp_.db().execAndGet("SELECT lower(hex(hash)) FROM event ORDER BY id DESC LIMIT 1").getString());
}

TEST_F(EventChainTest, AnEmptyLogIsWhole) {
    testing::TempDatabase empty;
    const auto check = verify_event_chain(empty.db());
    EXPECT_TRUE(check.whole());
    EXPECT_EQ(check.events, 0);
    EXPECT_FALSE(check.head);
}

TEST_F(EventChainTest, ARowChangedBehindTheTriggersBackIsReportedWithItsId) {
    behind_the_triggers_back("UPDATE event SET actor_role = 'librarian', actor_card = '' WHERE id = 3");
    const auto check = verify();
    ASSERT_FALSE(check.whole());
    EXPECT_EQ(check.broken->id, 3);
    EXPECT_EQ(check.broken->fault, ChainFault::changed);
    EXPECT_EQ(check.broken->at, temp_.db().execAndGet("SELECT at FROM event WHERE id = 3").getString());
    EXPECT_EQ(check.events, 2);
}

TEST_F(EventChainTest, ARowRehashedAfterItsChangeBreaksTheChainAtTheNextRow) {
    // The forger recomputes the changed row's own hash from the row before; the row after still holds the old one.
    std::vector<EventField> fields;
    const std::string station = "desk", role = "librarian", empty, action = "visit", at = "2026-11-25T10:00:10Z";
    fields = {std::int64_t{3}, at, station, role, empty, action, std::int64_t{1}, {}, {}, {}, empty};
    const auto previous = temp_.db().execAndGet("SELECT hex(hash) FROM event WHERE id = 2").getString();
    std::vector<unsigned char> previous_bytes;
    for (std::size_t i = 0; i < previous.size(); i += 2) {
        unsigned value = 0;
        std::from_chars(previous.data() + i, previous.data() + i + 2, value, 16);
        previous_bytes.push_back(static_cast<unsigned char>(value));
    }
    const auto forged = hex_text(chain_hash(previous_bytes, fields));
    behind_the_triggers_back("UPDATE event SET at = '" + at +
                             "', station = 'desk', actor_role = 'librarian', "
                             "actor_card = '', action = 'visit', reader_id = 1, title_id = NULL, copy_id = NULL, "
                             "quantity = NULL, detail = '', hash = X'" +
                             forged + "' WHERE id = 3");
    const auto check = verify();
    ASSERT_FALSE(check.whole());
    EXPECT_EQ(check.broken->id, 4);
    EXPECT_EQ(check.broken->fault, ChainFault::changed);
}

TEST_F(EventChainTest, ADeletedRowIsReportedAtTheRowAfterIt) {
    behind_the_triggers_back("DELETE FROM event WHERE id = 4");
    const auto check = verify();
    ASSERT_FALSE(check.whole());
    EXPECT_EQ(check.broken->id, 5);
    EXPECT_EQ(check.broken->fault, ChainFault::missing);
    EXPECT_EQ(check.broken->missing_from, 4);
    EXPECT_EQ(check.broken->missing_to, 4);
    EXPECT_EQ(check.events, 3);
}

TEST_F(EventChainTest, ADeletedFirstRowAndRenumberedRowsAreFound) {
    behind_the_triggers_back("DELETE FROM event WHERE id = 1");
    EXPECT_EQ(verify().broken->fault, ChainFault::missing);
    behind_the_triggers_back("UPDATE event SET id = id - 1");
    const auto check = verify();
    EXPECT_EQ(check.broken->id, 1);
    EXPECT_EQ(check.broken->fault, ChainFault::changed);
}

TEST(EventHash, TheEncodingTellsEveryDifferentRowApart) {
    const std::string_view ab = "ab", c = "c", a = "a", bc = "bc", empty = "";
    const auto hash = [](std::vector<EventField> fields) { return chain_hash({}, fields); };
    EXPECT_NE(hash({ab, c}), hash({a, bc}));
    EXPECT_NE(hash({EventField{}}), hash({std::int64_t{0}}));
    EXPECT_NE(hash({EventField{}}), hash({empty}));
    EXPECT_NE(hash({empty}), hash({BlobField{empty}}));
    EXPECT_NE(hash({std::int64_t{1}}), hash({1.0}));
    EXPECT_NE(hash({std::int64_t{1}}), hash({std::string_view("1")}));
    const std::vector<EventField> same{std::int64_t{7}, ab};
    const unsigned char before[] = {1, 2, 3};
    EXPECT_NE(chain_hash({}, same), chain_hash(before, same));
    EXPECT_EQ(chain_hash(before, same), chain_hash(before, same));
}

// ---- Migration 6 ------------------------------------------------------------

int migration_number(std::string_view name) {
    int number = 0;
    std::from_chars(name.data(), name.data() + name.size(), number);
    return number;
}

// A library at schema 5, whose events name their actor by a role word or a card.
TEST(EventChainMigration, OldRowsAreChainedAndTheirActorsSplitIntoRoleAndCard) {
    testing::TempDatabase fresh;  // only for its folder
    const auto path = fresh.dir() / "old.db";
    {
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& migration : migrations)
            if (migration_number(migration.name) < 6) old.exec(std::string(migration.contents));
        old.exec("PRAGMA user_version = 5");
        old.exec(R"(
            INSERT INTO school_class (id, grade, letter, language, school_year) VALUES (1, 5, 'Ә', 'kk', '2026-2027');
            INSERT INTO reader (id, card, full_name, category, class_id) VALUES
                (1, 'librarian', 'Pupil With A Cheeky Card', 'pupil', 1), (2, '20000014', 'Әбенова Аружан', 'pupil', 1),
                (3, 'import', 'Another Cheeky Card', 'pupil', 1);
            INSERT INTO event (at, station, actor, action, reader_id, detail) VALUES
                ('2026-11-25T09:00:00Z', 'import', 'import', 'reader_added', 3, 'import'),
                ('2026-11-25T09:01:00Z', 'kiosk', 'librarian', 'loan', 1, ''),
                ('2026-11-25T09:02:00Z', 'kiosk', '20000014', 'loan', 2, ''),
                ('2026-11-25T09:03:00Z', 'desk', 'librarian', 'loan', 2, ''),
                ('2026-11-25T09:04:00Z', 'kiosk', '', 'pin_wrong', NULL, ''),
                ('2026-11-25T09:05:00Z', '', 'demo', 'demo', NULL, 'seed=1 years=1');)");
    }
    auto db = open_database(path);
    SQLite::Statement rows(db, "SELECT actor_role || ' [' || actor_card || ']' FROM event ORDER BY id");
    std::vector<std::string> actors;
    while (rows.executeStep()) actors.push_back(rows.getColumn(0).getString());
    EXPECT_EQ(actors, (std::vector<std::string>{"import []", "reader [librarian]", "reader [20000014]", "librarian []",
                                                "none []", "demo []"}));
    const auto check = verify_event_chain(db);
    EXPECT_TRUE(check.whole());
    EXPECT_EQ(check.events, 6);
    EXPECT_THROW(db.exec("UPDATE event SET detail = 'x'"), SQLite::Exception) << "the triggers are back";
    EXPECT_THROW(db.exec("DELETE FROM event"), SQLite::Exception);

    // New rows continue the chain the migration started.
    LibraryStore(db).log_event({.at = Timestamp{} + 1s, .actor = {ActorRole::librarian}, .action = "backup"});
    EXPECT_EQ(verify_event_chain(db).events, 7);

    std::vector<std::string> audited;
    for_each_audit_entry(db, Timestamp{},
                         [&](const AuditEntry& entry) { audited.push_back(entry.action + " " + entry.reader_card); });
    EXPECT_EQ(audited, (std::vector<std::string>{"backup ", "reader_added import", "loan 20000014", "pin_wrong "}));
}

// ---- Migration 8: the acting web account ------------------------------------

// A library at schema 7 with two rows chained as Kitap chained them then (the
// eleven columns, by the migration's own SQL function): they must still verify
// once the event log has the account column, and rows naming an account join the
// same chain, the account covered by their hash.
TEST(EventChainMigration, RowsBeforeTheAccountColumnStillVerifyAndAccountsAreChained) {
    testing::TempDatabase fresh;  // only for its folder
    const auto path = fresh.dir() / "old.db";
    {
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        add_event_hash_function(old);
        for (const auto& migration : migrations)
            if (migration_number(migration.name) < 8) old.exec(std::string(migration.contents));
        old.exec("PRAGMA user_version = 7");
        for (const char* row : {"(1, '2026-11-25T09:00:00Z', 'cli', 'librarian', '', 'backup', 'kitap.db')",
                                "(2, '2026-11-25T09:01:00Z', 'kiosk', 'none', '', 'pin_wrong', '')"})
            old.exec(std::string(R"(
                WITH r (id, at, station, actor_role, actor_card, action, detail) AS (VALUES )") +
                     row + R"()
                INSERT INTO event (id, at, station, actor_role, actor_card, action, detail, hash)
                SELECT id, at, station, actor_role, actor_card, action, detail,
                       kitap_event_hash((SELECT hash FROM event WHERE id = r.id - 1), id, at, station, actor_role,
                                        actor_card, action, NULL, NULL, NULL, NULL, detail)
                FROM r)");
    }
    auto db = open_database(path);
    EXPECT_EQ(verify_event_chain(db).events, 2);

    LibraryStore store(db);
    set_acting_account(db, "aigul");
    store.log_event({.at = Timestamp{} + 1s, .actor = {ActorRole::librarian}, .action = "settle"});
    set_acting_account(db, std::nullopt);
    store.log_event({.at = Timestamp{} + 2s, .actor = {ActorRole::librarian}, .action = "backup"});
    EXPECT_EQ(db.execAndGet("SELECT group_concat(coalesce(actor_account, '-'), ' ') FROM event").getString(),
              "- - aigul -");
    const auto whole = verify_event_chain(db);
    EXPECT_TRUE(whole.whole());
    EXPECT_EQ(whole.events, 4);
}

// The account is part of a row's hash: giving a row one, changing or taking it away shows.
class AccountChainTest : public EventChainTest {
protected:
    void SetUp() override {
        EventChainTest::SetUp();
        set_acting_account(temp_.db(), "aigul");
        record_librarian_action(store_, {.at = now_, .station = "web", .action = LibrarianActionKind::backup});
        set_acting_account(temp_.db(), std::nullopt);
        account_row_ = count("SELECT max(id) FROM event");
        ASSERT_TRUE(verify_event_chain(temp_.db()).whole());
    }

    std::optional<ChainBreak> broken_after(const std::string& change) {
        behind_the_triggers_back(change);
        return verify_event_chain(temp_.db()).broken;
    }

    long long account_row_ = 0;
};

TEST_F(AccountChainTest, ChangingTheAccountOfARowShows) {
    const auto broken = broken_after("UPDATE event SET actor_account = 'someone' WHERE actor_account = 'aigul'");
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->id, account_row_);
}

TEST_F(AccountChainTest, TakingTheAccountAwayShows) {
    const auto broken = broken_after("UPDATE event SET actor_account = NULL WHERE actor_account = 'aigul'");
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->id, account_row_);
}

TEST_F(AccountChainTest, GivingARowWithoutOneAnAccountShows) {
    const auto broken = broken_after("UPDATE event SET actor_account = 'aigul' WHERE id = 1");
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->id, 1);
}

}  // namespace
}  // namespace kitap::core
