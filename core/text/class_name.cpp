#include "core/text/class_name.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>

namespace kitap::core {
namespace {

bool is_class_separator(char32_t c) {
    return c == U' ' || c == U'-' || c == U'–' || c == U'"' || c == U'\'' || c == U'«' || c == U'»' || c == U'.';
}

std::string compact_class(std::string_view text) {
    const auto cyrillic = latin_lookalikes_to_cyrillic(to_upper(text));
    std::string compact;
    for (std::string_view rest = cyrillic; !rest.empty();) {
        const auto code_point = decode_code_point(rest);
        const std::size_t length = code_point ? code_point->length : 1;
        if (!code_point || !is_class_separator(code_point->value)) compact += rest.substr(0, length);
        rest.remove_prefix(length);
    }
    return compact;
}

// Russian capitals and the Kazakh ones: Ә Ғ Қ Ң Ө Ұ Ү Һ І.
bool is_class_letter(std::string_view text) {
    constexpr std::array<char32_t, 10> kazakh_and_yo{U'Ә', U'Ғ', U'Қ', U'Ң', U'Ө', U'Ұ', U'Ү', U'Һ', U'І', U'Ё'};
    const auto letter = decode_code_point(text);
    if (!letter || letter->length != text.size()) return false;
    return (letter->value >= U'А' && letter->value <= U'Я') ||
           std::find(kazakh_and_yo.begin(), kazakh_and_yo.end(), letter->value) != kazakh_and_yo.end();
}

}  // namespace

ClassNameParse parse_class_name(std::string_view text) {
    const auto compact = compact_class(text);
    const auto letter_at = std::min(compact.find_first_not_of("0123456789"), compact.size());
    const std::string digits = compact.substr(0, letter_at);
    const std::string letter = compact.substr(letter_at);
    if (digits.empty() || !is_class_letter(letter)) return {.problem = ClassNameProblem::not_a_class};
    int grade = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), grade);
    if (digits.size() > 2 || grade > 11) return {.problem = ClassNameProblem::unknown_grade, .grade_text = digits};
    return {.name = ClassName{grade, letter}};
}

bool in_school_order(const ClassName& a, const ClassName& b) {
    static constexpr std::string_view alphabet[] = {
        "А", "Ә", "Б", "В", "Г", "Ғ", "Д", "Е", "Ё", "Ж", "З", "И", "Й", "К", "Қ", "Л", "М", "Н", "Ң", "О", "Ө",
        "П", "Р", "С", "Т", "У", "Ұ", "Ү", "Ф", "Х", "Һ", "Ц", "Ч", "Ш", "Щ", "Ъ", "Ы", "І", "Ь", "Э", "Ю", "Я"};
    const auto rank = [](const std::string& letter) {
        const auto* found = std::find(std::begin(alphabet), std::end(alphabet), letter);
        return std::distance(std::begin(alphabet), found);  // anything else after the alphabet
    };
    if (a.grade != b.grade) return a.grade < b.grade;
    return rank(a.letter) < rank(b.letter);
}

}  // namespace kitap::core
