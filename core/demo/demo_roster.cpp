#include "core/demo/demo_roster.hpp"

#include "core/codes/card_numbers.hpp"
#include "core/demo/demo_names.hpp"

#include <algorithm>
#include <string_view>

namespace kitap::core::demo {
namespace {

struct GradeLayout {
    int first_grade, last_grade;
    int kazakh_classes, russian_classes;
    int min_pupils, max_pupils;
};

// Coverage scaled by 1.05 so that with the adults the school has ≈1,390 readers.
// About two classes in three teach in Kazakh, one in three in Russian.
constexpr GradeLayout layouts[] = {
    {0, 0, 1, 0, 20, 25},    // pre-school
    {1, 4, 4, 2, 24, 30},    // ≈162 a grade
    {5, 6, 3, 1, 20, 27},    // ≈94 a grade
    {7, 9, 3, 2, 22, 29},    // ≈128 a grade
    {10, 11, 1, 1, 20, 21},  // ≈41 a grade
};

constexpr int teacher_count = 67;
constexpr int other_count = 3;

// Letters follow the Kazakh alphabet for Kazakh classes; Russian classes of the same
// grade take the next free letters of the Russian one ("5А 5Ә 5Б" and "5В").
constexpr std::string_view kazakh_letters[] = {"А", "Ә", "Б", "В", "Г", "Ғ", "Д"};
constexpr std::string_view russian_letters[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж"};

void add_grade_classes(DemoSchool& school, int grade, const GradeLayout& layout) {
    std::vector<std::string_view> used;
    for (int i = 0; i < layout.kazakh_classes; ++i) {
        used.push_back(kazakh_letters[i]);
        school.classes.push_back({grade, std::string(kazakh_letters[i]), ClassLanguage::kk});
    }
    int russian = 0;
    for (const auto letter : russian_letters) {
        if (russian == layout.russian_classes) break;
        if (std::find(used.begin(), used.end(), letter) != used.end()) continue;
        school.classes.push_back({grade, std::string(letter), ClassLanguage::ru});
        ++russian;
    }
}

Sex any_sex(DemoRandom& random, int female_percent) { return random.percent(female_percent) ? Sex::female : Sex::male; }

void add_pupils(DemoSchool& school, int class_index, int count, DemoRandom& random) {
    const DemoClass& school_class = school.classes[class_index];
    for (int i = 0; i < count; ++i) {
        DemoReader pupil;
        pupil.full_name = person_name(school_class.language, Generation::child, any_sex(random, 50), random);
        pupil.class_index = class_index;
        pupil.language = school_class.language;
        pupil.grade = school_class.grade;
        if (pupil.grade >= 10) pupil.stream = random.percent(55) ? 1 : 2;
        pupil.left = random.percent(1);
        school.readers.push_back(std::move(pupil));
    }
}

void add_adults(DemoSchool& school, ReaderCategory category, int count, DemoRandom& random) {
    for (int i = 0; i < count; ++i) {
        DemoReader adult;
        adult.category = category;
        adult.language = random.percent(60) ? ClassLanguage::kk : ClassLanguage::ru;
        // Most teachers in Kazakh schools are women.
        adult.full_name = person_name(adult.language, Generation::adult, any_sex(random, 85), random);
        school.readers.push_back(std::move(adult));
    }
}

}  // namespace

void add_roster(DemoSchool& school, DemoRandom& random, DemoRandom& card_random) {
    for (const auto& layout : layouts)
        for (int grade = layout.first_grade; grade <= layout.last_grade; ++grade) {
            const auto first = static_cast<int>(school.classes.size());
            add_grade_classes(school, grade, layout);
            for (auto index = first; index < static_cast<int>(school.classes.size()); ++index)
                add_pupils(school, index, random.between(layout.min_pupils, layout.max_pupils), random);
        }
    add_adults(school, ReaderCategory::teacher, teacher_count, random);
    add_adults(school, ReaderCategory::other, other_count, random);
    // A demo fills an empty library: no card or copy is in use yet.
    CardNumbers cards(
        [&card_random](std::uint32_t upper) { return static_cast<std::uint32_t>(card_random.index(upper)); },
        [](const std::string&) { return false; });
    for (auto& reader : school.readers) reader.card = cards.next();
}

}  // namespace kitap::core::demo
