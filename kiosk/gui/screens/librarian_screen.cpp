#include "kiosk/gui/screens/librarian_screen.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/screens/session_screen.hpp"
#include "kiosk/gui/screens/unlock_report.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

// A column of lines drawn top to bottom inside the content area.
struct Lines {
    ImDrawList& list;
    const ScreenContext& context;
    float x, width, y;

    void text(ImFont* font, ImU32 colour, const std::string& text, float after = 6) {
        y += text_wrapped(list, font, ImVec2(x, y), width, colour, text) + context.theme.px(after);
    }
    void field(const std::string& label, const std::string& value) {
        const Theme& theme = context.theme;
        const float label_w = width * 0.34f;
        text_at(list, theme.fonts.body, ImVec2(x, y), colours::muted, fit_text(theme.fonts.body, label_w, label));
        y += std::max(theme.fonts.body->FontSize,
                      text_wrapped(list, theme.fonts.bold, ImVec2(x + label_w + theme.px(12), y),
                                   width - label_w - theme.px(12), colours::ink, value)) +
             theme.px(6);
    }
    void gap(float design_px) { y += context.theme.px(design_px); }
};

std::string copy_status_key(const CopyFacts& copy) {
    if (copy.copy.status == core::CopyStatus::written_off) return "copy_status.written_off";
    if (copy.copy.status == core::CopyStatus::lost) return "copy_status.lost";
    return copy.holder ? "copy_status.on_loan" : "copy_status.available";
}

void draw_held_list(Lines& lines, const std::vector<core::HeldItem>& held) {
    const auto& tr = lines.context.tr;
    const Theme& theme = lines.context.theme;
    for (const auto& item : held) {
        const bool overdue = item.due < lines.context.today;
        const std::string date = app::display_date(item.due, tr.language());
        std::string line = item.title;
        if (item.quantity > 1) line += " ×" + std::to_string(item.quantity);
        line +=
            " — " + (overdue ? tr("kiosk.session.overdue", {{"due", date}}) : tr("kiosk.session.due", {{"due", date}}));
        if (overdue)
            draw_icon(lines.list, Icon::warning, ImVec2(lines.x + theme.px(12), lines.y + theme.px(13)), theme.px(22),
                      colours::warning);
        lines.y += text_wrapped(lines.list, theme.fonts.small, ImVec2(lines.x + theme.px(32), lines.y),
                                lines.width - theme.px(32), overdue ? colours::warning : colours::ink, line) +
                   theme.px(4);
    }
}

// Past loans, newest first: "12.11.2026 – 20.11.2026  Абай жолы" (or who had the copy).
void draw_history(Lines& lines, const std::vector<core::HistoryLine>& history, bool by_reader) {
    if (history.empty()) return;
    const auto& tr = lines.context.tr;
    const Theme& theme = lines.context.theme;
    lines.gap(6);
    lines.text(theme.fonts.bold, colours::ink, tr("kiosk.librarian.lookup.history"), 4);
    for (const auto& line : history) {
        const std::string from = app::display_date(line.loaned, tr.language());
        std::string what = by_reader ? line.title : line.reader_name + " (" + line.reader_card + ")";
        if (line.quantity > 1) what += " ×" + std::to_string(line.quantity);
        const std::string text =
            line.returned
                ? tr("kiosk.librarian.lookup.history_returned",
                     {{"from", from}, {"to", app::display_date(*line.returned, tr.language())}, {"what", what}})
                : tr("kiosk.librarian.lookup.history_open", {{"from", from}, {"what", what}});
        lines.y += icon_line(lines.list, ImVec2(lines.x, lines.y), lines.width,
                             {line.returned ? Icon::check : Icon::book,
                              line.returned ? colours::muted : colours::primary, theme.fonts.small, colours::ink},
                             text, theme.scale);
    }
}

void draw_lookup(const LibrarianScreen& screen, Lines& lines) {
    const auto& tr = lines.context.tr;
    const Theme& theme = lines.context.theme;
    lines.text(theme.fonts.large, colours::ink, tr("kiosk.librarian.lookup.title"));
    lines.text(theme.fonts.body, colours::muted, tr("kiosk.librarian.lookup.hint"), 12);
    if (!screen.typed.empty())
        lines.text(theme.fonts.bold, colours::primary, tr("kiosk.librarian.lookup.typed", {{"code", screen.typed}}),
                   12);
    if (!screen.lookup) return;
    const LookupResult& found = *screen.lookup;
    lines.gap(8);
    lines.list.AddLine(ImVec2(lines.x, lines.y), ImVec2(lines.x + lines.width, lines.y), colours::line, theme.px(2));
    lines.gap(14);
    if (found.reader) {
        const auto& reader = found.reader->reader;
        const int overdue = static_cast<int>(std::count_if(found.reader->held.begin(), found.reader->held.end(),
                                                           [&](const auto& h) { return h.due < lines.context.today; }));
        lines.text(theme.fonts.large, colours::ink, reader.name);
        lines.field(tr("kiosk.librarian.lookup.card"), reader.card);
        lines.field(tr("kiosk.librarian.lookup.who"), reader_subtitle(core::summary_of(reader), tr));
        lines.field(tr("kiosk.librarian.lookup.status"),
                    tr(reader.active ? "reader_status.active" : "reader_status.left"));
        lines.field(tr("kiosk.librarian.lookup.holds"),
                    tr("kiosk.librarian.lookup.holds_count",
                       {{"count", std::to_string(found.reader->held.size())}, {"overdue", std::to_string(overdue)}}));
        lines.gap(6);
        draw_held_list(lines, found.reader->held);
        draw_history(lines, found.reader->history, true);
    } else if (found.copy) {
        const auto& copy = *found.copy;
        lines.text(theme.fonts.large, colours::ink, copy.copy.title.title);
        lines.field(tr("kiosk.librarian.lookup.barcode"), copy.copy.barcode);
        if (copy.copy.title.isbn) lines.field(tr("kiosk.librarian.lookup.isbn"), *copy.copy.title.isbn);
        lines.field(tr("kiosk.librarian.lookup.status"), tr(copy_status_key(copy)));
        if (copy.holder)
            lines.field(tr("kiosk.librarian.lookup.holder"),
                        copy.holder->name + " (" + copy.holder->card + ", " + reader_subtitle(*copy.holder, tr) + ")");
        if (copy.due) {
            const std::string date = app::display_date(*copy.due, tr.language());
            lines.field(tr("kiosk.librarian.lookup.due"),
                        *copy.due < lines.context.today ? tr("kiosk.session.overdue", {{"due", date}}) : date);
        }
        draw_history(lines, copy.history, false);
    } else if (found.title) {
        const auto& title = *found.title;
        lines.text(theme.fonts.large, colours::ink, title.title.title);
        lines.field(tr("kiosk.librarian.lookup.isbn"), title.title.isbn.value_or(found.code));
        lines.field(tr("kiosk.librarian.lookup.kind"),
                    tr("kiosk.kind." + std::string(core::to_string(title.title.kind))));
        lines.field(
            tr("kiosk.librarian.lookup.stock"),
            tr("kiosk.librarian.lookup.stock_count", {{"stock", std::to_string(title.title.stock)},
                                                      {"on_loan", std::to_string(title.on_loan)},
                                                      {"free", std::to_string(title.title.stock - title.on_loan)}}));
        if (title.title.item_copies > 0)
            lines.field(tr("kiosk.librarian.lookup.copies"), std::to_string(title.title.item_copies));
    } else if (found.uncatalogued_isbn) {
        lines.text(theme.fonts.bold, colours::warning,
                   tr("kiosk.librarian.lookup.uncatalogued", {{"isbn", *found.uncatalogued_isbn}}));
    } else if (found.command) {
        lines.text(theme.fonts.bold, colours::ink, tr("kiosk.librarian.lookup.command", {{"code", found.code}}));
    } else {
        lines.text(theme.fonts.bold, colours::warning, tr("kiosk.librarian.lookup.unknown", {{"code", found.code}}));
    }
}

std::string status_key(const SourceState& source) {
    if (!source.status) return "kiosk.device.waiting";
    return "kiosk.device." + std::string(devices::to_string(*source.status));
}

void draw_devices(const LibrarianScreen& screen, Lines& lines) {
    const auto& tr = lines.context.tr;
    const Theme& theme = lines.context.theme;
    lines.text(theme.fonts.large, colours::ink, tr("kiosk.librarian.devices.title"), 14);
    for (const auto& source : screen.sources) {
        const bool ok = !source.status || *source.status == devices::SourceStatus::connected ||
                        *source.status == devices::SourceStatus::ended;
        draw_icon(lines.list, source.is_camera ? Icon::camera : Icon::scanner,
                  ImVec2(lines.x + theme.px(20), lines.y + theme.px(20)), theme.px(36),
                  ok ? colours::primary : colours::warning);
        const float x = lines.x + theme.px(52);
        text_at(lines.list, theme.fonts.bold, ImVec2(x, lines.y), colours::ink,
                fit_text(theme.fonts.bold, lines.width * 0.5f, source.name));
        const std::string state = tr(status_key(source));
        text_at(lines.list, theme.fonts.bold, ImVec2(lines.x + lines.width * 0.58f, lines.y),
                ok ? colours::success : colours::warning, fit_text(theme.fonts.bold, lines.width * 0.42f, state));
        lines.y += theme.fonts.bold->FontSize + theme.px(2);
        std::string detail = tr("kiosk.librarian.devices.scans", {{"count", std::to_string(source.scans)}});
        if (!source.detail.empty()) detail += " · " + source.detail;
        lines.y += text_wrapped(lines.list, theme.fonts.small, ImVec2(x, lines.y), lines.width - theme.px(52),
                                colours::muted, detail) +
                   theme.px(14);
    }
    if (screen.dropped_events > 0)
        lines.text(theme.fonts.small, colours::warning,
                   tr("kiosk.librarian.devices.dropped", {{"count", std::to_string(screen.dropped_events)}}));
    lines.gap(10);
    lines.field(tr("kiosk.librarian.devices.database"), screen.database_path);
}

// [-] value [+] with 72 px buttons.
int stepper(const char* id, const std::string& value, ImVec2 pos, const Theme& theme) {
    int step = 0;
    const ImVec2 button(theme.touch(), theme.touch());
    const float value_w = theme.px(180);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::PushID(id);
    ImGui::SetCursorScreenPos(pos);
    if (touch_button("##less", "", button, ButtonKind::secondary, theme.fonts.large)) step = -1;
    draw_icon(list, Icon::minus, ImVec2(pos.x + button.x / 2, pos.y + button.y / 2), theme.px(30), colours::ink);
    text_centred(list, theme.fonts.large, ImVec2(pos.x + button.x + value_w / 2, pos.y + button.y / 2), colours::ink,
                 value);
    const ImVec2 more(pos.x + button.x + value_w, pos.y);
    ImGui::SetCursorScreenPos(more);
    if (touch_button("##more", "", button, ButtonKind::secondary, theme.fonts.large)) step = 1;
    draw_icon(list, Icon::plus, ImVec2(more.x + button.x / 2, more.y + button.y / 2), theme.px(30), colours::ink);
    ImGui::PopID();
    return step;
}

void draw_settings(const LibrarianScreen& screen, Lines& lines, LibrarianIntent& intent) {
    const auto& tr = lines.context.tr;
    const Theme& theme = lines.context.theme;
    lines.text(theme.fonts.large, colours::ink, tr("kiosk.librarian.settings.title"), 14);
    lines.text(theme.fonts.bold, colours::ink, tr("kiosk.librarian.settings.language"));
    float x = lines.x;
    for (app::Language language : {app::Language::kk, app::Language::ru, app::Language::en}) {
        ImGui::SetCursorScreenPos(ImVec2(x, lines.y));
        const std::string id = "##kiosk_lang_" + std::string(to_string(language));
        if (touch_button(id.c_str(), tr("kiosk.language." + std::string(to_string(language))), theme.px(190, 72),
                         language == screen.kiosk_language ? ButtonKind::primary : ButtonKind::secondary,
                         theme.fonts.bold))
            intent.kiosk_language = language;
        x += theme.px(206);
    }
    lines.gap(72 + 24);
    lines.text(theme.fonts.bold, colours::ink, tr("kiosk.librarian.settings.idle"));
    intent.idle_step = stepper("idle", tr("kiosk.seconds", {{"seconds", std::to_string(screen.idle_seconds)}}),
                               ImVec2(lines.x, lines.y), theme);
    lines.gap(72 + 24);
    lines.text(theme.fonts.bold, colours::ink, tr("kiosk.librarian.settings.lock"));
    intent.lock_step = stepper("lock", tr("kiosk.seconds", {{"seconds", std::to_string(screen.lock_seconds)}}),
                               ImVec2(lines.x, lines.y), theme);
    lines.gap(72 + 12);
    lines.text(theme.fonts.small, colours::muted, tr("kiosk.librarian.settings.saved"), 24);
}

}  // namespace

LibrarianIntent draw(const LibrarianScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    LibrarianIntent intent;
    begin_area("##librarian", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float top = context.origin.y + top_bar_height(theme.scale);
    const float bottom = context.origin.y + context.size.y;

    const LibrarianLayout layout = librarian_layout({context.origin.x, top, context.size.x, bottom - top}, theme.scale);

    // Wrong PINs since the last unlock come first; nothing else takes a tap meanwhile.
    if (screen.unlock_report) {
        intent.unlock_report_read = draw_unlock_report(*screen.unlock_report, layout, context);
        end_area();
        return intent;
    }

    // Leaving the kiosk asks once more: pupils cannot use it until it is started again.
    // Nothing else on the screen takes a tap meanwhile.
    if (screen.confirm_leave) {
        list.AddRectFilled(ImVec2(context.origin.x, top), ImVec2(context.origin.x + context.size.x, bottom),
                           IM_COL32(0x1B, 0x26, 0x30, 0x30));
        const Rect& q = layout.question;
        list.AddRectFilled(ImVec2(q.x, q.y), ImVec2(q.x + q.width, q.y + q.height), colours::panel, theme.px(20));
        const float inset = theme.px(32);
        float by = q.y + theme.px(28);
        by += text_wrapped(list, theme.fonts.large, ImVec2(q.x + inset, by), q.width - 2 * inset, colours::ink,
                           context.tr("kiosk.librarian.leave.title")) +
              theme.px(10);
        text_wrapped(list, theme.fonts.body, ImVec2(q.x + inset, by), q.width - 2 * inset, colours::muted,
                     context.tr("kiosk.librarian.leave.text"));
        intent.keep_running = touch_button("##stay", context.tr("kiosk.librarian.leave.no"),
                                           place_at(layout.keep_running), ButtonKind::secondary, theme.fonts.bold);
        intent.leave = touch_button("##close", context.tr("kiosk.librarian.leave.yes"), place_at(layout.close),
                                    ButtonKind::danger, theme.fonts.bold);
        end_area();
        return intent;
    }

    // The menu on the left.
    const float nav_w = theme.px(280);
    list.AddRectFilled(ImVec2(context.origin.x, top), ImVec2(context.origin.x + nav_w, bottom), colours::panel);
    const std::pair<LibrarianTab, const char*> tabs[] = {{LibrarianTab::classes, "kiosk.librarian.tab.classes"},
                                                         {LibrarianTab::returns, "kiosk.librarian.tab.returns"},
                                                         {LibrarianTab::stocktake, "kiosk.librarian.tab.stocktake"},
                                                         {LibrarianTab::lookup, "kiosk.librarian.tab.lookup"},
                                                         {LibrarianTab::reports, "kiosk.librarian.tab.reports"},
                                                         {LibrarianTab::kiosk, "kiosk.librarian.tab.kiosk"}};
    static_assert(std::size(tabs) == std::tuple_size_v<decltype(LibrarianLayout::tabs)>);
    for (std::size_t i = 0; i < std::size(tabs); ++i) {
        const auto& [tab, key] = tabs[i];
        if (touch_button(key, context.tr(key), place_at(layout.tabs[i]),
                         tab == screen.tab ? ButtonKind::primary : ButtonKind::secondary, theme.fonts.bold))
            intent.tab = tab;
    }
    const std::string locks_in =
        context.tr("kiosk.librarian.locks_in", {{"seconds", std::to_string(screen.seconds_to_lock)}});
    const float locks_h = wrapped_height(theme.fonts.small, layout.back.width, locks_in);
    text_wrapped(list, theme.fonts.small, ImVec2(layout.back.x, layout.back.y - theme.px(12) - locks_h),
                 layout.back.width, colours::muted, locks_in);
    intent.back_to_pupils = touch_button("##back", context.tr("kiosk.librarian.back"), place_at(layout.back),
                                         ButtonKind::primary, theme.fonts.bold);
    intent.ask_leave = touch_button("##leave", context.tr("kiosk.librarian.leave"), place_at(layout.leave),
                                    ButtonKind::danger, theme.fonts.bold);

    // The tab's content.
    const Rect& content = layout.content;
    Lines lines{list, context, content.x, content.width, content.y};
    ImGui::PushClipRect(ImVec2(content.x, top), ImVec2(context.origin.x + context.size.x, bottom), true);
    switch (screen.tab) {
        case LibrarianTab::classes:
            intent.issuance = draw(screen.issuance, context, content);
            break;
        case LibrarianTab::returns:
            intent.returns = draw(screen.returns, context, content);
            break;
        case LibrarianTab::stocktake:
            intent.stocktake = draw(screen.stocktake, context, content);
            break;
        case LibrarianTab::lookup:
            draw_lookup(screen, lines);
            break;
        case LibrarianTab::reports:
            draw(screen.reports, context, content);
            break;
        case LibrarianTab::kiosk:
            draw_settings(screen, lines, intent);
            draw_devices(screen, lines);
            break;
    }
    ImGui::PopClipRect();

    end_area();
    return intent;
}

}  // namespace kitap::kiosk
