#pragma once

#include "kiosk/answers/answer_context.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace kitap::testing {

// A small school written straight into a fresh database, and the context its
// answers are asked in: English, the default configuration, noon of a chosen day.
class AnswersFixture : public ::testing::Test, protected TestSchool {
protected:
    static constexpr core::Date march_first{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{1}};

    answers::AnswerContext context(core::Date today = march_first) {
        if (!library_) library_.emplace(core::Library::open(path()).value());
        return {*library_, tr_, config_, noon(today)};
    }

    // 5Ә of 2023-2024 with two pupils; pupil 20000014 holds copy 10000017 of a novel
    // (shelf A-1) and two textbooks counted by title.
    void add_small_school() {
        class_5a = add_class("2023-2024", 5, "Ә");
        pupil = add_pupil("20000014", class_5a);
        add_pupil("20000022", class_5a);
        novel = add_title(isbn(1), "fiction", 0);
        textbook = add_title(isbn(2), "textbook", 30);
        novel_copy = add_copy("10000017", novel, "A-1");
        add_copy("10000025", novel, "A-2");
        lend(pupil, novel, 1, novel_copy);
        lend(pupil, textbook, 2);
    }

    app::Translator tr_{app::Language::en};
    app::Config config_;
    RowId class_5a = 0;
    RowId pupil = 0;
    RowId novel = 0;
    RowId textbook = 0;
    RowId novel_copy = 0;

private:
    std::optional<core::Library> library_;
};

}  // namespace kitap::testing
