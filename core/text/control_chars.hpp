#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// Characters that change how text is shown instead of being shown: the C0
// controls (ESC starts a terminal's escape sequences: `ESC ]2;` retitles its
// window), DEL, the C1 controls (U+009B is a CSI of its own), and the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) that make a line read other than it is stored.
bool is_control_character(char32_t code_point);

struct ControlCharacter {
    char32_t code_point;
    std::size_t offset;  // bytes before it
};

// The first control character of `utf8` that is not tab, line feed or carriage
// return (the whitespace a file's layout and a cell's own line breaks use);
// invalid bytes are skipped, not reported.
std::optional<ControlCharacter> first_control_character(std::string_view utf8);

// "U+001B": how a problem names a character.
std::string code_point_name(char32_t code_point);

// `text` as a terminal may show it: every control character (tab and line ends
// included, so a value cannot start a line of its own) as \u001b, the way JSON
// spells it; bytes that are not UTF-8 as \x9b; everything else as it is. Every
// text printer of the command line passes stored and imported text through it.
std::string printable(std::string_view text);

}  // namespace kitap::core
