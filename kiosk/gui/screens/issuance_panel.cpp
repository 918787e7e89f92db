#include "kiosk/gui/screens/issuance_panel.hpp"

#include "kiosk/gui/screens/outcome_banner.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

constexpr float question_width = 640, question_height = 380, answer_height = 84, inset = 28;

std::string count_of(const app::Translator& tr, const char* key, int count, int of) {
    return tr(key, {{"count", std::to_string(count)}, {"of", std::to_string(of)}});
}

// Every class as a button: its name, and how much of its textbooks it holds.
std::optional<std::string> draw_class_grid(const IssuancePanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    float y = area.y;
    text_at(list, theme.fonts.large, ImVec2(area.x, y), colours::ink, tr("kiosk.issuance.title"));
    y += theme.fonts.large->FontSize + theme.px(6);
    y +=
        text_wrapped(list, theme.fonts.body, ImVec2(area.x, y), area.width, colours::muted, tr("kiosk.issuance.pick")) +
        theme.px(14);

    std::optional<std::string> picked;
    ImGui::SetCursorScreenPos(ImVec2(area.x, y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::paper);
    ImGui::BeginChild("##classes", ImVec2(area.width, area.y + area.height - y), false,
                      ImGuiWindowFlags_NoScrollWithMouse);
    drag_to_scroll();
    const ImVec2 button = theme.px(132, 96);
    const float gap = theme.px(12);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const int per_row = std::max(1, static_cast<int>((area.width - theme.px(16) + gap) / (button.x + gap)));
    ImDrawList& grid = *ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < panel.classes.size(); ++i) {
        const auto& school_class = panel.classes[i];
        if (i % per_row != 0) ImGui::SameLine(0, gap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const std::string id = "##class" + std::to_string(i);
        if (touch_button(id.c_str(), "", button, ButtonKind::secondary, theme.fonts.body))
            picked = school_class.class_name;
        text_centred(grid, theme.fonts.large, ImVec2(at.x + button.x / 2, at.y + theme.px(30)), colours::ink,
                     school_class.class_name);
        const std::string share =
            school_class.has_curriculum
                ? tr("kiosk.issuance.percent", {{"percent", std::to_string(school_class.percent())}})
                : tr("kiosk.issuance.no_curriculum_short");
        text_centred(grid, theme.fonts.small, ImVec2(at.x + button.x / 2, at.y + theme.px(62)), colours::muted, share);
        if (school_class.has_curriculum)
            progress_bar(grid, ImVec2(at.x + theme.px(16), at.y + button.y - theme.px(16)),
                         ImVec2(button.x - theme.px(32), theme.px(6)),
                         static_cast<float>(school_class.percent()) / 100.0f);
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return picked;
}

// The class's pupils, each with how much of the set they hold; a tap serves the pupil.
std::optional<std::string> draw_pupils(const IssuancePanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    std::optional<std::string> tapped;
    ImGui::SetCursorScreenPos(ImVec2(area.x, area.y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::paper);
    ImGui::BeginChild("##pupils", ImVec2(area.width, area.height), false, ImGuiWindowFlags_NoScrollWithMouse);
    drag_to_scroll();
    ImDrawList& rows = *ImGui::GetWindowDrawList();
    const float row_w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const ImVec2 row(row_w, theme.px(72));
    for (const auto& pupil : panel.progress->pupils) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool serving = panel.pupil_card == pupil.card;
        if (touch_button(pupil.card.c_str(), "", row, serving ? ButtonKind::primary : ButtonKind::secondary,
                         theme.fonts.body))
            tapped = pupil.card;
        if (serving && panel.scroll_to_pupil) ImGui::SetScrollHereY(0.3f);
        const float icon = theme.px(30);
        const ImVec2 centre(at.x + theme.px(14) + icon / 2, at.y + row.y / 2);
        const bool complete = pupil.needed > 0 && pupil.complete();
        const ImU32 ink = serving ? colours::on_bar : colours::ink;
        draw_icon(rows, complete ? Icon::check : Icon::book, centre, icon,
                  complete  ? colours::success
                  : serving ? colours::on_bar
                            : colours::muted);
        const std::string held = std::to_string(pupil.held) + "/" + std::to_string(pupil.needed);
        const float held_w = text_size(theme.fonts.bold, held).x;
        const float name_x = at.x + theme.px(24) + icon;
        text_at(rows, theme.fonts.small, ImVec2(name_x, at.y + (row.y - theme.fonts.small->FontSize) / 2), ink,
                fit_text(theme.fonts.small, row.x - (name_x - at.x) - held_w - theme.px(28), pupil.name));
        text_at(rows, theme.fonts.bold,
                ImVec2(at.x + row.x - theme.px(14) - held_w, at.y + (row.y - theme.fonts.bold->FontSize) / 2),
                complete && !serving ? colours::success : ink, held);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return tapped;
}

// What the served pupil still lacks, under the last scan's banner; or what the
// whole-class issuance did, with who was left without what.
void draw_served(const IssuancePanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.width, area.y + area.height), true);
    float y = area.y;
    auto line = [&](ImFont* font, ImU32 colour, const std::string& text, float after = 4) {
        y += text_wrapped(list, font, ImVec2(area.x, y), area.width, colour, text) + theme.px(after);
    };
    if (panel.issued) {
        const auto& issued = *panel.issued;
        int books = 0;
        for (const auto& title : issued.issued) books += title.count;
        line(theme.fonts.bold, colours::success,
             tr("kiosk.issuance.issued", {{"books", std::to_string(books)}, {"class", issued.class_name}}));
        line(theme.fonts.body, colours::ink,
             count_of(tr, "kiosk.issuance.complete_sets", issued.complete_sets, issued.pupils), 12);
        if (!issued.shortages.empty()) line(theme.fonts.bold, colours::warning, tr("kiosk.issuance.shortages"));
        for (const auto& shortage : issued.shortages)
            line(theme.fonts.small, colours::ink,
                 tr("kiosk.issuance.shortage_line", {{"name", shortage.name},
                                                     {"title", shortage.title},
                                                     {"reason", tr("kiosk.issuance.reason." + shortage.reason)}}));
        ImGui::PopClipRect();
        return;
    }
    if (panel.banner) {
        const float banner_h = theme.px(186);  // a narrow column: the sentence needs three lines
        draw_banner(list, banner_text(*panel.banner, tr), ImVec2(area.x, y), ImVec2(area.width, banner_h), theme);
        y += banner_h + theme.px(14);
    }
    const auto& pupils = panel.progress->pupils;
    const auto served = std::find_if(pupils.begin(), pupils.end(),
                                     [&](const core::PupilSetProgress& p) { return p.card == panel.pupil_card; });
    if (served == pupils.end()) {
        line(theme.fonts.body, colours::muted, tr("kiosk.issuance.scan_card"));
    } else if (served->missing.empty()) {
        line(theme.fonts.bold, colours::success, tr("kiosk.issuance.pupil_complete", {{"name", served->name}}));
    } else {
        line(theme.fonts.bold, colours::ink, tr("kiosk.issuance.pupil_needs", {{"name", served->name}}), 8);
        for (const auto& missing : served->missing) {
            std::string text = missing.title;
            if (missing.missing() > 1) text += " ×" + std::to_string(missing.missing());
            y += icon_line(list, ImVec2(area.x, y), area.width,
                           {Icon::book, colours::primary, theme.fonts.small, colours::ink}, text, theme.scale);
        }
    }
    ImGui::PopClipRect();
}

// "Give 5Ә its sets from stock?" with what it would do.
void draw_question(const IssuancePanel& panel, const ScreenContext& context, Rect area, IssuanceIntent& intent) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    const IssuanceLayout layout = issuance_layout(area, theme.scale);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const Rect& box = layout.question;
    list.AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.width, box.y + box.height), colours::panel,
                       theme.px(20));
    const auto& preview = *panel.preview;
    int books = 0;
    for (const auto& title : preview.issued) books += title.count;
    float y = box.y + theme.px(inset);
    const float text_x = box.x + theme.px(inset), text_w = box.width - 2 * theme.px(inset);
    y += text_wrapped(list, theme.fonts.large, ImVec2(text_x, y), text_w, colours::ink,
                      tr("kiosk.issuance.question", {{"class", preview.class_name}})) +
         theme.px(10);
    y += text_wrapped(list, theme.fonts.body, ImVec2(text_x, y), text_w, colours::ink,
                      tr("kiosk.issuance.would_issue", {{"books", std::to_string(books)},
                                                        {"sets", std::to_string(preview.complete_sets)},
                                                        {"pupils", std::to_string(preview.pupils)}})) +
         theme.px(8);
    if (!preview.shortages.empty())
        text_wrapped(list, theme.fonts.bold, ImVec2(text_x, y), text_w, colours::warning,
                     tr("kiosk.issuance.would_lack", {{"count", std::to_string(preview.shortages.size())}}));
    intent.cancel_issue_all = touch_button("##issue_cancel", tr("kiosk.issuance.cancel"), place_at(layout.cancel),
                                           ButtonKind::secondary, theme.fonts.bold);
    intent.confirm_issue_all = touch_button("##issue_confirm", tr("kiosk.issuance.confirm"), place_at(layout.confirm),
                                            ButtonKind::primary, theme.fonts.bold, preview.loans > 0);
}

}  // namespace

IssuanceLayout issuance_layout(Rect area, float scale) {
    IssuanceLayout layout;
    const float button_h = 76 * scale, gap = 16 * scale;
    const float y = area.y + area.height - button_h;
    const float issue_w = (area.width - gap) * 0.6f;
    layout.issue_all = {area.x, y, issue_w, button_h};
    layout.other_class = {area.x + issue_w + gap, y, area.width - issue_w - gap, button_h};
    const float box_w = std::min(area.width, question_width * scale);
    const float box_x = area.x + (area.width - box_w) / 2;
    const float box_bottom = area.y + (area.height + question_height * scale) / 2;
    const float answer_w = (box_w - 2 * inset * scale - gap) / 2, answer_h = answer_height * scale;
    const float answer_y = box_bottom - inset * scale - answer_h;
    layout.question = {box_x, box_bottom - question_height * scale, box_w, question_height * scale};
    layout.cancel = {box_x + inset * scale, answer_y, answer_w, answer_h};
    layout.confirm = {layout.cancel.x + answer_w + gap, answer_y, answer_w, answer_h};
    return layout;
}

IssuanceIntent draw(const IssuancePanel& panel, const ScreenContext& context, Rect area) {
    IssuanceIntent intent;
    if (!panel.progress) {
        intent.pick_class = draw_class_grid(panel, context, area);
        return intent;
    }
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    const auto& progress = *panel.progress;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const IssuanceLayout layout = issuance_layout(area, theme.scale);

    // The class, how many whole sets, and the books it holds as a bar with the number.
    float y = area.y;
    const std::string name = tr("kiosk.issuance.class", {{"class", progress.class_name}});
    text_at(list, theme.fonts.large, ImVec2(area.x, y), colours::ink, name);
    const float name_w = text_size(theme.fonts.large, name).x + theme.px(20);
    text_at(list, theme.fonts.body, ImVec2(area.x + name_w, y + theme.px(8)), colours::muted,
            fit_text(theme.fonts.body, area.width - name_w,
                     count_of(tr, "kiosk.issuance.complete_sets", progress.complete_sets,
                              static_cast<int>(progress.pupils.size()))));
    y += theme.fonts.large->FontSize + theme.px(10);
    const float fraction = progress.needed > 0 ? static_cast<float>(progress.held) / progress.needed : 0;
    const std::string books = count_of(tr, "kiosk.issuance.books", progress.held, progress.needed);
    const float books_w = text_size(theme.fonts.bold, books).x;
    progress_bar(list, ImVec2(area.x, y + theme.px(8)), ImVec2(area.width - books_w - theme.px(16), theme.px(18)),
                 fraction);
    text_at(list, theme.fonts.bold, ImVec2(area.x + area.width - books_w, y), colours::ink, books);
    y += theme.px(44);
    if (panel.notice_key) {
        y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::warning,
                          tr(*panel.notice_key, {{"class", progress.class_name}})) +
             theme.px(8);
    }

    // The question stands alone: the lists (child windows, drawn above this one)
    // would cover it, and nothing else should take a tap until it is answered.
    if (panel.preview) {
        draw_question(panel, context, area, intent);
        return intent;
    }

    // The pupils on the left, the one being served on the right.
    const float middle_h = layout.issue_all.y - theme.px(16) - y;
    const float list_w = area.width * 0.5f;
    intent.serve_card = draw_pupils(panel, context, {area.x, y, list_w, middle_h});
    draw_served(panel, context, {area.x + list_w + theme.px(20), y, area.width - list_w - theme.px(20), middle_h});

    intent.ask_issue_all = touch_button("##issue_all", tr("kiosk.issuance.issue_all"), place_at(layout.issue_all),
                                        ButtonKind::primary, theme.fonts.bold);
    intent.other_class = touch_button("##other_class", tr("kiosk.issuance.other_class"), place_at(layout.other_class),
                                      ButtonKind::secondary, theme.fonts.bold);
    return intent;
}

}  // namespace kitap::kiosk
