#pragma once

#include "core/demo/demo_model.hpp"

#include <span>
#include <string_view>

// What a Kazakh school library holds, as tables the demo fund is synthesised from.
namespace kitap::core::demo {

// A subject of the curriculum over a range of grades. The names are the subject as
// each class language's edition calls it; an empty name means the subject is not
// taught in classes of that language (Ана тілі is for Kazakh classes only).
struct CurriculumSubject {
    std::string_view kk;
    std::string_view ru;
    int first_grade = 1;
    int last_grade = 11;
    int parts = 1;   // "1-бөлім", "2-бөлім"
    int stream = 0;  // grades 10-11: 1 science and maths, 2 social sciences and humanities; 0 everyone
};
std::span<const CurriculumSubject> curriculum_subjects();

std::span<const std::string_view> textbook_publishers();

// Main-fund publishers of books in `language` ("kk", "ru", "en"), Soviet-era or later.
std::span<const std::string_view> book_publishers(std::string_view language, bool soviet_era);

struct LiteraryWork {
    std::string_view author;  // empty for folklore
    std::string_view title;
    std::string_view language;
    Audience audience = Audience::general;
    int volumes = 1;
    int popularity = 1;  // 1 rarely asked for .. 5 on the reading list of every grade
};
std::span<const LiteraryWork> literary_works();

// Writers the library has a "selected works" of, and some a collected works in volumes.
struct Writer {
    std::string_view name;
    std::string_view language;
    int collected_volumes = 0;
};
std::span<const Writer> writers();

struct ReferenceWork {
    std::string_view title;
    std::string_view authors;
    std::string_view language;
    int volumes = 1;
    int first_year = 2000;  // editions fall in [first_year, last_year]
    int last_year = 2020;
    int popularity = 1;
    Audience audience = Audience::general;
};
std::span<const ReferenceWork> reference_works();

struct Periodical {
    std::string_view name;
    std::string_view language;
    Audience audience = Audience::general;
};
std::span<const Periodical> periodicals();

}  // namespace kitap::core::demo
