#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/rules.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

// The demo school in memory before it is written: rows refer to each other by
// index into these vectors, and the writer maps indices to the ids SQLite gives.
namespace kitap::core::demo {

struct DemoClass {
    int grade = 0;
    std::string letter;
    ClassLanguage language = ClassLanguage::kk;
};

struct DemoReader {
    std::string card;
    std::string full_name;
    ReaderCategory category = ReaderCategory::pupil;
    int class_index = -1;                        // pupils only
    bool left = false;                           // left the school before this school year; history only
    ClassLanguage language = ClassLanguage::kk;  // of the class, or of the name for adults
    int grade = -1;                              // pupils only
    int stream = 0;                              // grades 10-11: 1 science and maths, 2 social sciences and humanities
};

// Young pupils read children's books; everyone else reads from the general shelves.
enum class Audience { children, general };

struct DemoTitle {
    std::string title;
    std::string authors;
    std::optional<std::string> isbn;
    std::string publisher;
    int year = 0;
    std::string language;
    TitleKind kind = TitleKind::fiction;
    std::optional<int> grade;
    std::string subject;
    std::int64_t price_tiyn = 0;
    int stock = 0;
    Audience audience = Audience::general;
};

struct DemoCopy {
    std::string barcode;
    int title = 0;
    CopyStatus status = CopyStatus::in_fund;
};

// The textbooks every pupil of a grade, class language and stream is issued each September.
using CurriculumKey = std::tuple<int, ClassLanguage, int>;  // grade, language, stream (0 below grade 10)

struct DemoSchool {
    std::string school_year;
    std::vector<DemoClass> classes;
    std::vector<DemoReader> readers;
    std::vector<DemoTitle> titles;
    std::vector<DemoCopy> copies;
    std::map<CurriculumKey, std::vector<int>> curriculum;  // title indices
};

enum class Station { desk, kiosk };

struct DemoLoan {
    int reader = 0;
    int title = 0;
    int copy = -1;  // -1: a title-level (textbook) loan
    Timestamp loaned_at;
    Date due;
    std::optional<Timestamp> returned_at;
    Station station = Station::desk;
    Station return_station = Station::desk;
};

struct DemoVisit {
    int reader = 0;
    Date day;
    Station station = Station::desk;
};

struct DemoHistory {
    std::vector<DemoLoan> loans;    // in order of loaned_at
    std::vector<DemoVisit> visits;  // one per reader and day
};

}  // namespace kitap::core::demo
