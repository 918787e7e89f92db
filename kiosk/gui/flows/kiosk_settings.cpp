#include "kiosk/gui/flows/kiosk_settings.hpp"

#include "core/library/settings_service.hpp"

namespace kitap::kiosk {
namespace {

std::vector<DemoCard> demo_cards(KioskLibrary& library) {
    const auto samples = library.demo_samples(core::local_date(wall_now()));
    std::vector<DemoCard> cards;
    if (samples) {
        auto add = [&cards](const std::optional<std::string>& code, const char* key, bool is_card) {
            if (code) cards.push_back({key, *code, is_card});
        };
        add(samples->pupil_card, "kiosk.demo.pupil", true);
        add(samples->overdue_pupil_card, "kiosk.demo.overdue_pupil", true);
        add(samples->teacher_card, "kiosk.demo.teacher", true);
        add(samples->free_copy, "kiosk.demo.free_copy", false);
        add(samples->borrowed_copy, "kiosk.demo.borrowed_copy", false);
        // A pupil's class set, if the demo has one; else any textbook with free stock.
        if (samples->pupil_without_set_card && samples->missing_textbook_isbn) {
            add(samples->pupil_without_set_card, "kiosk.demo.pupil_without_set", true);
            add(samples->missing_textbook_isbn, "kiosk.demo.set_textbook", false);
        } else {
            add(samples->textbook_isbn, "kiosk.demo.textbook", false);
        }
    }
    cards.push_back({"kiosk.demo.done", library.command_code(core::Command::done), true});
    cards.push_back({"kiosk.demo.librarian", library.command_code(core::Command::mode_desk), true});
    return cards;
}

}  // namespace

tl::expected<StoredSettings, Fault> open_library(KioskLibrary& library, bool demo) {
    if (auto fault = library.open()) return tl::unexpected(*fault);
    StoredSettings settings;
    if (const auto language = library.setting(std::string(core::kiosk_language_setting)))
        settings.language = app::language_from(*language);
    if (const auto idle = library.setting_number(core::kiosk_idle_timeout_setting)) {
        settings.idle_timeout = std::chrono::seconds(*idle);
        library.set_idle_timeout(*settings.idle_timeout);
    }
    settings.lock_seconds = library.setting_number(core::kiosk_librarian_lock_setting);
    if (demo) settings.demo_cards = demo_cards(library);
    settings.link = library.link_status();
    return settings;
}

}  // namespace kitap::kiosk
