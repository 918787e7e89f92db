#pragma once

#include "core/library.hpp"
#include "kiosk/sip2/session/sip2_session.hpp"
#include "tests/support/school.hpp"
#include "tests/support/scoped_time_zone.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

namespace kitap::testing {

// A small school in Kazakhstan's time (UTC+5) with a SIP2 terminal's account, and a
// session of that terminal whose clock the test moves.
//
// 5Ә of 2023-2024: pupil 20000014 holds copy 10000017 of a novel and two textbooks
// counted by title (all due 2024-05-31) and owes 1500 tenge for a lost book;
// pupil 20000022 holds nothing; copy 10000025 of the novel is on its shelf.
class Sip2SessionFixture : public ::testing::Test, protected TestSchool {
protected:
    static constexpr const char* terminal_name = "selfcheck";
    static constexpr const char* terminal_password = "terminal-pass-1";
    static constexpr core::Date march_first{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{1}};

    void SetUp() override {
        const auto class_5a = add_class("2023-2024", 5, "Ә");
        pupil = add_pupil("20000014", class_5a);
        add_pupil("20000022", class_5a);
        novel = add_title(isbn(1), "fiction", 0);
        const auto textbook = add_title(isbn(2), "textbook", 30);
        const auto lost = add_title(isbn(3), "fiction", 1, 150000);
        lend(pupil, novel, 1, add_copy("10000017", novel, "A-1"));
        add_copy("10000025", novel, "A-2");
        lend(pupil, textbook, 2);
        db().exec(
            "INSERT INTO compensation (id, reader_id, title_id, quantity, condition, amount_tiyn, created_at) "
            "VALUES (7, " +
            std::to_string(pupil) + ", " + std::to_string(lost) + ", 1, 'lost', 150000, '2024-02-01T09:00:00Z')");
        now = noon(march_first);
    }

    core::Library& library(core::Rules rules = {}) {
        if (!library_) library_.emplace(core::Library::open(path(), {.rules = std::move(rules)}).value());
        return *library_;
    }

    void add_terminal(core::TerminalSettings terminal = {}) {
        ASSERT_TRUE(library()
                        .accounts()
                        .add({.name = terminal_name,
                              .role = core::AccountRole::sip2,
                              .password = terminal_password,
                              .terminal = std::move(terminal)},
                             now)
                        ->has_value());
    }

    sip2::Sip2Session& session() {
        if (!session_)
            session_.emplace(library(),
                             sip2::SessionSettings{.institution = "kitap", .library_name = "Kitap demo school"},
                             sip2::Peer{"127.0.0.1:40001"}, [this] { return now; });
        return *session_;
    }

    // The answer to `request` (without its terminator), without its "\r".
    std::string ask(const std::string& request) {
        auto answer = session().answer(request);
        EXPECT_TRUE(answer.ends_with('\r')) << answer;
        if (answer.ends_with('\r')) answer.pop_back();
        return answer;
    }

    std::string log_in() {
        return ask(std::string("9300CN") + terminal_name + "|CO" + terminal_password + "|CPfront-door|");
    }

    ScopedTimeZone kazakhstan_{"<+05>-5"};
    core::Timestamp now;
    RowId pupil = 0;
    RowId novel = 0;

private:
    std::optional<core::Library> library_;
    std::optional<sip2::Sip2Session> session_;
};

}  // namespace kitap::testing
