#include "kiosk/gui/flows/desk_flow.hpp"

#include "devices/keyboard/us_keymap.hpp"
#include "kiosk/gui/screens/outcome_banner.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

constexpr int key_backspace = 14;  // Linux input key code
constexpr std::size_t max_typed = 64;

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

// The desk station's mode on a tab; none where scans are only looked up.
std::optional<core::StationMode> desk_mode(LibrarianTab tab) {
    switch (tab) {
        case LibrarianTab::classes:
            return core::StationMode::desk;
        case LibrarianTab::returns:
            return core::StationMode::return_;
        case LibrarianTab::stocktake:
            return core::StationMode::stocktake;
        case LibrarianTab::lookup:
        case LibrarianTab::reports:
        case LibrarianTab::kiosk:
            break;
    }
    return std::nullopt;
}

core::Date today() { return core::local_date(wall_now()); }

// Runs on the worker. On the classes tab a pupil of another class brings that class
// up; `class_name` is the class the screen showed when the step was asked for.
tl::expected<DeskView, Fault> read_view(KioskLibrary& library, LibrarianTab tab, std::optional<std::string> class_name,
                                        core::Date today) {
    DeskView view{.reader = library.desk_reader()};
    switch (tab) {
        case LibrarianTab::classes: {
            if (view.reader && !view.reader->class_name.empty()) class_name = view.reader->class_name;
            view.class_name = class_name;
            if (class_name) {
                auto progress = library.class_progress(*class_name, today);
                if (!progress) return tl::unexpected(progress.error());
                view.progress = std::move(*progress);
            } else {
                auto classes = library.class_provision(today);
                if (!classes) return tl::unexpected(classes.error());
                view.classes = std::move(*classes);
            }
            break;
        }
        case LibrarianTab::returns: {
            view.condition = library.desk_condition().value_or(core::Condition::good);
            if (!view.reader) break;
            auto held = library.held_items(view.reader->card);
            if (!held) return tl::unexpected(held.error());
            view.held = std::move(*held);
            break;
        }
        case LibrarianTab::stocktake: {
            auto status = library.stocktake_status();
            if (!status) return tl::unexpected(status.error());
            view.stocktake = std::move(*status);
            break;
        }
        case LibrarianTab::reports: {
            auto provision = library.provision(today);
            auto classes = library.class_provision(today);
            auto debtors = library.debtors(today);
            if (!provision) return tl::unexpected(provision.error());
            if (!classes) return tl::unexpected(classes.error());
            if (!debtors) return tl::unexpected(debtors.error());
            view.reports = summarise(*provision, std::move(*classes), *debtors);
            break;
        }
        case LibrarianTab::lookup:
        case LibrarianTab::kiosk:
            break;
    }
    return view;
}

// Fills the tab the view was read for.
void show(const DeskView& view, LibrarianTab tab, LibrarianScreen& screen) {
    switch (tab) {
        case LibrarianTab::classes:
            if (view.class_name)
                screen.issuance.progress = view.progress;
            else
                screen.issuance.classes = view.classes;
            break;
        case LibrarianTab::returns:
            screen.returns.reader = view.reader;
            screen.returns.condition = view.condition;
            screen.returns.held = view.held;
            break;
        case LibrarianTab::stocktake:
            screen.stocktake.status = view.stocktake;
            break;
        case LibrarianTab::reports:
            if (view.reports) screen.reports = *view.reports;
            break;
        case LibrarianTab::lookup:
        case LibrarianTab::kiosk:
            break;
    }
}

template <typename Result>
struct DeskAnswer {
    Result result;
    tl::expected<DeskView, Fault> view = DeskView{};
};

}  // namespace

template <typename Step, typename Done>
void DeskFlow::post_step(Step step, Done done) {
    const LibrarianTab tab = screen_->tab;
    worker_.post(
        [step = std::move(step), tab, class_name = shown_class(), day = today()](KioskLibrary& library) {
            DeskAnswer<decltype(step(library))> answer{.result = step(library)};
            answer.view = read_view(library, tab, class_name, day);
            return answer;
        },
        [this, tab, done = std::move(done)](auto answer) -> Effects {
            if (!showing(tab)) return {};
            const DeskView unread;
            Effects effects = done(answer.result, answer.view ? *answer.view : unread);
            if (effects.fault) return effects;  // the step's own fault comes first
            if (!answer.view) return effects += {.fault = answer.view.error()};
            show(*answer.view, tab, *screen_);
            return effects += {.changed = true};
        });
}

std::optional<std::string> DeskFlow::shown_class() const {
    const auto& progress = screen_->issuance.progress;
    return progress ? std::optional(progress->class_name) : std::nullopt;
}

Effects DeskFlow::open(Opening opening) {
    screen_.emplace();
    screen_->database_path = std::move(opening.database_path);
    screen_->kiosk_language = opening.kiosk_language;
    screen_->idle_seconds = static_cast<int>(opening.idle_timeout.count());
    screen_->lock_seconds = lock_seconds_;
    screen_->unlock_report = std::move(opening.unlock_report);
    touched_ = Steady::now();
    Effects effects = open_tab(LibrarianTab::classes);
    effects.sounds.push_back(Sound::success);
    return effects;
}

void DeskFlow::close() {
    if (!screen_) return;
    screen_.reset();
    worker_.post(
        [](KioskLibrary& library) {
            library.close_desk();
            return true;
        },
        [](bool) { return Effects{}; });
}

Effects DeskFlow::open_tab(LibrarianTab tab) {
    screen_->tab = tab;
    if (tab == LibrarianTab::classes) screen_->issuance = {};
    if (tab == LibrarianTab::returns) screen_->returns = {};
    if (tab == LibrarianTab::stocktake) screen_->stocktake = {};
    post_step(
        [mode = desk_mode(tab)](KioskLibrary& library) {
            if (mode)
                library.open_desk(*mode);
            else
                library.close_desk();
            return true;
        },
        [](bool, const DeskView&) { return Effects{}; });
    return {.changed = true};
}

template <typename Input>
Effects DeskFlow::at_desk(Input input, devices::Clock::time_point scanned) {
    const LibrarianTab tab = screen_->tab;
    post_step([input = std::move(input),
               now = wall_now()](KioskLibrary& library) { return library.handle_at_desk(input, now); },
              [this, tab, scanned](const KioskLibrary::Handled& handled, const DeskView& view) {
                  Effects effects;
                  if (handled.fault) {
                      effects.sounds.push_back(Sound::error);
                      return effects += {.fault = handled.fault, .scan_lost = true};
                  }
                  // Every outcome, an idle session's end first: the last one stays on the banner.
                  for (const auto& outcome : handled.outcomes) {
                      effects += show_at_desk(outcome, view, tab);
                      effects.shown.push_back({outcome, *desk_mode(tab), scanned});
                  }
                  return effects;
              });
    return {};
}

Effects DeskFlow::code(const std::string& code, const std::string& source, devices::Clock::time_point scanned) {
    touched_ = Steady::now();
    if (desk_mode(screen_->tab)) return at_desk(core::Scan{.text = code, .source = source}, scanned);
    return look_up(code);
}

Effects DeskFlow::show_at_desk(const core::StationOutcome& outcome, const DeskView& view, LibrarianTab tab) {
    Effects effects;
    if (const auto sound = feedback_for(core::severity(outcome)).sound) effects.sounds.push_back(*sound);
    switch (tab) {
        case LibrarianTab::classes: {
            auto& panel = screen_->issuance;
            panel.banner = outcome;
            panel.issued.reset();
            panel.notice_key.reset();
            const auto card = view.reader ? std::optional(view.reader->card) : std::nullopt;
            panel.scroll_to_pupil = card && card != panel.pupil_card;
            panel.pupil_card = card;
            break;
        }
        case LibrarianTab::returns:
            screen_->returns.banner = outcome;
            if (outcome.outcome == core::Outcome::returned)
                screen_->returns.returned.insert(screen_->returns.returned.begin(), outcome);
            break;
        default:
            screen_->stocktake.banner = outcome;
            screen_->stocktake.report.reset();
            screen_->stocktake.refusal.reset();
            break;
    }
    return effects;
}

Effects DeskFlow::look_up(const std::string& code) {
    worker_.post([code](KioskLibrary& library) { return library.look_up(code); },
                 [this](tl::expected<LookupResult, Fault> found) -> Effects {
                     if (!found) return {.fault = found.error()};
                     if (!screen_) return {};
                     screen_->tab = LibrarianTab::lookup;
                     screen_->lookup = std::move(*found);
                     return {.changed = true};
                 });
    return {};
}

Effects DeskFlow::key(const devices::KeyStroke& key, Steady::time_point steady) {
    touched_ = steady;
    std::string& typed = screen_->typed;
    const auto character = devices::us_character(key.key_code, key.shift);
    if (key.key_code == key_backspace && !typed.empty()) typed.pop_back();
    if (character && *character != '\t' && *character != '\n' && typed.size() < max_typed) typed += *character;
    if (devices::is_line_terminator(key.key_code) && !typed.empty())
        return code(std::exchange(typed, {}), "keyboard", devices::Clock::now());
    return {};
}

Effects DeskFlow::act(const LibrarianIntent& intent) {
    Effects effects;
    if (intent.unlock_report_read) {
        screen_->unlock_report.reset();
        effects.changed = true;
    }
    if (intent.tab && *intent.tab != screen_->tab) return effects += open_tab(*intent.tab);
    effects += act_issuance(intent.issuance);
    if (intent.returns.condition)
        effects += at_desk(core::StationCommand(command_for(*intent.returns.condition)), devices::Clock::now());
    if (intent.returns.next_pupil) effects += at_desk(core::StationCommand(core::Command::done), devices::Clock::now());
    effects += act_stocktake(intent.stocktake);
    effects += act_settings(intent);
    if (intent.ask_leave || intent.keep_running) {
        screen_->confirm_leave = intent.ask_leave;
        effects.changed = true;
    }
    if (intent.leave) post_audit(worker_, core::LibrarianActionKind::kiosk_closed, {}, {.close_kiosk = true});
    if (intent.back_to_pupils) {
        post_audit(worker_, core::LibrarianActionKind::librarian_locked, "back_to_pupils");
        effects.leave_librarian = true;
    }
    return effects;
}

Effects DeskFlow::act_issuance(const IssuanceIntent& intent) {
    auto& panel = screen_->issuance;
    if (panel.preview) {  // the question box takes every tap until answered
        if (intent.confirm_issue_all) {
            const std::string class_name = panel.preview->class_name;
            post_step([class_name, now = wall_now()](
                          KioskLibrary& library) { return library.issue_class_set(class_name, now, false); },
                      [this](const tl::expected<core::IssueSetOutcome, Fault>& done, const DeskView&) -> Effects {
                          if (!done) return {.fault = done.error()};
                          screen_->issuance.issued = done->result;
                          screen_->issuance.banner.reset();
                          return {.sounds = {Sound::success}};
                      });
        }
        if (intent.cancel_issue_all || intent.confirm_issue_all) {
            panel.preview.reset();
            return {.changed = true};
        }
        return {};
    }
    const auto reopen = [](KioskLibrary& library) {  // the last pupil's session ends with the class
        library.open_desk(core::StationMode::desk);
        return true;
    };
    const auto nothing = [](bool, const DeskView&) { return Effects{}; };
    Effects effects;
    if (intent.pick_class) {
        panel = {.progress = core::ClassSetProgress{.class_name = *intent.pick_class}};
        post_step(reopen, nothing);
        effects.changed = true;
    }
    if (intent.other_class) {
        panel = {};
        post_step(reopen, nothing);
        effects.changed = true;
    }
    if (intent.serve_card)
        effects += at_desk(core::Scan{.text = *intent.serve_card, .source = "screen"}, devices::Clock::now());
    if (intent.ask_issue_all && panel.progress) {
        worker_.post([class_name = panel.progress->class_name, now = wall_now()](
                         KioskLibrary& library) { return library.issue_class_set(class_name, now, true); },
                     [this](const tl::expected<core::IssueSetOutcome, Fault>& preview) -> Effects {
                         if (!preview) return {.fault = preview.error()};
                         if (!showing(LibrarianTab::classes)) return {};
                         auto& shown = screen_->issuance;
                         shown.notice_key.reset();
                         if (preview->refusal)
                             shown.notice_key =
                                 "kiosk.issuance.refusal." + std::string(core::to_string(*preview->refusal));
                         else
                             shown.preview = preview->result;
                         return {.changed = true};
                     });
    }
    return effects;
}

Effects DeskFlow::act_stocktake(const StocktakeIntent& intent) {
    auto& panel = screen_->stocktake;
    if (!intent.start_scope && !intent.ask_finish && !intent.cancel_finish && !intent.confirm_finish) return {};
    panel.refusal.reset();
    panel.banner.reset();
    if (intent.ask_finish) panel.confirm_finish = true;
    if (intent.cancel_finish || intent.confirm_finish) panel.confirm_finish = false;
    if (intent.start_scope) panel.report.reset();
    struct Step {
        std::optional<Fault> fault;
        std::optional<core::Refusal> refusal;
        std::optional<core::StocktakeReport> report;
    };
    post_step(
        [scope = intent.start_scope, finish = intent.confirm_finish, now = wall_now()](KioskLibrary& library) {
            Step step;
            if (scope) {
                auto started = library.start_stocktake(*scope, now);
                if (!started) return Step{.fault = started.error()};
                if (!*started) step.refusal = started->error();
            }
            if (finish) {
                auto finished = library.finish_stocktake(now);
                if (!finished) return Step{.fault = finished.error()};
                if (*finished)
                    step.report = std::move(**finished);
                else
                    step.refusal = finished->error();
            }
            return step;
        },
        [this](const Step& step, const DeskView&) -> Effects {
            if (step.fault) return {.fault = step.fault};
            if (step.refusal) screen_->stocktake.refusal = step.refusal;
            if (step.report) screen_->stocktake.report = step.report;
            return {};
        });
    return {.changed = true};
}

Effects DeskFlow::act_settings(const LibrarianIntent& intent) {
    Effects effects;
    const auto store = [this](std::string_view key, std::string value) {
        worker_.post([key = std::string(key), value = std::move(value),
                      now = wall_now()](KioskLibrary& library) { return library.set_setting(key, value, now); },
                     fault_effects);
    };
    if (intent.kiosk_language) {
        screen_->kiosk_language = *intent.kiosk_language;
        effects.kiosk_language = *intent.kiosk_language;
        store(core::kiosk_language_setting, std::string(to_string(*intent.kiosk_language)));
    }
    if (intent.idle_step) {
        const int seconds = core::kiosk_idle_timeout_setting.stepped(screen_->idle_seconds, intent.idle_step);
        screen_->idle_seconds = seconds;
        effects.idle_timeout = std::chrono::seconds(seconds);
        worker_.post(
            [seconds](KioskLibrary& library) {
                library.set_idle_timeout(std::chrono::seconds(seconds));
                return true;
            },
            [](bool) { return Effects{}; });
        store(core::kiosk_idle_timeout_setting.key, std::to_string(seconds));
    }
    if (intent.lock_step) {
        lock_seconds_ = core::kiosk_librarian_lock_setting.stepped(screen_->lock_seconds, intent.lock_step);
        screen_->lock_seconds = lock_seconds_;
        store(core::kiosk_librarian_lock_setting.key, std::to_string(lock_seconds_));
    }
    return effects;
}

Effects DeskFlow::tick(Steady::time_point steady) {
    if (!screen_ || steady - touched_ < std::chrono::seconds(lock_seconds_)) return {};
    post_audit(worker_, core::LibrarianActionKind::librarian_locked, "idle_lock");
    return {.leave_librarian = true};  // left alone: back to the pupils
}

LibrarianScreen& DeskFlow::screen(Steady::time_point steady) {
    const auto since = std::chrono::duration_cast<std::chrono::seconds>(steady - touched_);
    screen_->seconds_to_lock = static_cast<int>(std::max<long long>(lock_seconds_ - since.count(), 0));
    return *screen_;
}

}  // namespace kitap::kiosk
