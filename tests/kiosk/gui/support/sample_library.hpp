#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kitap::testing {

// A small school library for the kiosk's tests: three pupils, three labelled
// copies of fiction, the third already lent to the second pupil, and class 5Ә's
// textbook set of two titles, ten of each in stock.
struct SampleLibrary {
    static constexpr const char* pupil_a = "21000011";  // Әлиева Айгерім, 5Ә
    static constexpr const char* pupil_b = "21000029";  // Петров Иван, 7Б
    static constexpr const char* pupil_c = "21000037";  // Серікова Дана, 5Ә
    static constexpr const char* copy_1 = "30000001";
    static constexpr const char* copy_2 = "30000002";
    static constexpr const char* copy_3 = "30000003";  // on loan to pupil_b
    static constexpr const char* name_a = "Әлиева Айгерім";
    static constexpr const char* maths_5 = "9786010000001";   // 5Ә's set
    static constexpr const char* kazakh_5 = "9786010000018";  // 5Ә's set
};

// Creates (or fills) the database at `path`; stores `pin` as the librarian's PIN.
void create_sample_library(const std::filesystem::path& path, const std::optional<std::string>& pin = std::nullopt);

}  // namespace kitap::testing
