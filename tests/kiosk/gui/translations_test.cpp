// The kiosk's words all come from assets/i18n (kk, ru, en): every key the screens
// use exists in every language, and no user-visible text is written into the code.
#include "core/rules.hpp"
#include "devices/scan_event.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/model/fault.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace kitap::kiosk {
namespace {

namespace fs = std::filesystem;
constexpr app::Language languages[] = {app::Language::kk, app::Language::ru, app::Language::en};

bool has_key(app::Language language, const std::string& key) {
    static const std::map<app::Language, std::vector<std::string>> keys = [] {
        std::map<app::Language, std::vector<std::string>> all;
        for (auto language : languages) all[language] = app::Translator::keys(language);
        return all;
    }();
    const auto& list = keys.at(language);
    return std::binary_search(list.begin(), list.end(), key);
}

bool has_prefix(app::Language language, const std::string& prefix) {
    const auto keys = app::Translator::keys(language);
    return std::any_of(keys.begin(), keys.end(), [&](const auto& key) { return key.starts_with(prefix); });
}

struct Literal {
    fs::path file;
    int line = 0;
    std::string text;
};

// String literals of a C++ file, outside comments and #include lines.
std::vector<Literal> literals_of(const fs::path& file) {
    std::vector<Literal> found;
    std::ifstream in(file);
    std::string line;
    bool block_comment = false;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.find("#include") != std::string::npos) continue;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (block_comment) {
                if (line.compare(i, 2, "*/") == 0) block_comment = false, ++i;
                continue;
            }
            if (line.compare(i, 2, "//") == 0) break;
            if (line.compare(i, 2, "/*") == 0) {
                block_comment = true;
                ++i;
                continue;
            }
            if (line[i] == '\'') {  // a character literal such as '"'
                i = line.find('\'', i + (line[i + 1] == '\\' ? 3 : 2));
                if (i == std::string::npos) break;
                continue;
            }
            if (line[i] != '"') continue;
            std::string text;
            std::size_t j = i + 1;
            for (; j < line.size() && line[j] != '"'; ++j) {
                if (line[j] == '\\' && j + 1 < line.size()) ++j;
                text += line[j];
            }
            found.push_back({file, number, text});
            i = j;
        }
    }
    return found;
}

std::vector<fs::path> screen_sources() {
    const fs::path gui = fs::path(KITAP_SOURCE_DIR) / "kiosk" / "gui";
    std::vector<fs::path> files{gui / "kiosk_app.cpp", gui / "kiosk_app.hpp"};
    for (const char* folder : {"screens", "ui"})
        for (const auto& entry : fs::recursive_directory_iterator(gui / folder))
            if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp") files.push_back(entry.path());
    return files;
}

// Latin or Cyrillic letters: punctuation such as " — " or "×" is no text to translate.
bool has_words(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        char32_t c = byte;
        int length = 1;
        if (byte >= 0xF0)
            c = byte & 0x07, length = 4;
        else if (byte >= 0xE0)
            c = byte & 0x0F, length = 3;
        else if (byte >= 0xC0)
            c = byte & 0x1F, length = 2;
        for (int k = 1; k < length && i + k < text.size(); ++k) c = c << 6 | (text[i + k] & 0x3F);
        if ((c < 0x80 && std::isalpha(static_cast<int>(c))) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
            (c >= 0x400 && c <= 0x52F))
            return true;
        i += length;
    }
    return false;
}

TEST(KioskTranslations, EveryKeyTheScreensUseExistsInEveryLanguage) {
    const std::regex key(R"(^(kiosk|category|reader_status|copy_status)\.[a-z_.]*[a-z_]$)");
    const std::regex prefix(R"(^(kiosk|category)\.[a-z_.]*\.$)");
    int checked = 0;
    for (const auto& file : screen_sources()) {
        for (const auto& literal : literals_of(file)) {
            const bool is_key = std::regex_match(literal.text, key);
            const bool is_prefix = std::regex_match(literal.text, prefix);
            if (!is_key && !is_prefix) continue;
            ++checked;
            for (auto language : languages) {
                const bool found = is_key ? has_key(language, literal.text) : has_prefix(language, literal.text);
                EXPECT_TRUE(found) << literal.file.filename() << ":" << literal.line << ": " << literal.text
                                   << " missing in " << to_string(language);
            }
        }
    }
    EXPECT_GT(checked, 80);
}

TEST(KioskTranslations, KeysMadeAtRunTimeExistInEveryLanguage) {
    std::vector<std::string> keys;
    for (auto kind : {FaultKind::database_unavailable, FaultKind::database_read_only, FaultKind::disk_full,
                      FaultKind::database_busy, FaultKind::database_error, FaultKind::no_scanner}) {
        keys.push_back("kiosk.fault." + std::string(to_string(kind)) + ".title");
        keys.push_back("kiosk.fault." + std::string(to_string(kind)) + ".text");
    }
    for (auto status : {devices::SourceStatus::connected, devices::SourceStatus::lost, devices::SourceStatus::ended,
                        devices::SourceStatus::failed})
        keys.push_back("kiosk.device." + std::string(devices::to_string(status)));
    for (auto kind : {core::TitleKind::textbook, core::TitleKind::fiction, core::TitleKind::reference,
                      core::TitleKind::methodical, core::TitleKind::periodical, core::TitleKind::electronic})
        keys.push_back("kiosk.kind." + std::string(core::to_string(kind)));
    for (auto category : {core::ReaderCategory::pupil, core::ReaderCategory::teacher, core::ReaderCategory::staff,
                          core::ReaderCategory::other})
        keys.push_back("category." + std::string(core::to_string(category)));
    for (auto language : languages) keys.push_back("kiosk.language." + std::string(to_string(language)));
    for (const auto& key : keys)
        for (auto language : languages) EXPECT_TRUE(has_key(language, key)) << key << " in " << to_string(language);
}

// One letter, as on an on-screen keyboard's key: a key cap, the same in every language.
bool is_one_letter(const std::string& text) {
    return std::count_if(text.begin(), text.end(),
                         [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }) == 1;
}

// Words on screen come only from the translations: a literal with letters in the
// screens' code must be a translation key, an ImGui id ("##done"), an identifier or a key cap.
TEST(KioskTranslations, NoUserVisibleTextIsWrittenIntoTheScreens) {
    const std::regex identifier(R"(^[a-z0-9_.:/-]*$)");
    const std::vector<std::string> allowed = {"Kitap"};  // the window's title, the product's name
    for (const auto& file : screen_sources()) {
        for (const auto& literal : literals_of(file)) {
            if (!has_words(literal.text) || is_one_letter(literal.text) || literal.text.starts_with("##") ||
                literal.text.starts_with("%") || std::regex_match(literal.text, identifier) ||
                std::find(allowed.begin(), allowed.end(), literal.text) != allowed.end())
                continue;
            ADD_FAILURE() << file.filename() << ":" << literal.line << ": \"" << literal.text
                          << "\" looks like text for people; put it in assets/i18n/kiosk/*.json";
        }
    }
}

TEST(KioskTranslations, KazakhTextUsesKazakhLetters) {
    const app::Translator kk(app::Language::kk);
    EXPECT_EQ(kk("kiosk.welcome.title"), "Картаңызды оқытыңыз");
    EXPECT_NE(kk("kiosk.session.done"), app::Translator(app::Language::ru)("kiosk.session.done"));
}

}  // namespace
}  // namespace kitap::kiosk
