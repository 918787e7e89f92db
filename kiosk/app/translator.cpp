#include "kiosk/app/translator.hpp"

#include "core/embedded_file.hpp"
#include "core/text/control_chars.hpp"
#include "core/text/enum_names.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <stdexcept>

namespace kitap::app {

extern const std::vector<kitap::EmbeddedFile> translation_files;  // generated from assets/i18n

namespace {

using MessageTable = std::map<std::string, std::string, std::less<>>;

const MessageTable& table_for(Language language) {
    static const std::map<Language, MessageTable> tables = [] {
        std::map<Language, MessageTable> loaded;
        for (const auto& file : translation_files) {
            const auto code = file.name.substr(0, file.name.find('.'));
            const auto language = language_from(code);
            if (!language)
                throw std::logic_error("translation file for an unknown language: " + std::string(file.name));
            const auto messages = nlohmann::json::parse(file.contents);
            for (const auto& [key, text] : messages.items()) loaded[*language][key] = text.get<std::string>();
        }
        return loaded;
    }();
    static const MessageTable empty;
    auto found = tables.find(language);
    return found == tables.end() ? empty : found->second;
}

// Arguments are names, titles, codes and paths from files and the database:
// each goes in printable, so no stored text can drive a terminal or reorder a line.
std::string fill(std::string_view text, const MessageArgs& args) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
        if (close != std::string_view::npos) {
            if (auto arg = args.find(std::string(text.substr(i + 1, close - i - 1))); arg != args.end()) {
                out += core::printable(arg->second);
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

constexpr auto language_names = core::enum_names<Language>({
    {Language::kk, "kk"},
    {Language::ru, "ru"},
    {Language::en, "en"},
});

std::string_view to_string(Language language) { return language_names.name_of(language); }

std::optional<Language> language_from(std::string_view code) {
    if (code.starts_with("kk")) return Language::kk;
    if (code.starts_with("ru")) return Language::ru;
    if (code.starts_with("en")) return Language::en;
    return std::nullopt;
}

Language choose_language(const std::optional<std::string>& requested) {
    if (requested)
        if (auto language = language_from(*requested)) return *language;
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return language_from(value).value_or(Language::en);
    }
    return Language::en;
}

Translator::Translator(Language language)
    : language_(language), messages_(&table_for(language)), fallback_(&table_for(Language::en)) {}

std::string Translator::operator()(std::string_view key, const MessageArgs& args) const {
    if (auto found = messages_->find(key); found != messages_->end()) return fill(found->second, args);
    if (auto found = fallback_->find(key); found != fallback_->end()) return fill(found->second, args);
    return std::string(key);
}

std::vector<std::string> Translator::keys(Language language) {
    std::vector<std::string> keys;
    for (const auto& [key, text] : table_for(language)) keys.push_back(key);
    return keys;
}

}  // namespace kitap::app
