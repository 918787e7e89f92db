#pragma once

#include "core/library.hpp"
#include "kiosk/answers/import_answer.hpp"
#include "kiosk/app/translator.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace kitap::testing {

// A fresh school database with a Library open on it, and answers read in English.
class AnswersTest : public ::testing::Test {
protected:
    static core::Timestamp now() {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }

    // The JSON of an answer that must have one.
    static nlohmann::json json_of(const answers::AnswerOr& answer) {
        if (!answer) {
            ADD_FAILURE() << "a problem: " << answer.error().code << ": " << answer.error().message;
            return {};
        }
        return std::get<nlohmann::json>(*answer);
    }

    // The Problem of an answer that must have none.
    static answers::Problem problem_of(const answers::AnswerOr& answer) {
        if (answer) {
            ADD_FAILURE() << "an answer: " << std::get<nlohmann::json>(*answer).dump();
            return {};
        }
        return answer.error();
    }

    // `text` imported as an upload named `name`.
    answers::AnswerOr import_text(answers::ImportKind kind, const std::string& text, bool dry_run = false,
                                  const std::string& name = "list.csv") {
        return answers::import_answer(
            library, tr, {.kind = kind, .file = answers::UploadedFile{text, name}, .dry_run = dry_run, .now = now()});
    }

    // Two pupils of 5Ә, a fiction title with two copies, a textbook with two in stock for grade 5.
    void import_small_library() {
        json_of(import_text(answers::ImportKind::readers,
                            "ФИО;Класс;Номер карты\n"
                            "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
                            "Нұрланұлы Ерасыл;5Ә;20000022\n"));
        json_of(import_text(answers::ImportKind::catalog,
                            "title,authors,isbn,kind,grade,copies,price,barcodes\n"
                            "Абай жолы,Мұхтар Әуезов,,fiction,,,,10000017 10000025\n"
                            "\"Математика. 5-сынып. 1-бөлім\",,9786010000001,textbook,5,2,1500,\n"));
        json_of(import_text(answers::ImportKind::curriculum, "grade,language,isbn\n5,kk,9786010000001\n"));
    }

    long long count(const std::string& sql) { return school.count(sql); }

    TestSchool school;
    core::Library library = core::Library::open(school.path()).value();
    app::Translator tr{app::Language::en};
};

}  // namespace kitap::testing
