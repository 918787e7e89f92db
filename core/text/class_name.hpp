#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// A class as schools write it: grade 0-11 and one capital Cyrillic letter
// (Kazakh letters included): "5Ә", "11А".
struct ClassName {
    int grade = 0;
    std::string letter;

    std::string text() const { return std::to_string(grade) + letter; }
    auto operator<=>(const ClassName&) const = default;
};

// Grade, then letter in the Kazakh Cyrillic alphabet (А Ә Б В Г Ғ Д ...), which
// also orders Russian letters as Russian readers expect; not in byte order, which
// would put 5Ә after 5Я.
bool in_school_order(const ClassName& a, const ClassName& b);

enum class ClassNameProblem { not_a_class, unknown_grade };

struct ClassNameParse {
    std::optional<ClassName> name;
    std::optional<ClassNameProblem> problem;
    std::string grade_text;  // the digits, for an unknown_grade message
};

// "5 ә", "5-Ә", "5 «Ә»", "5a" -> 5Ә: capitals, Latin lookalikes as Cyrillic, separators dropped.
ClassNameParse parse_class_name(std::string_view text);

}  // namespace kitap::core
