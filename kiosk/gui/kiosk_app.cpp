#include "kiosk/gui/kiosk_app.hpp"

#include "core/security/secret_hash.hpp"
#include "core/text/enum_names.hpp"
#include "devices/keyboard/us_keymap.hpp"
#include "kiosk/app/outcome_json.hpp"
#include "kiosk/gui/platform/signal_watcher.hpp"
#include "kiosk/gui/screens/outcome_banner.hpp"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <iostream>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

// Settings the librarian changes on screen, kept in the library database.
constexpr const char* language_setting = "kiosk_language";
constexpr const char* idle_setting = "kiosk_idle_timeout_seconds";
constexpr const char* lock_setting = "kiosk_librarian_lock_seconds";

constexpr auto welcome_banner_time = 8s;  // a scan's banner with no session open
constexpr auto fault_retry_time = 3s;
constexpr auto pin_idle_time = 60s;      // an untouched keypad goes away
constexpr auto welcome_idle_time = 60s;  // a language chosen on the welcome screen and left
constexpr int idle_warning_seconds = 10;
constexpr std::string_view demo_pin = "123456";

// Linux input key codes the keypad and the lookup field understand.
constexpr int key_escape = 1, key_backspace = 14;

std::optional<int> parse_seconds(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    int value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
    return value;
}

std::string clock_text(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

core::Command command_for(core::Condition condition) {
    switch (condition) {
        case core::Condition::good:
            return core::Command::good;
        case core::Condition::worn:
            return core::Command::worn;
        case core::Condition::damaged:
            return core::Command::damaged;
        case core::Condition::lost:
            break;
    }
    return core::Command::lost;
}

double seconds_until(std::chrono::steady_clock::time_point when) {
    return std::chrono::duration<double>(when - std::chrono::steady_clock::now()).count();
}

}  // namespace

constexpr auto screen_names = core::enum_names<ScreenId>({
    {ScreenId::welcome, "welcome"},
    {ScreenId::session, "session"},
    {ScreenId::pin, "pin"},
    {ScreenId::librarian, "librarian"},
    {ScreenId::fault, "fault"},
    {ScreenId::reader_pin, "reader_pin"},
});

std::string_view to_string(ScreenId screen) { return screen_names.name_of(screen); }

KioskApp::KioskApp(KioskOptions options, app::Config config, std::unique_ptr<ScannerHub> hub)
    : options_(std::move(options)),
      config_(std::move(config)),
      hub_(std::move(hub)),
      library_(database_path(options_.db), config_.rules, options_.station) {
    if (options_.screenshot_dir) screenshots_.emplace(*options_.screenshot_dir);
    window_ = std::make_unique<KioskWindow>(options_.windowed, "Kitap");
    window_->set_key_handler([this](const devices::KeyStroke& key) { hub_->key_pressed(key); });
    sounds_ = std::make_unique<SoundPlayer>(!options_.mute);
    if (options_.demo) demo_pin_hash_ = core::hash_secret(demo_pin);
}

KioskApp::~KioskApp() {
    hub_->stop();
    sounds_.reset();
}

core::Timestamp KioskApp::wall_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// ---------------------------------------------------------------------------
// What happens

void KioskApp::start_library() {
    if (auto fault = library_.open()) {
        enter_fault(*fault, false);
        return;
    }
    load_settings();
    load_demo_samples();
}

// --lang, else the librarian's choice kept in the database, else the locale. Read
// once: after a fault the kiosk keeps the language it had.
void KioskApp::load_settings() {
    if (!language_chosen_) {
        std::optional<app::Language> language;
        if (options_.lang) language = app::language_from(*options_.lang);
        if (!language)
            if (auto stored = library_.setting(language_setting)) language = app::language_from(*stored);
        default_language_ = language.value_or(app::choose_language(std::nullopt));
        language_ = default_language_;
        language_chosen_ = true;
    }
    if (auto idle = parse_seconds(library_.setting(idle_setting)))
        library_.set_idle_timeout(std::chrono::seconds(std::clamp(*idle, idle_seconds_min, idle_seconds_max)));
    if (auto lock = parse_seconds(library_.setting(lock_setting)))
        librarian_lock_seconds_ = std::clamp(*lock, lock_seconds_min, lock_seconds_max);
}

void KioskApp::load_demo_samples() {
    if (!options_.demo) return;
    const auto samples = library_.demo_samples(core::local_date(wall_now()));
    demo_.cards.clear();
    if (samples) {
        auto add = [this](const std::optional<std::string>& code, const char* key, bool is_card) {
            if (code) demo_.cards.push_back({key, *code, is_card});
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
    demo_.cards.push_back({"kiosk.demo.done", library_.command_code(core::Command::done), true});
    demo_.cards.push_back({"kiosk.demo.librarian", library_.command_code(core::Command::mode_desk), true});
}

void KioskApp::drain_devices() {
    auto drained = hub_->drain();
    for (auto& scan : drained.scans) pending_scans_.push_back(std::move(scan));
    for (const auto& key : drained.typed) handle_typed(key);
    if (drained.status_changed) {
        redraw_frames_ = std::max(redraw_frames_, 2);  // the dots change; the screen does not
        // Every scanner gone (and no demo strip to scan with): pupils must be told.
        const bool lost = hub_->all_scanners_lost() && !options_.demo;
        if (lost && (!fault_ || !fault_->fault.is_database()))
            enter_fault(scanner_fault(), false);
        else if (!lost && fault_ && fault_->fault.kind == FaultKind::no_scanner)
            fault_.reset();
    }
    if (!drained.scans.empty() || !drained.typed.empty()) {
        redraw_frames_ = std::max(redraw_frames_, 2);
        last_input_ = Steady::now();
    }
}

// Which scanners are gone and why, for whoever comes to fix it.
Fault KioskApp::scanner_fault() const {
    Fault fault{.kind = FaultKind::no_scanner};
    for (const auto& source : hub_->sources()) {
        if (source.is_window_keyboard) continue;
        if (!fault.detail.empty()) fault.detail += "; ";
        fault.detail += source.name + (source.detail.empty() ? "" : ": " + source.detail);
    }
    return fault;
}

void KioskApp::handle_scan(const devices::ScanEvent& event) {
    if (librarian_) {
        librarian_touched_ = Steady::now();
        librarian_code(event.text, event.source, event.time);
        return;
    }
    if (pin_) pin_.reset();  // a pupil walked up while the keypad was open
    const core::Scan scan{
        .text = event.text, .symbology = std::string(devices::to_string(event.symbology)), .source = event.source};
    const auto now = wall_now();
    if (fault_ && fault_->fault.is_database() && !library_.is_open()) {
        fault_->scan_lost = true;
        sounds_->play(Sound::error);
        changed();
        return;
    }
    show_handled(library_.handle(scan, now), now, event.time);
}

// A button on the session screen (Done, Renew): a command value, no barcode text.
void KioskApp::handle_command(const core::StationCommand& command) {
    if (fault_ && fault_->fault.is_database() && !library_.is_open()) return;  // the fault screen is up
    const auto now = wall_now();
    show_handled(library_.handle(command, now), now, devices::Clock::now());
}

void KioskApp::show_handled(const KioskLibrary::Handled& handled, core::Timestamp now,
                            devices::Clock::time_point scanned) {
    for (const auto& outcome : handled.outcomes) {
        apply_outcome(outcome, now);
        print_later(outcome, core::StationMode::self, scanned);
    }
    if (handled.fault) {
        sounds_->play(Sound::error);
        enter_fault(*handled.fault, true);
    }
}

void KioskApp::print_later(const core::StationOutcome& outcome, core::StationMode mode,
                           devices::Clock::time_point scanned) {
    if (options_.print_outcomes) outcomes_to_print_.push_back({outcome, mode, scanned});
}

void KioskApp::apply_outcome(const core::StationOutcome& outcome, core::Timestamp now) {
    if (reader_pin_outcome(outcome)) return;
    // The librarian's command card asks for the PIN instead of being refused.
    if (outcome.asks_for_librarian) {
        open_pin();
        return;
    }
    if (const auto sound = feedback_for(core::severity(outcome)).sound) sounds_->play(*sound);
    if (fault_ && fault_->fault.is_database()) fault_.reset();  // the database works again

    if (const auto reader = library_.session_reader()) {
        if (!session_ || session_->reader.card != reader->card) {
            session_.emplace();  // a new reader: nothing of the previous one is kept
            session_->reader = *reader;
        }
        session_->banner = outcome;
        auto snapshot = library_.session_snapshot(now);
        if (!snapshot) return enter_fault(snapshot.error(), false);
        session_->held = std::move(snapshot->held);
        session_->class_set = std::move(snapshot->class_set);
        last_activity_ = now;
        welcome_.banner.reset();
    } else {
        if (session_) language_ = default_language_;  // the next pupil starts in the kiosk's language
        session_.reset();
        welcome_.banner = outcome;
        welcome_banner_until_ = Steady::now() + welcome_banner_time;
    }
    changed();
}

void KioskApp::enter_fault(const Fault& fault, bool scan_lost) {
    const bool was_lost = fault_ && fault_->scan_lost;
    fault_.emplace();
    fault_->fault = fault;
    fault_->scan_lost = scan_lost || was_lost;
    act_reader_pin({.cancel = true});
    // The pupil's session ends with the screen that showed it; a database that comes
    // back gets a fresh station anyway.
    if (!fault.is_database()) end_station_session();
    session_.reset();
    if (fault.is_database()) {  // the librarian's screens need the database too
        pin_.reset();
        library_.close_desk();
        librarian_.reset();
    }
    fault_retry_at_ = Steady::now() + fault_retry_time;
    if (options_.print_outcomes)
        fault_to_print_ = nlohmann::json{{"fault", to_string(fault.kind)}, {"scan_lost", fault_->scan_lost}};
    changed();
}

void KioskApp::tick() {
    const auto steady = Steady::now();
    if (fault_ && fault_->fault.is_database() && steady >= fault_retry_at_) {
        if (auto fault = library_.open()) {
            if (fault->kind != fault_->fault.kind) changed();  // a different fault is a different screen
            fault_->fault = *fault;
            fault_retry_at_ = Steady::now() + fault_retry_time;
            redraw_frames_ = std::max(redraw_frames_, 1);
        } else {
            fault_.reset();  // works again: a fresh station, the welcome screen
            session_.reset();
            load_settings();
            load_demo_samples();
            if (hub_->all_scanners_lost() && !options_.demo) enter_fault(scanner_fault(), false);
            changed();
        }
    }
    if (!fault_ && session_) {
        auto handled = library_.expire_idle(wall_now());
        for (const auto& outcome : handled.outcomes) apply_outcome(outcome, wall_now());
        if (handled.fault) enter_fault(*handled.fault, false);
    }
    if (welcome_.banner && welcome_banner_until_ && steady >= *welcome_banner_until_) {
        welcome_.banner.reset();
        welcome_banner_until_.reset();
        redraw_frames_ = std::max(redraw_frames_, 1);
    }
    // Someone chose a language and walked away without scanning: the next pupil
    // finds the kiosk in its own language again.
    if (!session_ && !pin_ && !librarian_ && language_ != default_language_ &&
        steady - last_input_ >= welcome_idle_time) {
        language_ = default_language_;
        redraw_frames_ = std::max(redraw_frames_, 1);
    }
    act_reader_pin(reader_pin_.tick(steady, library_.idle_timeout()));
    if (pin_ && steady - pin_opened_ >= pin_idle_time) {
        pin_.reset();
        changed();
    }
    if (librarian_ && steady - librarian_touched_ >= std::chrono::seconds(librarian_lock_seconds_)) {
        audit(core::LibrarianActionKind::librarian_locked, "idle_lock");
        library_.close_desk();
        librarian_.reset();  // left alone: back to the pupils
        language_ = default_language_;
        changed();
    }
}

void KioskApp::handle_typed(const devices::KeyStroke& key) {
    if (key.key_code == key_escape) return;  // Escape does nothing anywhere
    const auto character = devices::us_character(key.key_code, key.shift);
    if (reader_pin_.active()) {
        act_reader_pin(reader_pin_.key(key, Steady::now()));
    } else if (pin_) {
        pin_opened_ = Steady::now();
        if (key.key_code == key_backspace && !pin_digits_.empty()) pin_digits_.pop_back();
        if (character && *character >= '0' && *character <= '9' && pin_digits_.size() < max_pin_length)
            pin_digits_ += *character;
        if (devices::is_line_terminator(key.key_code) && pin_digits_.size() >= min_pin_length) submit_pin();
        if (pin_) pin_->digits_entered = pin_digits_.size();
    } else if (librarian_) {
        librarian_touched_ = Steady::now();
        if (key.key_code == key_backspace && !librarian_->typed.empty()) librarian_->typed.pop_back();
        if (character && *character != '\t' && *character != '\n' && librarian_->typed.size() < 64)
            librarian_->typed += *character;
        if (devices::is_line_terminator(key.key_code) && !librarian_->typed.empty()) {
            const std::string code = std::exchange(librarian_->typed, {});
            librarian_code(code, "keyboard", devices::Clock::now());
        }
    }
    redraw_frames_ = std::max(redraw_frames_, 2);
}

// The keypad's lockouts are the audit log's, read each time it opens: a restart gives a
// guesser no fresh tries, and a lockout at another kiosk on this database, or a new PIN set
// with `kitap librarian set-pin`, counts here too.
bool KioskApp::restore_pin_guard() {
    auto attempts = library_.pin_attempts();
    if (!attempts) {
        enter_fault(attempts.error(), false);
        return false;
    }
    pin_guard_.restore(std::move(*attempts));
    return true;
}

void KioskApp::open_pin() {
    if (!restore_pin_guard()) return;
    pin_.emplace();
    pin_digits_.clear();
    pin_opened_ = Steady::now();
    const auto stored = library_.setting(std::string(librarian_pin_setting));
    pin_->demo_hint = !stored && demo_pin_hash_;
    if (const auto locked = pin_guard_.locked_for(wall_now()); locked.count() > 0) {
        pin_->message = PinScreen::Message::locked;
        pin_->locked_seconds = static_cast<int>(locked.count());
    }
    changed();
}

void KioskApp::submit_pin() {
    std::optional<std::string> hash = library_.setting(std::string(librarian_pin_setting));
    if (hash && hash->empty()) hash.reset();
    if (!hash) hash = demo_pin_hash_;
    const auto result = pin_guard_.attempt(pin_digits_, hash, wall_now());
    pin_digits_.clear();
    pin_->digits_entered = 0;
    switch (result.verdict) {
        case PinGuard::Verdict::accepted:
            audit(core::LibrarianActionKind::pin_accepted);
            open_librarian();
            if (librarian_ && result.report.worth_telling()) librarian_->unlock_report = result.report;
            break;
        case PinGuard::Verdict::wrong:
            pin_->message = PinScreen::Message::wrong;
            pin_->tries_left = result.tries_left;
            sounds_->play(Sound::error);
            audit(core::LibrarianActionKind::pin_wrong);
            break;
        case PinGuard::Verdict::locked_out:
        case PinGuard::Verdict::locked:
            pin_->message = PinScreen::Message::locked;
            pin_->locked_seconds = static_cast<int>(result.locked_for.count());
            sounds_->play(Sound::error);
            // The try that locks the keypad is recorded; tries while it is locked are not tried.
            if (result.verdict == PinGuard::Verdict::locked_out) audit(core::LibrarianActionKind::pin_locked_out);
            break;
        case PinGuard::Verdict::no_pin_set:
            pin_->message = PinScreen::Message::no_pin_set;
            break;
    }
    changed();
}

// A line in the audit log; a database that cannot take it is a fault like any other
// (the librarian's screens need the database anyway).
void KioskApp::audit(core::LibrarianActionKind action, std::string detail) {
    if (auto fault = library_.record(action, wall_now(), std::move(detail))) enter_fault(*fault, false);
}

void KioskApp::open_librarian() {
    pin_.reset();
    // A pupil's session never stays open behind the librarian's screen.
    if (!end_station_session()) return;
    session_.reset();
    welcome_.banner.reset();
    librarian_.emplace();
    librarian_->database_path = std::filesystem::absolute(library_.path()).string();
    librarian_->kiosk_language = default_language_;
    librarian_->idle_seconds = static_cast<int>(library_.idle_timeout().count());
    librarian_->lock_seconds = librarian_lock_seconds_;
    librarian_touched_ = Steady::now();
    sounds_->play(Sound::success);
    open_tab(LibrarianTab::classes);
}

bool KioskApp::end_station_session() {
    if (!library_.session_reader()) return true;
    auto handled = library_.handle(core::StationCommand(core::Command::done), wall_now());
    if (handled.fault) {
        enter_fault(*handled.fault, false);
        return false;
    }
    return true;
}

void KioskApp::look_up(const std::string& code) {
    auto found = library_.look_up(code);
    if (!found) return enter_fault(found.error(), false);
    librarian_->tab = LibrarianTab::lookup;
    librarian_->lookup = std::move(*found);
    changed();
}

void KioskApp::librarian_code(const std::string& code, const std::string& source, devices::Clock::time_point scanned) {
    switch (librarian_->tab) {
        case LibrarianTab::classes:
        case LibrarianTab::returns:
        case LibrarianTab::stocktake:
            return at_desk(code, source, scanned);
        case LibrarianTab::lookup:
        case LibrarianTab::reports:
        case LibrarianTab::kiosk:
            return look_up(code);
    }
}

void KioskApp::at_desk(const std::string& code, const std::string& source, devices::Clock::time_point scanned) {
    show_at_desk(library_.handle_at_desk({.text = code, .source = source}, wall_now()), scanned);
}

// A button of the librarian's screens (a condition, the next pupil): a command value.
void KioskApp::at_desk(const core::StationCommand& command) {
    show_at_desk(library_.handle_at_desk(command, wall_now()), devices::Clock::now());
}

void KioskApp::show_at_desk(const KioskLibrary::Handled& handled, devices::Clock::time_point scanned) {
    if (handled.fault) {
        sounds_->play(Sound::error);
        return enter_fault(*handled.fault, true);
    }
    for (const auto& outcome : handled.outcomes) {
        if (const auto sound = feedback_for(core::severity(outcome)).sound) sounds_->play(*sound);
        show_desk_outcome(outcome);
        if (!librarian_) return;  // a fault while showing it
        print_later(outcome, library_.desk_mode(), scanned);
    }
    changed();
}

void KioskApp::show_desk_outcome(const core::StationOutcome& outcome) {
    const auto reader = library_.desk_reader();
    switch (librarian_->tab) {
        case LibrarianTab::classes: {
            auto& panel = librarian_->issuance;
            panel.banner = outcome;
            panel.issued.reset();
            panel.notice_key.reset();
            const auto card = reader ? std::optional(reader->card) : std::nullopt;
            panel.scroll_to_pupil = card && card != panel.pupil_card;
            panel.pupil_card = card;
            // A pupil of another class brings that class up.
            if (reader && !reader->class_name.empty() &&
                (!panel.progress || panel.progress->class_name != reader->class_name))
                panel.progress = core::ClassSetProgress{.class_name = reader->class_name};
            return refresh_issuance();
        }
        case LibrarianTab::returns: {
            auto& panel = librarian_->returns;
            panel.banner = outcome;
            if (outcome.outcome == core::Outcome::returned) panel.returned.insert(panel.returned.begin(), outcome);
            return refresh_returns();
        }
        case LibrarianTab::stocktake:
            librarian_->stocktake.banner = outcome;
            librarian_->stocktake.report.reset();
            librarian_->stocktake.refusal.reset();
            return refresh_stocktake();
        default:
            return;
    }
}

void KioskApp::open_tab(LibrarianTab tab) {
    librarian_->tab = tab;
    switch (tab) {
        case LibrarianTab::classes:
            library_.open_desk(core::StationMode::desk);
            librarian_->issuance = {};
            refresh_issuance();
            break;
        case LibrarianTab::returns:
            library_.open_desk(core::StationMode::return_);
            librarian_->returns = {};
            refresh_returns();
            break;
        case LibrarianTab::stocktake:
            library_.open_desk(core::StationMode::stocktake);
            librarian_->stocktake = {};
            refresh_stocktake();
            break;
        case LibrarianTab::reports:
            library_.close_desk();
            refresh_reports();
            break;
        case LibrarianTab::lookup:
        case LibrarianTab::kiosk:
            library_.close_desk();
            break;
    }
    changed();
}

void KioskApp::refresh_issuance() {
    auto& panel = librarian_->issuance;
    const core::Date today = core::local_date(wall_now());
    if (panel.progress) {
        auto progress = library_.class_progress(panel.progress->class_name, today);
        if (!progress) return enter_fault(progress.error(), false);
        panel.progress = std::move(*progress);
        return;
    }
    auto classes = library_.class_provision(today);
    if (!classes) return enter_fault(classes.error(), false);
    panel.classes = std::move(*classes);
}

void KioskApp::refresh_returns() {
    auto& panel = librarian_->returns;
    panel.reader = library_.desk_reader();
    panel.condition = library_.desk_condition().value_or(core::Condition::good);
    panel.held.clear();
    if (!panel.reader) return;
    auto held = library_.held_items(panel.reader->card);
    if (!held) return enter_fault(held.error(), false);
    panel.held = std::move(*held);
}

void KioskApp::refresh_stocktake() {
    auto status = library_.stocktake_status();
    if (!status) return enter_fault(status.error(), false);
    librarian_->stocktake.status = std::move(*status);
}

void KioskApp::refresh_reports() {
    const core::Date today = core::local_date(wall_now());
    auto provision = library_.provision(today);
    auto classes = library_.class_provision(today);
    auto debtors = library_.debtors(today);
    if (!provision) return enter_fault(provision.error(), false);
    if (!classes) return enter_fault(classes.error(), false);
    if (!debtors) return enter_fault(debtors.error(), false);
    librarian_->reports = summarise(*provision, std::move(*classes), *debtors);
}

void KioskApp::act_issuance(const IssuanceIntent& intent) {
    auto& panel = librarian_->issuance;
    if (panel.preview) {  // the question box takes every tap until answered
        if (intent.cancel_issue_all) panel.preview.reset();
        if (intent.confirm_issue_all) {
            const std::string class_name = panel.preview->class_name;
            panel.preview.reset();
            auto done = library_.issue_class_set(class_name, wall_now(), false);
            if (!done) return enter_fault(done.error(), false);
            panel.issued = done->result;
            panel.banner.reset();
            sounds_->play(Sound::success);
            refresh_issuance();
        }
        if (intent.cancel_issue_all || intent.confirm_issue_all) changed();
        return;
    }
    if (intent.pick_class) {
        panel = {.progress = core::ClassSetProgress{.class_name = *intent.pick_class}};
        library_.open_desk(core::StationMode::desk);  // the last pupil's session ends with the class
        refresh_issuance();
        changed();
    }
    if (intent.other_class) {
        panel = {};
        library_.open_desk(core::StationMode::desk);
        refresh_issuance();
        changed();
    }
    if (intent.serve_card) at_desk(*intent.serve_card, "screen");
    if (intent.ask_issue_all && panel.progress) {
        auto preview = library_.issue_class_set(panel.progress->class_name, wall_now(), true);
        if (!preview) return enter_fault(preview.error(), false);
        panel.notice_key.reset();
        if (preview->refusal)
            panel.notice_key = "kiosk.issuance.refusal." + std::string(core::to_string(*preview->refusal));
        else
            panel.preview = preview->result;
        changed();
    }
}

void KioskApp::act_stocktake(const StocktakeIntent& intent) {
    auto& panel = librarian_->stocktake;
    const bool acted = intent.start_scope || intent.ask_finish || intent.cancel_finish || intent.confirm_finish;
    if (!acted) return;
    panel.refusal.reset();
    panel.banner.reset();
    if (intent.start_scope) {
        auto started = library_.start_stocktake(*intent.start_scope, wall_now());
        if (!started) return enter_fault(started.error(), false);
        if (!*started) panel.refusal = started->error();
        panel.report.reset();
    }
    if (intent.ask_finish) panel.confirm_finish = true;
    if (intent.cancel_finish) panel.confirm_finish = false;
    if (intent.confirm_finish) {
        panel.confirm_finish = false;
        auto finished = library_.finish_stocktake(wall_now());
        if (!finished) return enter_fault(finished.error(), false);
        if (*finished)
            panel.report = std::move(**finished);
        else
            panel.refusal = finished->error();
    }
    refresh_stocktake();
    changed();
}

void KioskApp::set_language(app::Language language) {
    language_ = language;
    redraw_frames_ = std::max(redraw_frames_, 2);
}

// ---------------------------------------------------------------------------
// What is drawn

ScreenId KioskApp::current_screen() const {
    if (librarian_) return ScreenId::librarian;
    if (pin_) return ScreenId::pin;
    if (fault_) return ScreenId::fault;
    if (reader_pin_.active()) return ScreenId::reader_pin;
    if (session_) return ScreenId::session;
    return ScreenId::welcome;
}

TopBar KioskApp::top_bar(bool librarian_corner) const {
    TopBar bar{.school_name = config_.school.name,
               .clock = clock_text(std::chrono::system_clock::now()),
               .language = language_,
               .librarian_corner = librarian_corner};
    for (const auto& source : hub_->sources())
        bar.devices.push_back({.camera = source.is_camera,
                               .ok = !source.status || *source.status == devices::SourceStatus::connected ||
                                     *source.status == devices::SourceStatus::ended});
    return bar;
}

std::optional<CameraView> KioskApp::camera_view() {
    auto* camera = hub_->camera();
    if (!camera) return std::nullopt;
    const cv::Mat preview = camera->preview();
    if (!preview.empty()) camera_texture_.upload(preview);
    if (camera_texture_.empty()) return CameraView{};
    return CameraView{camera_texture_.id(), camera_texture_.size()};
}

void KioskApp::act(const TopBarIntent& intent) {
    if (intent.language) set_language(*intent.language);
    if (intent.librarian_requested && !pin_ && !librarian_) open_pin();
}

void KioskApp::draw_frame() {
    const app::Translator tr(language_);
    window_->begin_frame();
    const Theme& theme = window_->theme();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImVec2 size = viewport->Size;
    const bool strip = options_.demo;  // also behind the PIN: the demo's cards and books try class issuance
    if (strip) size.x -= demo_strip_width(theme.scale);
    const ScreenContext context{tr, theme, viewport->Pos, size, core::local_date(wall_now())};
    const auto steady = Steady::now();
    const ScreenId screen = current_screen();
    if (screen != drawn_screen_) changed();
    drawn_screen_ = screen;

    switch (screen) {
        case ScreenId::welcome: {
            welcome_.top = top_bar(true);
            welcome_.opening_hours = config_.school.opening_hours;
            welcome_.camera = camera_view();
            act(draw(welcome_, context).top);
            break;
        }
        case ScreenId::session: {
            session_->top = top_bar(true);
            const auto idle = library_.idle_timeout();
            const auto left = idle - (wall_now() - last_activity_);
            session_->seconds_left = static_cast<int>(std::clamp<long long>(left.count(), 0, idle.count()));
            session_->warn_below = idle_warning_seconds;
            session_->camera = camera_view();
            const SessionIntent intent = draw(*session_, context);
            act(intent.top);
            if (intent.done) pending_commands_.push_back(core::Command::done);
            if (intent.renew) pending_commands_.push_back(*intent.renew);
            break;
        }
        case ScreenId::pin: {
            pin_->top = top_bar(false);
            if (pin_->message == PinScreen::Message::locked) {
                const auto locked = pin_guard_.locked_for(wall_now());
                pin_->locked_seconds = static_cast<int>(locked.count());
                if (locked.count() == 0) pin_->message = PinScreen::Message::none;
            }
            const PinIntent intent = draw(*pin_, context);
            act(intent.top);
            if (intent.digit || intent.erase || intent.submit) pin_opened_ = steady;
            if (intent.digit && pin_digits_.size() < max_pin_length) pin_digits_ += *intent.digit;
            if (intent.erase && !pin_digits_.empty()) pin_digits_.pop_back();
            pin_->digits_entered = pin_digits_.size();
            if (intent.submit) submit_pin();
            if (intent.cancel && pin_) {
                pin_.reset();
                changed();
            }
            break;
        }
        case ScreenId::librarian: {
            librarian_->top = top_bar(false);
            librarian_->sources = hub_->sources();
            librarian_->dropped_events = hub_->dropped_events();
            const auto since = std::chrono::duration_cast<std::chrono::seconds>(steady - librarian_touched_);
            librarian_->seconds_to_lock =
                static_cast<int>(std::max<long long>(librarian_lock_seconds_ - since.count(), 0));
            const LibrarianIntent intent = draw(*librarian_, context);
            act(intent.top);
            if (ImGui::IsMouseClicked(0)) librarian_touched_ = steady;
            librarian_->issuance.scroll_to_pupil = false;  // done by this frame
            act_librarian(intent);
            break;
        }
        case ScreenId::reader_pin:
            draw_reader_pin(context);
            break;
        case ScreenId::fault: {
            fault_->top = top_bar(true);
            fault_->retry_seconds = static_cast<int>(
                std::max<long long>(std::chrono::ceil<std::chrono::seconds>(fault_retry_at_ - steady).count(), 0));
            act(draw(*fault_, context).top);
            break;
        }
    }
    if (strip) {
        const DemoIntent intent = draw(demo_, viewport->Pos, viewport->Size, context);
        if (intent.scan) hub_->inject(*intent.scan, "demo");
    }

    // The screenshot is taken on the second frame after a change, when ImGui's
    // layout has settled; it shows exactly what the pupil sees.
    std::optional<std::filesystem::path> screenshot;
    if (screenshot_due_ && ++frames_since_change_ >= 2) {
        screenshot_due_ = false;
        if (screenshots_) screenshot = screenshots_->next(to_string(screen));
    }
    window_->end_frame(screenshot);
}

void KioskApp::act_librarian(const LibrarianIntent& intent) {
    if (intent.unlock_report_read) {
        librarian_->unlock_report.reset();
        changed();
    }
    if (intent.tab && *intent.tab != librarian_->tab) return open_tab(*intent.tab);
    act_issuance(intent.issuance);
    if (!librarian_) return;
    if (intent.returns.condition) at_desk(core::StationCommand(command_for(*intent.returns.condition)));
    if (intent.returns.next_pupil) at_desk(core::StationCommand(core::Command::done));
    if (!librarian_) return;
    act_stocktake(intent.stocktake);
    if (!librarian_) return;
    if (intent.kiosk_language) {
        default_language_ = *intent.kiosk_language;
        librarian_->kiosk_language = default_language_;
        if (auto fault = library_.set_setting(language_setting, std::string(to_string(default_language_)), wall_now()))
            return enter_fault(*fault, false);
    }
    if (intent.idle_step) {
        const int seconds = std::clamp(librarian_->idle_seconds + intent.idle_step * idle_seconds_step,
                                       idle_seconds_min, idle_seconds_max);
        librarian_->idle_seconds = seconds;
        library_.set_idle_timeout(std::chrono::seconds(seconds));
        if (auto fault = library_.set_setting(idle_setting, std::to_string(seconds), wall_now()))
            return enter_fault(*fault, false);
    }
    if (intent.lock_step) {
        librarian_lock_seconds_ = std::clamp(librarian_->lock_seconds + intent.lock_step * lock_seconds_step,
                                             lock_seconds_min, lock_seconds_max);
        librarian_->lock_seconds = librarian_lock_seconds_;
        if (auto fault = library_.set_setting(lock_setting, std::to_string(librarian_lock_seconds_), wall_now()))
            return enter_fault(*fault, false);
    }
    if (intent.ask_leave) {
        librarian_->confirm_leave = true;
        changed();
    }
    if (intent.keep_running) {
        librarian_->confirm_leave = false;
        changed();
    }
    if (intent.leave) {
        audit(core::LibrarianActionKind::kiosk_closed);
        running_ = false;
        window_->set_close_allowed(true);
    }
    if (intent.back_to_pupils) {
        audit(core::LibrarianActionKind::librarian_locked, "back_to_pupils");
        library_.close_desk();
        librarian_.reset();
        language_ = default_language_;
        changed();
    }
}

void KioskApp::changed() {
    screenshot_due_ = screenshots_.has_value();  // without screenshots a scan need not wait for one
    frames_since_change_ = 0;
    redraw_frames_ = std::max(redraw_frames_, 2);
}

double KioskApp::wait_seconds() const {
    if (redraw_frames_ > 0 || screenshot_due_ || !pending_scans_.empty() || !pending_commands_.empty() ||
        window_->pointer_pending())
        return 0;
    if (window_->mouse_held()) return 1.0 / 60;  // a finger on the glass: dragging, holding the corner
    if (hub_->camera()) return 1.0 / 30;
    // Otherwise only the clock's next minute and the countdowns' next second.
    const auto now = std::chrono::system_clock::now();
    const auto into_minute = now.time_since_epoch() % std::chrono::minutes(1);
    double wait = std::chrono::duration<double>(std::chrono::minutes(1) - into_minute).count() + 0.01;
    const auto into_second = now.time_since_epoch() % std::chrono::seconds(1);
    const double next_second = std::chrono::duration<double>(std::chrono::seconds(1) - into_second).count() + 0.01;
    if (session_ || fault_ || pin_ || librarian_ || reader_pin_.active()) wait = std::min(wait, next_second);
    if (language_ != default_language_)
        wait = std::min(wait, std::max(seconds_until(last_input_ + welcome_idle_time), 0.0) + 0.01);
    if (welcome_banner_until_) wait = std::min(wait, std::max(seconds_until(*welcome_banner_until_), 0.0) + 0.01);
    return std::max(wait, 0.001);
}

// After the frame is drawn and swapped: the outcome is on the glass, and was
// committed before that, so a line printed here is a promise the database keeps.
void KioskApp::print_shown_outcomes(devices::Clock::time_point frame_started) {
    if (fault_to_print_) std::cout << std::exchange(fault_to_print_, std::nullopt)->dump() << std::endl;
    if (outcomes_to_print_.empty()) return;
    const auto drawn = devices::Clock::now();
    const app::Translator tr(language_);
    auto milliseconds = [](auto duration) { return std::chrono::duration<double, std::milli>(duration).count(); };
    for (const auto& shown : outcomes_to_print_) {
        auto line = app::outcome_json(shown.outcome, shown.mode, tr);
        line["scan_to_frame_ms"] = milliseconds(drawn - shown.scanned);
        line["frame_ms"] = milliseconds(drawn - frame_started);
        std::cout << line.dump() << std::endl;
    }
    outcomes_to_print_.clear();
}

int KioskApp::run() {
    SignalWatcher signals([] { KioskWindow::wake(); });
    start_library();
    hub_->start([] { KioskWindow::wake(); });
    while (running_ && !signals.stop_requested()) {
        window_->wait(wait_seconds());
        const auto frame_started = devices::Clock::now();
        if (window_->take_input()) {
            redraw_frames_ = std::max(redraw_frames_, 2);
            last_input_ = Steady::now();
        }
        drain_devices();
        tick();
        // One scan per frame, and none while a screenshot of the last one is due,
        // so every outcome is on screen (and in the screenshots) before the next.
        if (!pending_scans_.empty() && !screenshot_due_) {
            const devices::ScanEvent event = std::move(pending_scans_.front());
            pending_scans_.pop_front();
            handle_scan(event);
        } else if (!pending_commands_.empty() && !screenshot_due_) {
            const core::StationCommand command = pending_commands_.front();
            pending_commands_.pop_front();
            handle_command(command);
        }
        draw_frame();
        print_shown_outcomes(frame_started);
        if (redraw_frames_ > 0) --redraw_frames_;
    }
    return 0;
}

}  // namespace kitap::kiosk
