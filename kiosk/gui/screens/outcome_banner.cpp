#include "kiosk/gui/screens/outcome_banner.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {

namespace {

// A stocktake scan that found a book out of place or a code nobody knows is said as
// plainly as a refusal: the librarian puts that book aside.
std::string_view stocktake_suffix(const core::StationOutcome& outcome) {
    if (!outcome.stocktake) return "";
    if (outcome.stocktake->repeated) return ".repeated";
    switch (outcome.stocktake->finding) {
        case core::StocktakeFinding::unexpected:
            return ".unexpected";
        case core::StocktakeFinding::unknown:
        case core::StocktakeFinding::no_stocktake:
            return ".unknown";
        case core::StocktakeFinding::expected:
        case core::StocktakeFinding::counted:
            break;
    }
    return "";
}

// The icon says what happened beside the colour, for whoever cannot tell the colours apart.
Icon banner_icon(const core::StationOutcome& outcome) {
    using core::Outcome;
    switch (outcome.outcome) {
        case Outcome::loan:
        case Outcome::returned:
        case Outcome::renewed:
            return Icon::check;
        case Outcome::recorded: {
            const auto suffix = stocktake_suffix(outcome);
            return suffix.empty() ? Icon::check : suffix == ".repeated" ? Icon::info : Icon::hand;
        }
        case Outcome::session:
            return outcome.overdue.empty() ? Icon::check : Icon::warning;
        case Outcome::refused:
            return Icon::hand;
        case Outcome::duplicate:
        case Outcome::command:
            return Icon::info;
        case Outcome::pin_required:
            return Icon::lock;
        case Outcome::ended:
            break;
    }
    return outcome.reason == core::Reason::idle_timeout ? Icon::clock : Icon::wave;
}

}  // namespace

std::string banner_headline_key(const core::StationOutcome& outcome) {
    using core::Outcome;
    switch (outcome.outcome) {
        case Outcome::session:
            if (!outcome.overdue.empty()) return "kiosk.banner.session.overdue";
            return outcome.holds_ready.empty() ? "kiosk.banner.session" : "kiosk.banner.session.holds";
        case Outcome::loan:
            return "kiosk.banner.loan";
        case Outcome::returned:
            return outcome.hold_for ? "kiosk.banner.return.hold" : "kiosk.banner.return";
        case Outcome::duplicate:
            return "kiosk.banner.duplicate";
        case Outcome::refused:
            return "kiosk.banner.refused." + std::string(core::to_string(outcome.reason));
        case Outcome::command:
            return outcome.command == core::Command::renew ? "kiosk.banner.command.renew" : "kiosk.banner.command";
        case Outcome::renewed:
            return "kiosk.banner.renewed";
        case Outcome::recorded:
            return "kiosk.banner.recorded" + std::string(stocktake_suffix(outcome));
        case Outcome::pin_required:
            return "kiosk.banner.pin_required";
        case Outcome::ended:
            break;
    }
    if (outcome.reason == core::Reason::idle_timeout) return "kiosk.banner.ended.idle_timeout";
    if (outcome.command && *outcome.command != core::Command::done) return "kiosk.banner.ended.mode";
    return "kiosk.banner.ended";
}

Feedback feedback_for(core::Severity severity) {
    switch (severity) {
        case core::Severity::success:
            return {BannerTone::success, Sound::success};
        case core::Severity::notice:
            return {BannerTone::info, std::nullopt};
        case core::Severity::refusal:
        case core::Severity::fault:
            break;
    }
    return {BannerTone::refused, Sound::error};
}

BannerText banner_text(const core::StationOutcome& outcome, const app::Translator& tr) {
    BannerText text;
    app::MessageArgs args;
    if (outcome.reader) args["name"] = outcome.reader->name;
    const std::string key = banner_headline_key(outcome);
    text.headline = tr(key, args);
    // A refusal reason newer than these translations still gets a headline.
    if (text.headline == key) text.headline = tr("kiosk.banner.refused", args);
    text.message = app::outcome_message(outcome, tr);
    text.tone = feedback_for(core::severity(outcome)).tone;
    text.icon = banner_icon(outcome);
    // The headline greets; the sentence then says only what to do.
    if (outcome.outcome == core::Outcome::session)
        text.message = !outcome.overdue.empty() ? tr("kiosk.session.hint.overdue")
                       : !outcome.holds_ready.empty()
                           ? tr("kiosk.session.hint.holds", {{"reserved", app::reserved_titles(outcome.holds_ready)}})
                           : tr("kiosk.session.hint");
    // Where core's sentence only repeats the headline ("Scan your card first."), say it once.
    std::string_view sentence = text.message;
    while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == '!')) sentence.remove_suffix(1);
    if (sentence == text.headline) text.message.clear();
    return text;
}

void draw_banner(ImDrawList& list, const BannerText& banner, ImVec2 pos, ImVec2 size, const Theme& theme) {
    ImU32 strong = colours::info, tint = colours::info_tint;
    if (banner.tone == BannerTone::success) strong = colours::success, tint = colours::success_tint;
    if (banner.tone == BannerTone::refused) strong = colours::warning, tint = colours::warning_tint;
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    list.AddRectFilled(pos, end, tint, theme.px(20));
    list.AddRect(pos, end, strong, theme.px(20), ImDrawFlags_None, theme.px(4));
    list.AddRectFilled(pos, ImVec2(pos.x + theme.px(16), end.y), strong, theme.px(20), ImDrawFlags_RoundCornersLeft);

    const float icon = std::min({theme.px(96), size.y - theme.px(32), size.x * 0.15f});  // narrow: the words need room
    const float pad = theme.px(28);
    draw_icon(list, banner.icon, ImVec2(pos.x + pad + theme.px(12) + icon / 2, pos.y + size.y / 2), icon, strong);
    const float text_x = pos.x + pad + theme.px(12) + icon + pad;
    const float width = end.x - text_x - pad;

    // The headline in the biggest font that fits one line, else bold on up to two lines.
    ImFont* headline_font = theme.fonts.title;
    if (text_size(headline_font, banner.headline).x > width) headline_font = theme.fonts.large;
    if (text_size(headline_font, banner.headline).x > width) headline_font = theme.fonts.bold;
    const float headline_h =
        std::min(wrapped_height(headline_font, width, banner.headline), 2 * headline_font->FontSize);
    ImFont* message_font = theme.fonts.body;
    float message_h = banner.message.empty() ? -theme.px(8) : wrapped_height(message_font, width, banner.message);
    const float room = size.y - 2 * theme.px(18) - headline_h - theme.px(8);
    if (message_h > room) {
        message_font = theme.fonts.small;
        message_h = wrapped_height(message_font, width, banner.message);
    }
    const float block = headline_h + theme.px(8) + std::min(message_h, room);
    float y = pos.y + std::max(theme.px(18), (size.y - block) / 2);
    ImGui::PushClipRect(pos, end, true);
    text_wrapped(list, headline_font, ImVec2(text_x, y), width, strong, banner.headline);
    y += headline_h + theme.px(8);
    text_wrapped(list, message_font, ImVec2(text_x, y), width, colours::ink, banner.message);
    ImGui::PopClipRect();
}

}  // namespace kitap::kiosk
