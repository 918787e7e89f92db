#include "kiosk/app/translator.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kitap::app {
namespace {

TEST(Translator, EveryKeyExistsInEveryLanguage) {
    const auto english = Translator::keys(Language::en);
    ASSERT_FALSE(english.empty());
    for (Language language : {Language::kk, Language::ru}) {
        const auto keys = Translator::keys(language);
        for (const auto& key : english)
            EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), key))
                << key << " missing in " << to_string(language);
        for (const auto& key : keys)
            EXPECT_TRUE(std::binary_search(english.begin(), english.end(), key))
                << key << " only in " << to_string(language);
    }
}

TEST(Translator, FillsNamedArguments) {
    Translator kk(Language::kk);
    EXPECT_EQ(kk("outcome.return", {{"title", "Абай жолы"}}), "Қайтарылды: Абай жолы. Рақмет!");
    EXPECT_EQ(kk("no.such.key"), "no.such.key");
}

TEST(Translator, ArgumentsCannotDriveATerminal) {
    Translator en(Language::en);
    EXPECT_EQ(en("outcome.return", {{"title", "Абай\x1b]2;pwned\x07 жолы"}}),
              "Returned: Абай\\u001b]2;pwned\\u0007 жолы. Thank you!");
}

TEST(Translator, LanguageFromRequestThenLocale) {
    EXPECT_EQ(choose_language(std::string("ru")), Language::ru);
    setenv("LC_ALL", "kk_KZ.UTF-8", 1);
    EXPECT_EQ(choose_language(std::nullopt), Language::kk);
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    EXPECT_EQ(choose_language(std::nullopt), Language::en);
    unsetenv("LC_ALL");
}

}  // namespace
}  // namespace kitap::app
