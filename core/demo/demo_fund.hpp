#pragma once

#include "core/demo/demo_codes.hpp"
#include "core/demo/demo_model.hpp"
#include "core/demo/demo_random.hpp"

namespace kitap::core::demo {

// The textbook fund, counted per title (title.stock, no copy rows). For every subject,
// grade and class language: the edition issued now, stocked for the pupils who learn
// from it plus 5-15% spare, and two older editions kept in reserve until written off,
// which is what brings the fund to DOMAIN.md's ≈46,000 copies for ≈1,300 pupils.
// A textbook's language is the language of instruction of the classes it is for.
// Needs the roster; fills school.curriculum with the editions issued now.
void add_textbook_fund(DemoSchool& school, DemoRandom& random, IsbnMaker& isbns);

// The main fund: ≈14,000 labelled copies (inventory barcodes 10000016, 10000024, ...)
// over ≈1,600 titles, mostly fiction in Kazakh and Russian, several editions of the
// works that are read most, with reference books, teachers' guides and magazines.
void add_main_fund(DemoSchool& school, Date today, DemoRandom& random, IsbnMaker& isbns);

}  // namespace kitap::core::demo
