#pragma once

#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>

namespace kitap::testing {

// Class 5Ә (Kazakh, this school year) with three pupils, a curriculum of two
// titles (one given twice per pupil) and a Russian-class title outside it.
class TextbookFixture : public ::testing::Test {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        auto& db = temp_.db();
        temp_.add_class("2026-2027", 5, "Ә");  // id 1
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, class_id) VALUES
            (1, '20000014', 'Әбенова Аружан', 'pupil', 1),
            (2, '20000022', 'Нұрланұлы Ерасыл', 'pupil', 1),
            (3, '20000030', 'Серікова Дана', 'pupil', 1))");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, subject, stock, price_tiyn) VALUES
            (1, 'Математика. 5-сынып. 1-бөлім', '9786010000001', 'textbook', 5, 'Математика', 6, 250000),
            (2, 'Қазақ тілі. 5-сынып', '9786010000018', 'textbook', 5, 'Қазақ тілі', 3, 200000),
            (3, 'Русский язык. 5 класс', '9786010000025', 'textbook', 5, 'Русский язык', 5, 200000))");
        db.exec(R"(INSERT INTO curriculum (grade, language, title_id, per_pupil, subject) VALUES
            (5, 'kk', 1, 2, 'Математика'), (5, 'kk', 2, 1, 'Қазақ тілі'))");
    }

    int count(const std::string& sql) { return temp_.db().execAndGet(sql).getInt(); }

    TestSchool temp_;
    std::chrono::sys_seconds now_ = std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours{10};
};

}  // namespace kitap::testing
