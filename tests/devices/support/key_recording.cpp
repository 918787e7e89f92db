#include "tests/devices/support/key_recording.hpp"

#include "devices/keyboard/us_keymap.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace kitap::devices::testing {
namespace {

int key_code(const std::string& name) {
    static const std::map<std::string, int> codes = {
        {"KEY_1", KEY_1},
        {"KEY_2", KEY_2},
        {"KEY_3", KEY_3},
        {"KEY_4", KEY_4},
        {"KEY_5", KEY_5},
        {"KEY_6", KEY_6},
        {"KEY_7", KEY_7},
        {"KEY_8", KEY_8},
        {"KEY_9", KEY_9},
        {"KEY_0", KEY_0},
        {"KEY_MINUS", KEY_MINUS},
        {"KEY_EQUAL", KEY_EQUAL},
        {"KEY_Q", KEY_Q},
        {"KEY_W", KEY_W},
        {"KEY_E", KEY_E},
        {"KEY_R", KEY_R},
        {"KEY_T", KEY_T},
        {"KEY_Y", KEY_Y},
        {"KEY_U", KEY_U},
        {"KEY_I", KEY_I},
        {"KEY_O", KEY_O},
        {"KEY_P", KEY_P},
        {"KEY_LEFTBRACE", KEY_LEFTBRACE},
        {"KEY_RIGHTBRACE", KEY_RIGHTBRACE},
        {"KEY_A", KEY_A},
        {"KEY_S", KEY_S},
        {"KEY_D", KEY_D},
        {"KEY_F", KEY_F},
        {"KEY_G", KEY_G},
        {"KEY_H", KEY_H},
        {"KEY_J", KEY_J},
        {"KEY_K", KEY_K},
        {"KEY_L", KEY_L},
        {"KEY_SEMICOLON", KEY_SEMICOLON},
        {"KEY_APOSTROPHE", KEY_APOSTROPHE},
        {"KEY_GRAVE", KEY_GRAVE},
        {"KEY_BACKSLASH", KEY_BACKSLASH},
        {"KEY_Z", KEY_Z},
        {"KEY_X", KEY_X},
        {"KEY_C", KEY_C},
        {"KEY_V", KEY_V},
        {"KEY_B", KEY_B},
        {"KEY_N", KEY_N},
        {"KEY_M", KEY_M},
        {"KEY_COMMA", KEY_COMMA},
        {"KEY_DOT", KEY_DOT},
        {"KEY_SLASH", KEY_SLASH},
        {"KEY_SPACE", KEY_SPACE},
        {"KEY_ENTER", KEY_ENTER},
        {"KEY_TAB", KEY_TAB},
        {"KEY_KPENTER", KEY_KPENTER},
    };
    const auto found = codes.find(name);
    if (found == codes.end()) throw std::runtime_error("unknown key " + name);
    return found->second;
}

// The first code point of a UTF-8 string.
char32_t first_code_point(const std::string& utf8) {
    if (utf8.empty()) return 0;
    const auto lead = static_cast<unsigned char>(utf8[0]);
    const int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    char32_t point = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int i = 1; i <= extra && i < static_cast<int>(utf8.size()); ++i)
        point = (point << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
    return point;
}

std::pair<int, bool> us_key_for(char character) {
    for (int code = 0; code < KEY_KP0; ++code)
        for (const bool shift : {false, true})
            if (us_character(code, shift) == character) return {code, shift};
    throw std::runtime_error(std::string("no US key types ") + character);
}

}  // namespace

std::vector<KeyStroke> load_key_recording(const std::filesystem::path& file, Clock::time_point start) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::vector<KeyStroke> keys;
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] == '#') continue;
        std::istringstream fields(line);
        double ms = 0;
        std::string name, shift, typed;
        fields >> ms >> name >> shift >> typed;
        keys.push_back({.key_code = key_code(name),
                        .shift = shift == "S",
                        .control = false,
                        .character = first_code_point(typed),
                        .time = start + std::chrono::microseconds(static_cast<long long>(ms * 1000))});
    }
    return keys;
}

std::vector<input_event> scanner_events(std::string_view text, int terminator) {
    std::vector<input_event> events;
    long long microseconds = 0;
    auto emit = [&](int type, int code, int value) {
        input_event event{};
        event.input_event_sec = static_cast<decltype(event.input_event_sec)>(microseconds / 1000000);
        event.input_event_usec = static_cast<decltype(event.input_event_usec)>(microseconds % 1000000);
        event.type = static_cast<__u16>(type);
        event.code = static_cast<__u16>(code);
        event.value = value;
        events.push_back(event);
    };
    auto key = [&](int code, int value) {
        emit(EV_MSC, MSC_SCAN, 0x70000 + code);
        emit(EV_KEY, code, value);
        emit(EV_SYN, SYN_REPORT, 0);
    };
    for (const char character : text) {
        const auto [code, shift] = us_key_for(character);
        if (shift) key(KEY_LEFTSHIFT, 1);
        key(code, 1);
        key(code, 0);
        if (shift) key(KEY_LEFTSHIFT, 0);
        microseconds += 2000;
    }
    key(terminator, 1);
    key(terminator, 0);
    return events;
}

std::string as_bytes(const std::vector<input_event>& events) {
    return {reinterpret_cast<const char*>(events.data()), events.size() * sizeof(input_event)};
}

}  // namespace kitap::devices::testing
