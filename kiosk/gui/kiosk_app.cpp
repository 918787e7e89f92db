#include "kiosk/gui/kiosk_app.hpp"

#include "core/text/enum_names.hpp"
#include "kiosk/gui/platform/signal_watcher.hpp"

#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <iostream>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr auto welcome_idle_time = 60s;  // a language chosen on the welcome screen and left
constexpr auto working_delay = 400ms;    // the library answers sooner than this as a rule
constexpr auto answer_wait = 8ms;        // a scan's frame waits this long for its commit, and no more
constexpr int idle_warning_seconds = 10;
constexpr int key_escape = 1;  // Linux input key code: Escape does nothing anywhere

// The screenshots' names: 0003-session.png.
constexpr auto screen_names = core::enum_names<ScreenId>({
    {ScreenId::welcome, "welcome"},
    {ScreenId::session, "session"},
    {ScreenId::pin, "pin"},
    {ScreenId::librarian, "librarian"},
    {ScreenId::fault, "fault"},
    {ScreenId::reader_pin, "reader_pin"},
    {ScreenId::find_book, "find_book"},
});

std::string clock_text(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

}  // namespace

std::string_view to_string(ScreenId screen) { return screen_names.name_of(screen); }

KioskApp::KioskApp(KioskOptions options, app::Config config, std::unique_ptr<ScannerHub> hub,
                   std::unique_ptr<KioskLibrary> library, std::string library_place)
    : options_(std::move(options)),
      config_(std::move(config)),
      library_place_(std::move(library_place)),
      hub_(std::move(hub)),
      worker_(std::move(library), [] { KioskWindow::wake(); }),
      pacer_(options_.screenshot_dir.has_value()),
      recorder_(options_.print_outcomes ? &std::cout : nullptr, options_.print_frames ? &std::cout : nullptr),
      faults_(worker_, options_.demo),
      pupils_(worker_, config_.rules),
      pin_(worker_),
      desk_(worker_),
      finder_(worker_) {
    if (options_.screenshot_dir) screenshots_.emplace(*options_.screenshot_dir);
    window_ = std::make_unique<KioskWindow>(options_.windowed, "Kitap");
    window_->set_key_handler([this](const devices::KeyStroke& key) { hub_->key_pressed(key); });
    sounds_ = std::make_unique<SoundPlayer>(!options_.mute);
}

KioskApp::~KioskApp() {
    worker_.stop();  // its transaction under way ends as it would have
    hub_->stop();
    sounds_.reset();
}

// ---------------------------------------------------------------------------
// What happens

void KioskApp::apply(Effects effects) {
    for (const Sound sound : effects.sounds) sounds_->play(sound);
    if (effects.database_works && faults_.database_fault()) faults_.clear();
    if (effects.opened) apply_settings(*effects.opened);
    if (effects.recovered && hub_->all_scanners_lost() && !options_.demo) enter_fault(scanner_fault(), false);
    if (effects.kiosk_language) default_language_ = *effects.kiosk_language;
    if (effects.idle_timeout) pupils_.set_idle_timeout(*effects.idle_timeout);
    if (effects.restore_language) language_ = default_language_;
    if (effects.open_pin) pin_.open();
    if (effects.open_librarian) open_librarian(std::move(effects.unlock_report));
    if (effects.leave_librarian) {
        desk_.close();
        language_ = default_language_;
        effects.changed = true;
    }
    if (effects.close_kiosk) {
        running_ = false;
        window_->set_close_allowed(true);
    }
    recorder_.shown(std::move(effects.shown));
    if (effects.found) recorder_.found(*effects.found);
    if (effects.reserved) recorder_.reserved(*effects.reserved);
    if (effects.fault) enter_fault(*effects.fault, effects.scan_lost);
    if (effects.changed) pacer_.changed();
    if (effects.redraw) pacer_.redraw(1);
}

// --lang, else the librarian's choice kept in the database, else the locale. Read
// once: after a fault the kiosk keeps the language it had.
void KioskApp::apply_settings(const StoredSettings& settings) {
    if (!language_chosen_) {
        std::optional<app::Language> language;
        if (options_.lang) language = app::language_from(*options_.lang);
        if (!language) language = settings.language;
        default_language_ = language.value_or(app::choose_language(std::nullopt));
        language_ = default_language_;
        language_chosen_ = true;
    }
    if (settings.idle_timeout) pupils_.set_idle_timeout(*settings.idle_timeout);
    pupils_.set_link(settings.link);
    if (settings.lock_seconds) desk_.set_lock_seconds(*settings.lock_seconds);
    if (settings.demo_cards) demo_.cards = *settings.demo_cards;
}

void KioskApp::enter_fault(const Fault& fault, bool scan_lost) {
    const FaultScreen& screen = faults_.enter(fault, scan_lost);
    finder_.close();
    recorder_.fault(fault, screen.scan_lost);
    // The pupil's session ends with the screen that showed it; a database that comes
    // back gets a fresh station anyway.
    apply(pupils_.end(!fault.is_database()));
    if (fault.is_database()) {  // the librarian's screens need the database too
        pin_.close();
        desk_.close();
    }
    pacer_.changed();
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

void KioskApp::open_librarian(std::optional<UnlockReport> unlock_report) {
    pin_.close();
    finder_.close();
    // A pupil's session never stays open behind the librarian's screen.
    apply(pupils_.leave_for_librarian());
    apply(desk_.open({.database_path = library_place_,
                      .kiosk_language = default_language_,
                      .idle_timeout = pupils_.idle_timeout(),
                      .unlock_report = std::move(unlock_report)}));
}

void KioskApp::drain_devices() {
    auto drained = hub_->drain();
    for (auto& scan : drained.scans) pending_.push_back(std::move(scan));
    for (const auto& key : drained.typed) handle_typed(key);
    if (drained.status_changed) {
        pacer_.redraw();  // the dots change; the screen does not
        // Every scanner gone (and no demo strip to scan with): pupils must be told.
        const bool lost = hub_->all_scanners_lost() && !options_.demo;
        if (lost && !faults_.database_fault())
            enter_fault(scanner_fault(), false);
        else if (!lost && faults_.scanner_fault())
            faults_.clear();
    }
    if (!drained.scans.empty() || !drained.typed.empty()) pacer_.input(Steady::now());
}

void KioskApp::handle_input(PupilInput input) {
    if (const auto* scan = std::get_if<devices::ScanEvent>(&input)) return handle_scan(*scan);
    // A button of a session the fault or the librarian's screen has since closed does nothing.
    if (current_screen() == ScreenId::session) pupils_.command(std::get<core::StationCommand>(input));
}

void KioskApp::handle_scan(const devices::ScanEvent& event) {
    if (desk_.active()) return apply(desk_.code(event.text, event.source, event.time));
    pin_.close();  // a pupil walked up while the keypad was open
    if (finder_.awaits_card()) return apply(finder_.card_scanned(event.text, Steady::now()));
    finder_.close();  // ... or with a book found: the card opens their session
    if (faults_.library_closed()) return apply(faults_.scan_lost());
    pupils_.scan(event);
}

void KioskApp::handle_typed(const devices::KeyStroke& key) {
    if (key.key_code == key_escape) return;
    const auto steady = Steady::now();
    if (pupils_.reader_pin_active())
        apply(pupils_.key(key, steady));
    else if (pin_.active())
        apply(pin_.key(key, steady));
    else if (desk_.active())
        apply(desk_.key(key, steady));
    pacer_.redraw();
}

void KioskApp::tick() {
    const auto steady = Steady::now();
    apply(faults_.tick(steady));
    apply(pupils_.tick(steady));
    apply(finder_.tick(steady));
    // Someone chose a language and walked away without scanning: the next pupil
    // finds the kiosk in its own language again.
    if (!pupils_.in_session() && !pin_.active() && !desk_.active() && !finder_.active() &&
        language_ != default_language_ && steady - pacer_.last_input() >= welcome_idle_time) {
        language_ = default_language_;
        pacer_.redraw(1);
    }
    apply(pin_.tick(steady));
    apply(desk_.tick(steady));
}

bool KioskApp::input_ready() const { return !pending_.empty() && !worker_.busy() && !pacer_.screenshot_due(); }

bool KioskApp::working_shown() const {
    const auto since = worker_.busy_since();
    return since && Steady::now() - *since >= working_delay;
}

// ---------------------------------------------------------------------------
// What is drawn

ScreenId KioskApp::current_screen() const {
    if (desk_.active()) return ScreenId::librarian;
    if (pin_.active()) return ScreenId::pin;
    if (faults_.active()) return ScreenId::fault;
    if (pupils_.reader_pin_active()) return ScreenId::reader_pin;
    if (pupils_.in_session()) return ScreenId::session;
    if (finder_.active()) return ScreenId::find_book;
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
    if (intent.language) {
        language_ = *intent.language;
        pacer_.redraw();
    }
    if (intent.librarian_requested && !pin_.active() && !desk_.active()) pin_.open();
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
    if (screen != drawn_screen_) pacer_.changed();
    drawn_screen_ = screen;

    switch (screen) {
        case ScreenId::welcome: {
            WelcomeScreen& welcome = pupils_.welcome();
            welcome.top = top_bar(true);
            welcome.opening_hours = config_.school.opening_hours;
            welcome.camera = camera_view();
            const WelcomeIntent intent = draw(welcome, context);
            act(intent.top);
            if (intent.find_book) finder_.open(language_, pupils_.idle_timeout(), steady);
            break;
        }
        case ScreenId::find_book: {
            FindBookScreen& finder = finder_.screen();
            finder.top = top_bar(true);
            const FindBookIntent intent = draw(finder, context);
            act(intent.top);
            apply(finder_.touch(intent, steady));
            break;
        }
        case ScreenId::session: {
            SessionScreen& session = pupils_.session();
            session.top = top_bar(true);
            session.seconds_left = pupils_.seconds_left(wall_now());
            session.warn_below = idle_warning_seconds;
            session.camera = camera_view();
            const SessionIntent intent = draw(session, context);
            act(intent.top);
            if (intent.done) pending_.emplace_back(core::StationCommand(core::Command::done));
            if (intent.renew) pending_.emplace_back(core::StationCommand(*intent.renew));
            break;
        }
        case ScreenId::pin: {
            PinScreen& pin = pin_.screen(wall_now());
            pin.top = top_bar(false);
            const PinIntent intent = draw(pin, context);
            act(intent.top);
            apply(pin_.touch(intent, steady));
            break;
        }
        case ScreenId::librarian: {
            LibrarianScreen& librarian = desk_.screen(steady);
            librarian.top = top_bar(false);
            librarian.sources = hub_->sources();
            librarian.dropped_events = hub_->dropped_events();
            const LibrarianIntent intent = draw(librarian, context);
            librarian.issuance.scroll_to_pupil = false;  // done by this frame
            if (ImGui::IsMouseClicked(0)) desk_.touched(steady);
            act(intent.top);
            apply(desk_.act(intent));
            break;
        }
        case ScreenId::reader_pin: {
            PinScreen& pin = pupils_.reader_pin();
            pin.top = top_bar(false);
            const PinIntent intent = draw(pin, context);
            act(intent.top);
            apply(pupils_.touch_reader_pin(intent, steady));
            break;
        }
        case ScreenId::fault: {
            FaultScreen& fault = faults_.screen(steady);
            fault.top = top_bar(true);
            act(draw(fault, context).top);
            break;
        }
    }
    if (strip) {
        const DemoIntent intent = draw(demo_, viewport->Pos, viewport->Size, context);
        if (intent.scan) hub_->inject(*intent.scan, "demo");
    }
    if (working_shown()) {
        ++working_.phase;
        draw(working_, context);
    }

    // The screenshot is taken on the second frame after a change, when ImGui's
    // layout has settled; it shows exactly what the pupil sees.
    std::optional<std::filesystem::path> screenshot;
    if (pacer_.take_screenshot(!worker_.busy()) && screenshots_) screenshot = screenshots_->next(to_string(screen));
    window_->end_frame(screenshot);
}

FramePacer::Timers KioskApp::timers() const {
    FramePacer::Timers timers{
        .work_ready = input_ready() || window_->pointer_pending(),
        .settled = !worker_.busy(),
        .finger_down = window_->mouse_held(),
        .camera = hub_->camera() != nullptr,
        .countdown = current_screen() != ScreenId::welcome,
        .animating = working_shown(),
    };
    const auto earliest = [&timers](Steady::time_point when) {
        timers.next_timer = timers.next_timer ? std::min(*timers.next_timer, when) : when;
    };
    if (language_ != default_language_) earliest(pacer_.last_input() + welcome_idle_time);
    if (const auto banner = pupils_.banner_until()) earliest(*banner);
    if (const auto link_check = pupils_.link_check_at()) earliest(*link_check);
    if (const auto since = worker_.busy_since()) earliest(*since + working_delay);
    return timers;
}

int KioskApp::run() {
    SignalWatcher signals([] { KioskWindow::wake(); });
    faults_.start();
    hub_->start([] { KioskWindow::wake(); });
    while (running_ && !signals.stop_requested()) {
        window_->wait(pacer_.wait_seconds(timers()));
        const auto frame_started = devices::Clock::now();
        if (window_->take_input()) pacer_.input(Steady::now());
        drain_devices();
        worker_.drain([this](Effects effects) { apply(std::move(effects)); });
        tick();
        if (input_ready()) {
            PupilInput input = std::move(pending_.front());
            pending_.pop_front();
            handle_input(std::move(input));
            // Most commits take a few milliseconds: this frame shows the outcome
            // instead of a frame without it and another with it.
            if (worker_.wait_for_answer(answer_wait))
                worker_.drain([this](Effects effects) { apply(std::move(effects)); });
        }
        draw_frame();
        recorder_.frame_drawn(frame_started, app::Translator(language_), working_shown());
        pacer_.frame_drawn();
    }
    return 0;
}

}  // namespace kitap::kiosk
