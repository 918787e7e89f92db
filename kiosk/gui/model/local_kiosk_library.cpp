#include "kiosk/gui/model/local_kiosk_library.hpp"

#include "kiosk/wire/panel_wire.hpp"

#include <utility>

namespace kitap::kiosk {
namespace {

// Written at every (re)opening: proves the database takes a durable write before
// the kiosk tells pupils it works. The proof waits only briefly for another
// program's lock, so that a kiosk retrying a locked database every few seconds
// stays responsive; scans then wait as long as core's connections do.
constexpr const char* heartbeat_setting = "kiosk_last_start";
constexpr std::chrono::milliseconds probe_busy_timeout{250};
// A scan waits this long for another program's write lock (a backup, the CLI) while
// the screen, drawn by another thread, says it is working; a longer lock is a fault
// the pupil is told of, and nothing of the scan is kept.
constexpr std::chrono::milliseconds scan_busy_timeout{10000};

Fault closed_fault(const std::filesystem::path& path) {
    return {.kind = FaultKind::database_unavailable, .detail = path.string()};
}

}  // namespace

LocalKioskLibrary::LocalKioskLibrary(std::filesystem::path path, core::Rules rules, std::string station_name,
                                     std::optional<std::string> demo_pin_hash)
    : path_(std::move(path)),
      rules_(std::move(rules)),
      station_name_(std::move(station_name)),
      demo_pin_hash_(std::move(demo_pin_hash)) {}

LocalKioskLibrary::~LocalKioskLibrary() { close(); }

void LocalKioskLibrary::close() {
    desk_.reset();
    station_.reset();
    library_.reset();
}

template <typename Answer>
Answer LocalKioskLibrary::done_reading(Answer answer) {
    library_->release_reads();
    return answer;
}

template <typename Call>
auto LocalKioskLibrary::served(Call&& call)
    -> tl::expected<typename std::invoke_result_t<Call, core::Library&>::value_type, Fault> {
    if (!library_ || !station_) return tl::unexpected(closed_fault(path_));
    return done_reading(std::forward<Call>(call)(*library_)).map_error([](const core::Fault& fault) {
        return fault_from(fault);
    });
}

std::optional<Fault> LocalKioskLibrary::open() {
    close();
    auto library = core::Library::open(path_, {.rules = rules_,
                                               .busy_timeout = scan_busy_timeout,
                                               .proof_setting = heartbeat_setting,
                                               .proof_timeout = probe_busy_timeout});
    if (!library) return fault_from(library.error());
    library_.emplace(std::move(*library));
    open_pupil_station();
    return std::nullopt;
}

void LocalKioskLibrary::open_pupil_station() {
    if (library_) station_.emplace(library_->open_station(core::StationMode::self, station_name_, rules_));
}

LocalKioskLibrary::Handled LocalKioskLibrary::handle(const core::Scan& scan, core::Timestamp now) {
    return on_station(station_, [&](core::StationHandle& station) { return station.handle(scan, now); });
}

LocalKioskLibrary::Handled LocalKioskLibrary::handle(const core::StationCommand& command, core::Timestamp now) {
    return on_station(station_, [&](core::StationHandle& station) { return station.handle(command, now); });
}

LocalKioskLibrary::Handled LocalKioskLibrary::submit_reader_pin(std::string_view pin, core::Timestamp now) {
    return on_station(station_, [&](core::StationHandle& station) { return station.submit_pin(pin, now); });
}

void LocalKioskLibrary::cancel_reader_pin() {
    if (station_) station_->cancel_pin();
}

template <typename Call>
LocalKioskLibrary::Handled LocalKioskLibrary::on_station(std::optional<core::StationHandle>& station, Call&& call) {
    if (!station) return {.fault = closed_fault(path_)};
    auto result = done_reading(std::forward<Call>(call)(*station));
    if (!result) return {.fault = fault_from(result.error())};
    return {.outcomes = std::move(result->outcomes), .session = std::move(result->session)};
}

LocalKioskLibrary::Handled LocalKioskLibrary::expire_idle(core::Timestamp now) {
    Handled handled;
    if (!station_) return {.fault = closed_fault(path_)};
    auto ended = done_reading(station_->expire_idle_session(now));
    if (!ended)
        handled.fault = fault_from(ended.error());
    else if (*ended) {
        handled.outcomes.push_back(std::move(**ended));
        handled.session = core::SessionSnapshot{};  // the session it ended was the station's only one
    }
    return handled;
}

std::optional<core::ReaderSummary> LocalKioskLibrary::session_reader() const {
    if (!station_ || !station_->session_reader()) return std::nullopt;
    return core::summary_of(*station_->session_reader());
}

void LocalKioskLibrary::set_idle_timeout(std::chrono::seconds timeout) {
    rules_.station.idle_timeout = timeout;
    open_pupil_station();
}

void LocalKioskLibrary::open_desk(core::StationMode mode) {
    desk_mode_ = mode;
    desk_.reset();
    if (library_) desk_.emplace(library_->open_station(mode, station_name_, rules_));
}

void LocalKioskLibrary::close_desk() { desk_.reset(); }

LocalKioskLibrary::Handled LocalKioskLibrary::handle_at_desk(const core::Scan& scan, core::Timestamp now) {
    if (!desk_) open_desk(desk_mode_);  // the database came back since the desk was opened
    return on_station(desk_, [&](core::StationHandle& desk) { return desk.handle(scan, now); });
}

LocalKioskLibrary::Handled LocalKioskLibrary::handle_at_desk(const core::StationCommand& command, core::Timestamp now) {
    if (!desk_) open_desk(desk_mode_);
    return on_station(desk_, [&](core::StationHandle& desk) { return desk.handle(command, now); });
}

std::optional<core::ReaderSummary> LocalKioskLibrary::desk_reader() const {
    if (!desk_ || !desk_->session_reader()) return std::nullopt;
    return core::summary_of(*desk_->session_reader());
}

std::optional<core::Condition> LocalKioskLibrary::desk_condition() const {
    if (!desk_ || desk_->mode() != core::StationMode::return_) return std::nullopt;
    return desk_->next_condition();
}

std::string LocalKioskLibrary::command_code(core::Command command) const {
    return core::command_code(command, rules_.codes);
}

tl::expected<std::vector<core::HeldItem>, Fault> LocalKioskLibrary::held_items(const std::string& card) {
    return served([&](core::Library& library) { return library.circulation().held_items(card); });
}

tl::expected<std::vector<core::ClassProvision>, Fault> LocalKioskLibrary::class_provision(core::Date today) {
    return served([&](core::Library& library) { return library.textbooks().class_provision(today); });
}

tl::expected<std::optional<core::ClassSetProgress>, Fault> LocalKioskLibrary::class_progress(
    const std::string& class_name, core::Date today) {
    return served([&](core::Library& library) { return library.textbooks().class_progress(class_name, today); });
}

tl::expected<core::IssueSetOutcome, Fault> LocalKioskLibrary::issue_class_set(const std::string& class_name,
                                                                              core::Timestamp now, bool dry_run) {
    return served([&](core::Library& library) {
        return library.textbooks().issue_class_set(class_name,
                                                   {.dry_run = dry_run, .now = now, .station = station_name_});
    });
}

tl::expected<core::ProvisionReport, Fault> LocalKioskLibrary::provision(core::Date today) {
    return served([&](core::Library& library) { return library.textbooks().provision(std::nullopt, today); });
}

tl::expected<std::vector<core::ClassDebtors>, Fault> LocalKioskLibrary::debtors(core::Date today) {
    return served([&](core::Library& library) { return library.textbooks().debtors(std::nullopt, today); });
}

tl::expected<std::optional<core::StocktakeStatus>, Fault> LocalKioskLibrary::stocktake_status() {
    return served([&](core::Library& library) { return library.stocktake().status(); });
}

tl::expected<core::Checked<core::RowId>, Fault> LocalKioskLibrary::start_stocktake(const std::string& scope,
                                                                                   core::Timestamp now) {
    return served([&](core::Library& library) {
        return library.stocktake().start(scope, {.at = now, .station = station_name_});
    });
}

tl::expected<core::Checked<core::StocktakeReport>, Fault> LocalKioskLibrary::finish_stocktake(core::Timestamp now) {
    return served(
        [&](core::Library& library) { return library.stocktake().finish({.at = now, .station = station_name_}); });
}

tl::expected<LookupResult, Fault> LocalKioskLibrary::look_up(std::string_view raw) {
    return served([&](core::Library& library) { return library.lookup().what_is(raw, lookup_history_lines); });
}

tl::expected<std::vector<core::CatalogEntry>, Fault> LocalKioskLibrary::find_books(const std::string& text) {
    return served([&](core::Library& library) { return library.lookup().catalog(text, wire::catalog_search_limit); });
}

tl::expected<wire::HoldPlaced, Fault> LocalKioskLibrary::place_hold(const std::string& card, core::RowId title_id,
                                                                    core::Timestamp now) {
    return served([&](core::Library& library) -> core::OrFault<wire::HoldPlaced> {
        const auto answer = library.holds().place(
            card, title_id, {.at = now, .station = station_name_, .actor = {core::ActorRole::reader, card}});
        if (!answer) return tl::unexpected(answer.error());
        return wire::hold_placed(*answer);
    });
}

tl::expected<core::DemoSamples, Fault> LocalKioskLibrary::demo_samples(core::Date today) {
    return served([&](core::Library& library) { return library.maintenance().demo_samples(today); });
}

std::optional<std::string> LocalKioskLibrary::setting(const std::string& key) {
    auto value = served([&](core::Library& library) { return library.settings().get(key); });
    return value ? *value : std::nullopt;
}

std::optional<int> LocalKioskLibrary::setting_number(const core::NumberSetting& setting) {
    auto value = served([&](core::Library& library) { return library.settings().number(setting); });
    return value ? *value : std::nullopt;
}

std::optional<Fault> LocalKioskLibrary::set_setting(const std::string& key, const std::string& value,
                                                    core::Timestamp now) {
    auto done =
        served([&](core::Library& library) { return library.settings().change(key, value, now, station_name_); });
    return done ? std::nullopt : std::optional<Fault>(done.error());
}

std::optional<Fault> LocalKioskLibrary::record(core::LibrarianActionKind action, core::Timestamp now,
                                               std::string detail) {
    auto done = served([&](core::Library& library) {
        return library.audit().record(
            {.at = now, .station = station_name_, .action = action, .detail = std::move(detail)});
    });
    return done ? std::nullopt : std::optional<Fault>(done.error());
}

tl::expected<std::optional<std::string>, Fault> LocalKioskLibrary::pin_hash() {
    auto stored = served([](core::Library& library) { return stored_pin_hash(library.settings()); });
    if (!stored) return tl::unexpected(stored.error());
    return *stored ? *stored : demo_pin_hash_;
}

tl::expected<PinGuard, Fault> LocalKioskLibrary::pin_guard() {
    return served([](core::Library& library) { return library.audit().pin_attempts(); })
        .map([](core::PinAttemptLog log) {
            PinGuard guard;
            guard.restore(std::move(log));
            return guard;
        });
}

tl::expected<PinState, Fault> LocalKioskLibrary::librarian_pin_state(core::Timestamp now) {
    auto guard = pin_guard();
    if (!guard) return tl::unexpected(guard.error());
    auto stored = served([](core::Library& library) { return stored_pin_hash(library.settings()); });
    if (!stored) return tl::unexpected(stored.error());
    return PinState{.locked_for = guard->locked_for(now), .demo_hint = !*stored && demo_pin_hash_};
}

tl::expected<PinCheck, Fault> LocalKioskLibrary::check_librarian_pin(std::string pin, core::Timestamp now) {
    auto guard = pin_guard();
    if (!guard) return tl::unexpected(guard.error());
    const auto hash = pin_hash();
    if (!hash) return tl::unexpected(hash.error());
    const auto result = guard->attempt(pin, *hash, now);
    using Verdict = PinGuard::Verdict;
    // The try that locks the keypad is recorded; tries while it is locked are not tried.
    const auto audited = [&](core::LibrarianActionKind action, PinCheck check) -> tl::expected<PinCheck, Fault> {
        if (auto fault = record(action, now)) return tl::unexpected(*fault);
        return check;
    };
    switch (result.verdict) {
        case Verdict::accepted:
            return audited(
                core::LibrarianActionKind::pin_accepted,
                {.verdict = PinCheck::Verdict::accepted,
                 .unlock_report = result.report.worth_telling() ? std::optional(result.report) : std::nullopt});
        case Verdict::wrong:
            return audited(core::LibrarianActionKind::pin_wrong,
                           {.verdict = PinCheck::Verdict::wrong, .tries_left = result.tries_left});
        case Verdict::locked_out:
            return audited(core::LibrarianActionKind::pin_locked_out,
                           {.verdict = PinCheck::Verdict::locked, .locked_for = result.locked_for});
        case Verdict::locked:
            return PinCheck{.verdict = PinCheck::Verdict::locked, .locked_for = result.locked_for};
        case Verdict::no_pin_set:
            break;
    }
    return PinCheck{.verdict = PinCheck::Verdict::no_pin_set};
}

}  // namespace kitap::kiosk
