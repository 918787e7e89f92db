#include "devices/camera/code_validator.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace kitap::devices {
namespace {

constexpr std::string_view codabar_start_stop = "ABCD";
constexpr std::string_view codabar_data = "0123456789-$:/.+";

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool has_control_characters(std::string_view text) {
    // GS (0x1D) separates GS1 fields in Code 128 and DataMatrix and is meaningful.
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 && c != 0x1D; });
}

Verdict valid(std::string_view text) { return {true, std::string(text), {}}; }
Verdict invalid(std::string reason) { return {false, {}, std::move(reason)}; }

}  // namespace

bool ean13_check_digit_ok(std::string_view digits) {
    if (digits.size() != 13 || !all_digits(digits)) return false;
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10 == digits[12] - '0';
}

tl::expected<CodeValidator, DeviceError> CodeValidator::make(ValidationRules rules) {
    CodeValidator validator(std::move(rules));
    for (const auto& [symbology, pattern] : validator.rules_.patterns) {
        try {
            validator.compiled_.emplace(symbology, std::regex(pattern, std::regex::ECMAScript));
        } catch (const std::regex_error& e) {
            return tl::unexpected(DeviceError{"patterns." + std::string(to_string(symbology)), DeviceError::npos,
                                              "not a regular expression: " + std::string(e.what())});
        }
    }
    return validator;
}

Verdict CodeValidator::check(Symbology symbology, std::string_view text) const {
    if (text.empty()) return invalid("empty");
    if (has_control_characters(text)) return invalid("control characters");
    auto verdict = check_format(symbology, text);
    if (!verdict.valid) return verdict;
    const auto pattern = compiled_.find(symbology);
    if (pattern != compiled_.end() && !std::regex_match(verdict.text, pattern->second))
        return invalid("does not match the " + std::string(to_string(symbology)) + " pattern");
    return verdict;
}

Verdict CodeValidator::check_format(Symbology symbology, std::string_view text) const {
    switch (symbology) {
        case Symbology::ean13:
            return check_ean13(text);
        case Symbology::codabar:
            return check_codabar(text);
        case Symbology::itf:
            return check_itf(text);
        default:
            return valid(text);  // the others carry a check of their own
    }
}

Verdict CodeValidator::check_ean13(std::string_view text) const {
    if (!ean13_check_digit_ok(text)) return invalid("bad EAN-13 check digit");
    if (rules_.ean13_isbn_only && !text.starts_with("978") && !text.starts_with("979"))
        return invalid("not an ISBN (prefix " + std::string(text.substr(0, 3)) + ")");
    return valid(text);
}

Verdict CodeValidator::check_codabar(std::string_view text) const {
    if (text.size() < 2 || codabar_start_stop.find(text.front()) == std::string_view::npos ||
        codabar_start_stop.find(text.back()) == std::string_view::npos)
        return invalid("no Codabar start/stop characters");
    const auto data = text.substr(1, text.size() - 2);
    if (data.find_first_not_of(codabar_data) != std::string_view::npos) return invalid("bad Codabar character");
    if (data.size() < rules_.codabar_min_length || data.size() > rules_.codabar_max_length)
        return invalid("Codabar length " + std::to_string(data.size()) + " outside " +
                       std::to_string(rules_.codabar_min_length) + ".." + std::to_string(rules_.codabar_max_length));
    return valid(rules_.codabar_keep_start_stop ? text : data);
}

Verdict CodeValidator::check_itf(std::string_view text) const {
    if (!all_digits(text) || text.size() % 2 != 0) return invalid("ITF is an even number of digits");
    if (text.size() < rules_.itf_min_length)
        return invalid("ITF shorter than " + std::to_string(rules_.itf_min_length));
    return valid(text);
}

}  // namespace kitap::devices
