#include "kiosk/gui/model/kiosk_library.hpp"

#include "core/db/database.hpp"
#include "core/settings/setting_store.hpp"

#include <SQLiteCpp/Transaction.h>

#include <utility>

namespace kitap::kiosk {
namespace {

// Written at every (re)opening: proves the database takes a durable write before
// the kiosk tells pupils it works.
constexpr const char* heartbeat_setting = "kiosk_last_start";
// The proof write waits only briefly for another program's lock, so that a kiosk
// retrying a locked database every few seconds stays responsive; scans then wait as
// long as core's connections do.
constexpr int probe_busy_timeout_ms = 250;
constexpr int scan_busy_timeout_ms = 5000;

}  // namespace

KioskLibrary::KioskLibrary(std::filesystem::path path, core::Rules rules, std::string station_name)
    : path_(std::move(path)), rules_(std::move(rules)), station_name_(std::move(station_name)) {}

KioskLibrary::~KioskLibrary() { close(); }

void KioskLibrary::close() {
    desk_.reset();
    station_.reset();
    store_.reset();
    db_.reset();
}

template <typename Action>
auto KioskLibrary::guarded(Action&& action) -> tl::expected<decltype(action()), Fault> {
    if (!is_open()) return tl::unexpected(Fault{.kind = FaultKind::database_unavailable, .detail = path_.string()});
    try {
        return action();
    } catch (const std::exception& e) {
        return tl::unexpected(fault_from(e));
    }
}

std::optional<Fault> KioskLibrary::open() {
    close();
    try {
        db_.emplace(core::open_database(path_));
        db_->setBusyTimeout(probe_busy_timeout_ms);
        core::SettingStore(*db_).set(
            heartbeat_setting,
            core::iso_timestamp(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())));
        db_->setBusyTimeout(scan_busy_timeout_ms);
        store_ = std::make_unique<core::LibraryStore>(*db_);
        station_ = std::make_unique<core::Station>(*store_, rules_, core::StationMode::self, station_name_);
        return std::nullopt;
    } catch (const std::exception& e) {
        close();
        return fault_from(e);
    }
}

KioskLibrary::Handled KioskLibrary::handle(const core::Scan& scan, core::Timestamp now) {
    return from_result(guarded([&] { return station_->handle(scan, now); }));
}

KioskLibrary::Handled KioskLibrary::handle(const core::StationCommand& command, core::Timestamp now) {
    return from_result(guarded([&] { return station_->handle(command, now); }));
}

tl::expected<core::SessionSnapshot, Fault> KioskLibrary::session_snapshot(core::Timestamp now) {
    return guarded([&] { return station_->snapshot(now); });
}

KioskLibrary::Handled KioskLibrary::submit_reader_pin(std::string_view pin, core::Timestamp now) {
    return from_result(guarded([&] { return station_->submit_pin(pin, now); }));
}

void KioskLibrary::cancel_reader_pin() {
    if (station_) station_->cancel_pin();
}

KioskLibrary::Handled KioskLibrary::from_result(tl::expected<core::StationResult, Fault> result) {
    if (!result) return {.fault = result.error()};
    return {.outcomes = std::move(result->outcomes)};
}

KioskLibrary::Handled KioskLibrary::expire_idle(core::Timestamp now) {
    Handled handled;
    auto ended = guarded([&] { return station_->expire_idle_session(now); });
    if (!ended)
        handled.fault = ended.error();
    else if (*ended)
        handled.outcomes.push_back(std::move(**ended));
    return handled;
}

std::optional<core::ReaderSummary> KioskLibrary::session_reader() const {
    if (!station_ || !station_->session_reader()) return std::nullopt;
    return core::summary_of(*station_->session_reader());
}

void KioskLibrary::set_idle_timeout(std::chrono::seconds timeout) {
    rules_.station.idle_timeout = timeout;
    if (store_) station_ = std::make_unique<core::Station>(*store_, rules_, core::StationMode::self, station_name_);
}

void KioskLibrary::open_desk(core::StationMode mode) {
    desk_mode_ = mode;
    desk_.reset();
    if (store_) desk_ = std::make_unique<core::Station>(*store_, rules_, mode, station_name_);
}

void KioskLibrary::close_desk() { desk_.reset(); }

KioskLibrary::Handled KioskLibrary::handle_at_desk(const core::Scan& scan, core::Timestamp now) {
    if (!desk_) open_desk(desk_mode_);  // the database came back since the desk was opened
    return from_result(guarded([&] { return desk_->handle(scan, now); }));
}

KioskLibrary::Handled KioskLibrary::handle_at_desk(const core::StationCommand& command, core::Timestamp now) {
    if (!desk_) open_desk(desk_mode_);
    return from_result(guarded([&] { return desk_->handle(command, now); }));
}

std::optional<core::ReaderSummary> KioskLibrary::desk_reader() const {
    if (!desk_ || !desk_->session_reader()) return std::nullopt;
    return core::summary_of(*desk_->session_reader());
}

std::optional<core::Condition> KioskLibrary::desk_condition() const {
    if (!desk_ || desk_->mode() != core::StationMode::return_) return std::nullopt;
    return desk_->next_condition();
}

std::string KioskLibrary::command_code(core::Command command) const {
    return core::command_code(command, rules_.codes);
}

tl::expected<std::vector<core::HeldItem>, Fault> KioskLibrary::held_items(const std::string& card) {
    return guarded([&] {
        const auto reader = store_->reader_by_card(card);
        return reader ? store_->held_items(reader->id) : std::vector<core::HeldItem>{};
    });
}

tl::expected<std::vector<core::ClassProvision>, Fault> KioskLibrary::class_provision(core::Date today) {
    return guarded([&] { return core::class_provision(*db_, today); });
}

tl::expected<std::optional<core::ClassSetProgress>, Fault> KioskLibrary::class_progress(const std::string& class_name,
                                                                                        core::Date today) {
    return guarded([&] { return core::class_set_progress(*db_, class_name, today); });
}

tl::expected<core::IssueSetOutcome, Fault> KioskLibrary::issue_class_set(const std::string& class_name,
                                                                         core::Timestamp now, bool dry_run) {
    return guarded([&] {
        return core::issue_class_set(*db_, class_name, rules_,
                                     {.dry_run = dry_run, .now = now, .station = station_name_});
    });
}

tl::expected<core::ProvisionReport, Fault> KioskLibrary::provision(core::Date today) {
    return guarded([&] { return core::provision_report(*db_, std::nullopt, today); });
}

tl::expected<std::vector<core::ClassDebtors>, Fault> KioskLibrary::debtors(core::Date today) {
    return guarded([&] { return core::debtors_report(*db_, std::nullopt, today); });
}

tl::expected<std::optional<core::StocktakeStatus>, Fault> KioskLibrary::stocktake_status() {
    return guarded([&] { return core::stocktake_status(*db_); });
}

tl::expected<core::Checked<core::RowId>, Fault> KioskLibrary::start_stocktake(const std::string& scope,
                                                                              core::Timestamp now) {
    return guarded([&] { return core::start_stocktake(*db_, scope, {.at = now, .station = station_name_}); });
}

tl::expected<core::Checked<core::StocktakeReport>, Fault> KioskLibrary::finish_stocktake(core::Timestamp now) {
    return guarded([&] { return core::finish_stocktake(*db_, {.at = now, .station = station_name_}); });
}

tl::expected<LookupResult, Fault> KioskLibrary::look_up(std::string_view raw) {
    return guarded([&] { return kiosk::look_up(*store_, raw, rules_.codes); });
}

tl::expected<core::DemoSamples, Fault> KioskLibrary::demo_samples(core::Date today) {
    return guarded([&] { return core::find_demo_samples(*db_, today); });
}

std::optional<std::string> KioskLibrary::setting(const std::string& key) {
    auto value = guarded([&] { return core::SettingStore(*db_).get(key); });
    return value ? *value : std::nullopt;
}

std::optional<Fault> KioskLibrary::set_setting(const std::string& key, const std::string& value,
                                               core::Timestamp now) {
    auto done = guarded([&] {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        core::SettingStore(*db_).set(key, value);
        core::record_librarian_action(*store_, {.at = now,
                                                .station = station_name_,
                                                .action = core::LibrarianActionKind::setting_changed,
                                                .detail = key + "=" + value});
        transaction.commit();
        return true;
    });
    return done ? std::nullopt : std::optional<Fault>(done.error());
}

std::optional<Fault> KioskLibrary::record(core::LibrarianActionKind action, core::Timestamp now, std::string detail) {
    auto done = guarded([&] {
        core::record_librarian_action(*store_,
                                      {.at = now, .station = station_name_, .action = action, .detail = std::move(detail)});
        return true;
    });
    return done ? std::nullopt : std::optional<Fault>(done.error());
}

tl::expected<core::PinAttemptLog, Fault> KioskLibrary::pin_attempts() {
    return guarded([&] { return core::read_pin_attempts(*db_); });
}

}  // namespace kitap::kiosk
