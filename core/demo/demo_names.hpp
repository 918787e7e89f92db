#pragma once

#include "core/demo/demo_random.hpp"
#include "core/rules.hpp"

#include <string>

namespace kitap::core::demo {

enum class Sex { male, female };
enum class Generation { child, adult };

// A full name as the school registers write it: "Қасымова Әлия Ерланқызы" or, in the
// newer style without a surname, "Нұрланұлы Ерасыл"; "Иванова Мария Сергеевна".
std::string person_name(ClassLanguage language, Generation generation, Sex sex, DemoRandom& random);

// Authors as a catalogue card lists them: "Қасымова Ә.Е., Оспанов Т.С.".
std::string author_list(ClassLanguage language, int count, DemoRandom& random);

}  // namespace kitap::core::demo
