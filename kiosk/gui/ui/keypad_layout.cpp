#include "kiosk/gui/ui/keypad_layout.hpp"

#include <utility>

namespace kitap::kiosk {

KeypadLayout keypad_layout(Rect area, float scale) {
    const float key_w = 136 * scale, key_h = 84 * scale, gap = 16 * scale;
    const float pad_w = 3 * key_w + 2 * gap;
    const float dots_h = 64 * scale, message_h = 64 * scale, cancel_h = 76 * scale;
    const float total_h = dots_h + gap + message_h + gap + 4 * key_h + 3 * gap + 2 * gap + cancel_h;
    const float x0 = area.x + (area.width - pad_w) / 2;
    float y = area.y + (area.height - total_h) / 2;
    KeypadLayout layout;
    layout.dots = {x0, y, pad_w, dots_h};
    y += dots_h + gap;
    layout.message = {area.x + 24 * scale, y, area.width - 48 * scale, message_h};
    y += message_h + gap;
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, column = i % 3;
        layout.keys[i] = {x0 + column * (key_w + gap), y + row * (key_h + gap), key_w, key_h};
    }
    y += 4 * key_h + 3 * gap + 2 * gap;
    layout.cancel = {x0, y, pad_w, cancel_h};
    return layout;
}

char keypad_digit(int key) {
    if (key >= 0 && key < 9) return static_cast<char>('1' + key);
    if (key == KeypadLayout::zero) return '0';
    return 0;
}

LibrarianLayout librarian_layout(Rect area, float scale) {
    LibrarianLayout layout;
    const float pad = 20 * scale, nav_w = 280 * scale, button_h = 76 * scale, gap = 12 * scale;
    const float tab_h = 66 * scale, tab_gap = 8 * scale;  // six tabs and two buttons in 704 px
    const float button_w = nav_w - 2 * pad;
    for (std::size_t i = 0; i < layout.tabs.size(); ++i)
        layout.tabs[i] = {area.x + pad, area.y + pad + i * (tab_h + tab_gap), button_w, tab_h};
    const float content_pad = 36 * scale;
    layout.content = {area.x + nav_w + content_pad, area.y + 28 * scale, area.width - nav_w - 2 * content_pad,
                      area.height - 28 * scale - 24 * scale};
    const float bottom = area.y + area.height;
    layout.leave = {area.x + pad, bottom - pad - button_h, button_w, button_h};
    layout.back = {area.x + pad, layout.leave.y - gap - button_h, button_w, button_h};
    const float box_w = 720 * scale, box_h = 330 * scale, inset = 32 * scale;
    layout.question = {area.x + (area.width - box_w) / 2, area.y + (area.height - box_h) / 2, box_w, box_h};
    const float answer_w = (box_w - 2 * inset - 20 * scale) / 2, answer_h = 84 * scale;
    const float answer_y = layout.question.y + box_h - 28 * scale - answer_h;
    layout.keep_running = {layout.question.x + inset, answer_y, answer_w, answer_h};
    layout.close = {layout.keep_running.x + answer_w + 20 * scale, answer_y, answer_w, answer_h};
    const float report_w = 760 * scale, report_h = 460 * scale;
    layout.unlock_report = {area.x + (area.width - report_w) / 2, area.y + (area.height - report_h) / 2, report_w,
                            report_h};
    layout.unlock_report_ok = {layout.unlock_report.x + (report_w - answer_w) / 2,
                               layout.unlock_report.y + report_h - 28 * scale - answer_h, answer_w, answer_h};
    return layout;
}

float top_bar_height(float scale) { return 96 * scale; }

namespace {

// Rows of letters. Kazakh: the Russian ЙЦУКЕН rows under a row of the nine letters
// Russian has not, as on a Kazakh keyboard's number row.
std::vector<std::vector<std::string>> letter_rows(KeyboardLayout layout) {
    const std::vector<std::vector<std::string>> russian{{"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ъ"},
                                                        {"ф", "ы", "в", "а", "п", "р", "о", "л", "д", "ж", "э"},
                                                        {"я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "ё"}};
    switch (layout) {
        case KeyboardLayout::kk: {
            auto rows = russian;
            rows.insert(rows.begin(), {"ә", "і", "ң", "ғ", "ү", "ұ", "қ", "ө", "һ"});
            return rows;
        }
        case KeyboardLayout::ru:
            return russian;
        case KeyboardLayout::en:
            break;
    }
    return {{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
            {"z", "x", "c", "v", "b", "n", "m"}};
}

}  // namespace

FindBookLayout find_book_layout(Rect area, float scale, KeyboardLayout layout, bool keyboard_shown) {
    const float pad = 20 * scale, gap = 8 * scale, row_h = 64 * scale, key_h = 66 * scale, back_w = 220 * scale;
    FindBookLayout found;
    found.query = {area.x + pad, area.y + 14 * scale, area.width - 3 * pad - back_w, row_h};
    found.back = {found.query.x + found.query.width + pad, found.query.y, back_w, row_h};
    const float results_y = found.query.y + row_h + 12 * scale;
    const float bottom = area.y + area.height - pad;
    if (!keyboard_shown) {
        found.results = {area.x + pad, results_y, area.width - 2 * pad, bottom - results_y};
        return found;
    }
    const auto rows = letter_rows(layout);
    const float key_w = (area.width - 2 * pad - 11 * gap) / 12;  // twelve keys fill the widest row
    float y = bottom - (static_cast<float>(rows.size()) + 1) * (key_h + gap) + gap;
    found.results = {area.x + pad, results_y, area.width - 2 * pad, y - 12 * scale - results_y};
    for (const auto& row : rows) {
        const float row_w = static_cast<float>(row.size()) * (key_w + gap) - gap;
        float x = area.x + (area.width - row_w) / 2;
        for (const auto& letter : row) {
            found.keys.push_back({.label = letter, .rect = {x, y, key_w, key_h}});
            x += key_w + gap;
        }
        y += key_h + gap;
    }
    // The last row: the three layouts, the space bar, erase, clear and search.
    float x = area.x + pad;
    const auto add = [&](KeyboardKey key, float width) {
        key.rect = {x, y, width, key_h};
        found.keys.push_back(std::move(key));
        x += width + gap;
    };
    using Kind = KeyboardKey::Kind;
    add({.kind = Kind::layout, .switch_to = KeyboardLayout::kk}, key_w * 1.25f);
    add({.kind = Kind::layout, .switch_to = KeyboardLayout::ru}, key_w * 1.25f);
    add({.kind = Kind::layout, .switch_to = KeyboardLayout::en}, key_w * 1.25f);
    const float rest = area.x + area.width - pad - x - 3 * gap;
    add({.kind = Kind::space, .label = " "}, rest - 3 * key_w * 1.6f);
    add({.kind = Kind::erase}, key_w * 1.6f);
    add({.kind = Kind::clear}, key_w * 1.6f);
    add({.kind = Kind::search}, key_w * 1.6f);
    return found;
}

Rect find_book_button(Rect area, float scale) {
    const float width = 380 * scale, height = 80 * scale;
    return {area.x + (area.width - width) / 2, area.y + area.height - 24 * scale - height, width, height};
}

Rect librarian_corner(float scale) { return {0, 0, 120 * scale, top_bar_height(scale)}; }

}  // namespace kitap::kiosk
