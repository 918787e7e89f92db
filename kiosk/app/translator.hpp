#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::app {

enum class Language { kk, ru, en };
std::string_view to_string(Language language);
std::optional<Language> language_from(std::string_view code);

// The language a person asked for, else the one their locale names (LC_ALL,
// LC_MESSAGES, LANG), else English.
Language choose_language(const std::optional<std::string>& requested);

// Named arguments for a message: {"title", "Абай жолы"} fills "{title}".
using MessageArgs = std::map<std::string, std::string>;

// Messages from the translation files compiled into the binary
// (assets/i18n/<lang>.json), one flat key -> text object per language.
class Translator {
public:
    explicit Translator(Language language);

    Language language() const { return language_; }
    // The text for `key` in this language with {name} placeholders filled, each
    // argument through core::printable (control characters escaped); a key missing
    // from a translation falls back to English, then to the key itself.
    std::string operator()(std::string_view key, const MessageArgs& args = {}) const;

    static std::vector<std::string> keys(Language language);

private:
    Language language_;
    const std::map<std::string, std::string, std::less<>>* messages_;
    const std::map<std::string, std::string, std::less<>>* fallback_;
};

}  // namespace kitap::app
