#include "kiosk/gui/model/remote_kiosk_library.hpp"

#include "kiosk/wire/panel_wire.hpp"
#include "kiosk/wire/station_wire.hpp"

#include <cstdlib>

#include <utility>

namespace kitap::kiosk {
namespace {

using nlohmann::json;
using remote::LinkProblemKind;

// Journal entries in one upload (the server takes up to 1,000): few enough that a slow
// server PC replays them well within the link's read timeout, else the kiosk would
// give up on each answer and send the batch again.
constexpr int journal_batch = 200;
constexpr const char* journal_waiting_header = "X-Kitap-Journal-Waiting";

Fault needs_server(std::string what) { return {.kind = FaultKind::needs_server, .detail = std::move(what)}; }

// A problem of the link as the kiosk shows it. `unreachable` only reaches here for what
// only the server can do (the librarian's screens); a pupil's scan goes offline instead.
Fault fault_of(const remote::LinkProblem& problem) {
    switch (problem.kind) {
        case LinkProblemKind::certificate_refused:
            return {.kind = FaultKind::server_certificate, .detail = problem.detail};
        case LinkProblemKind::bad_answer:
            return {.kind = FaultKind::database_error, .detail = problem.detail};
        case LinkProblemKind::unreachable:
            break;
    }
    return needs_server(problem.detail);
}

// The server answered but refused: its error code and message, for the librarian.
Fault refusal_of(const remote::LinkReply& reply, const std::string& what) {
    const auto field = [&](const char* key) {
        return reply.body.is_object() && reply.body.contains(key) && reply.body[key].is_string()
                   ? reply.body[key].get<std::string>()
                   : std::string();
    };
    const std::string code = field("error");
    const bool busy = code == "locked" || code == "busy";
    const auto kind = reply.status == 401 ? FaultKind::station_refused
                      : busy              ? FaultKind::database_busy
                                          : FaultKind::database_error;
    return {.kind = kind,
            .detail = what + ": HTTP " + std::to_string(reply.status) + " " + code + " " + field("message")};
}

// A 2xx answer's body as T, or the fault to show.
template <typename T>
tl::expected<T, Fault> decoded(const remote::LinkReply& reply, const std::string& what) {
    if (reply.status / 100 != 2) return tl::unexpected(refusal_of(reply, what));
    auto value = wire::decode<T>(reply.body);
    if (!value)
        return tl::unexpected(
            Fault{.kind = FaultKind::database_error, .detail = what + ": the answer's " + value.error().text()});
    return std::move(*value);
}

// A value the wire writes as null when there is none.
template <typename T>
tl::expected<std::optional<T>, wire::WireError> optional_of(const json& value) {
    if (value.is_null()) return std::nullopt;
    return wire::decode<T>(value).map([](T decoded) { return std::optional<T>(std::move(decoded)); });
}

// {"<field>": value, "refusal": null} or {"<field>": null, "refusal": Refusal}, as core::Checked.
template <typename T>
tl::expected<core::Checked<T>, Fault> checked_answer(const tl::expected<json, Fault>& answer, const char* field,
                                                     const std::string& what) {
    if (!answer) return tl::unexpected(answer.error());
    const auto refusal = optional_of<core::Refusal>(answer->value("refusal", json()));
    const auto value = optional_of<T>(answer->value(field, json()));
    if (!refusal || !value || (!*refusal && !*value))
        return tl::unexpected(Fault{.kind = FaultKind::database_error,
                                    .detail = what + ": an answer with neither its " + field + " nor a refusal"});
    if (*refusal) return core::Checked<T>(tl::unexpected(**refusal));
    return core::Checked<T>(**value);
}

json mode_body(core::StationMode mode) { return wire::ModeRequest{.mode = mode}; }

}  // namespace

RemoteKioskLibrary::RemoteKioskLibrary(Settings settings)
    : settings_(std::move(settings)),
      link_(std::make_unique<remote::ServerLink>(settings_.address, settings_.token, settings_.trusted_fingerprint,
                                                 settings_.timeouts)) {}

RemoteKioskLibrary::~RemoteKioskLibrary() = default;

// ---------------------------------------------------------------------------
// The link

RemoteKioskLibrary::Reply RemoteKioskLibrary::noted(Reply reply) {
    if (!reply && reply.error().kind == LinkProblemKind::unreachable) go_offline();
    return reply;
}

RemoteKioskLibrary::Reply RemoteKioskLibrary::get(const std::string& path) { return noted(link_->get(path)); }

RemoteKioskLibrary::Reply RemoteKioskLibrary::post(const std::string& path, const json& body) {
    return noted(link_->post(path, body));
}

void RemoteKioskLibrary::go_offline() {
    if (online_) tried_at_ = Steady::now();  // the next try after retry_every
    online_ = false;
    session_reader_.reset();
    desk_reader_.reset();
    if (!offline_ && journal_) offline_.emplace(*journal_, settings_.rules);
}

void RemoteKioskLibrary::count_journal() {
    if (const auto waiting = journal_->waiting_count()) journal_waiting_ = *waiting;
    link_->set_header(journal_waiting_header, std::to_string(journal_waiting_));
}

std::optional<Fault> RemoteKioskLibrary::open() {
    if (!journal_) {
        auto journal = core::OfflineJournal::open(settings_.journal, settings_.station);
        if (!journal) return fault_from(journal.error());
        journal_.emplace(std::move(*journal));
        cache_.emplace(*journal_);
    }
    count_journal();
    online_ = false;
    offline_.reset();
    go_offline();  // until the server has answered
    return reconnect();
}

std::optional<Fault> RemoteKioskLibrary::tend() {
    const auto steady = Steady::now();
    if (online_) {
        if (steady - refreshed_at_ >= settings_.refresh_every) refresh_cache();
        return std::nullopt;
    }
    if (steady - tried_at_ < settings_.retry_every) return std::nullopt;
    return reconnect();
}

std::optional<Fault> RemoteKioskLibrary::reconnect() {
    tried_at_ = Steady::now();
    const auto hello = link_->get("/api/station/hello");
    if (!hello)
        return hello.error().kind == LinkProblemKind::unreachable ? std::nullopt
                                                                  : std::optional(fault_of(hello.error()));
    if (hello->status != 200) return refusal_of(*hello, "GET /api/station/hello");
    take_hello(hello->body);
    if (auto fault = upload_journal()) return fault;
    if (journal_waiting_ > 0) return std::nullopt;  // the server went away during the upload
    online_ = true;
    offline_.reset();
    refresh_cache();
    return std::nullopt;
}

// In order, in batches, until nothing waits: each batch's acknowledged ids are marked
// before the next goes, so a kiosk killed halfway sends only the rest (and the server
// passes over any entry it already applied).
std::optional<Fault> RemoteKioskLibrary::upload_journal() {
    for (;;) {
        const auto waiting = journal_->waiting(journal_batch);
        if (!waiting) return fault_from(waiting.error());
        if (waiting->empty()) return std::nullopt;
        const auto reply = link_->post("/api/station/journal", wire::JournalUpload{.entries = *waiting});
        if (!reply)
            return reply.error().kind == LinkProblemKind::unreachable ? std::nullopt
                                                                      : std::optional(fault_of(reply.error()));
        const auto answer = decoded<json>(*reply, "POST /api/station/journal");
        if (!answer) return answer.error();
        const auto acknowledged = wire::decode<std::vector<std::string>>(answer->value("acknowledged", json()));
        if (!acknowledged || acknowledged->empty())
            return Fault{.kind = FaultKind::database_error,
                         .detail = "POST /api/station/journal: the server acknowledged none of the entries"};
        if (const auto marked = journal_->acknowledge(*acknowledged); !marked) return fault_from(marked.error());
        count_journal();
    }
}

// A failed refresh keeps the cache there is: it is tried again at the next refresh.
void RemoteKioskLibrary::refresh_cache() {
    refreshed_at_ = Steady::now();
    const auto reply = get("/api/station/offline-snapshot");
    if (!reply) return;
    if (const auto snapshot = decoded<core::OfflineSnapshot>(*reply, "GET /api/station/offline-snapshot"))
        (void)cache_->replace(*snapshot);
}

void RemoteKioskLibrary::take_hello(const json& hello) {
    if (const auto idle = hello.find("idle_timeout_seconds"); idle != hello.end() && idle->is_number_integer())
        settings_.rules.station.idle_timeout = std::chrono::seconds(idle->get<int>());
    if (const auto lock = hello.find("librarian_lock_seconds"); lock != hello.end() && lock->is_number_integer())
        librarian_lock_seconds_ = lock->get<int>();
    if (const auto language = hello.find("language"); language != hello.end() && language->is_string())
        language_ = language->get<std::string>();
    if (const auto commands = hello.find("commands"); commands != hello.end() && commands->is_object())
        for (const auto& [name, code] : commands->items())
            if (const auto command = wire::decode<core::Command>(json(name)); command && code.is_string())
                command_codes_[*command] = code.get<std::string>();
}

LinkStatus RemoteKioskLibrary::link_status() const {
    return {.state = online_ ? LinkStatus::State::online : LinkStatus::State::offline,
            .journal_waiting = journal_waiting_};
}

// ---------------------------------------------------------------------------
// The pupils' station

RemoteKioskLibrary::Handled RemoteKioskLibrary::station_call(const std::string& path, const json& body, bool pupils) {
    const auto reply = post(path, body);
    if (!reply) return {.fault = fault_of(reply.error())};
    auto result = decoded<core::StationResult>(*reply, "POST " + path);
    if (!result) return {.fault = result.error()};
    auto& reader = pupils ? session_reader_ : desk_reader_;
    reader = result->session.reader;
    return {.outcomes = std::move(result->outcomes), .session = std::move(result->session)};
}

template <typename Input>
RemoteKioskLibrary::Handled RemoteKioskLibrary::pupils_input(const std::string& path, const json& body,
                                                             const Input& input, core::Timestamp now) {
    if (auto fault = tend()) return {.fault = std::move(fault)};
    if (online_) {
        auto handled = station_call(path, body, true);
        if (online_) return handled;
    }
    if (!offline_) return {.fault = fault_from(core::Fault{.kind = core::FaultKind::cannot_open})};
    return offline_handled(offline_->handle(input, now));
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::offline_handled(const core::OrFault<core::StationResult>& result) {
    count_journal();
    if (!result) return {.fault = fault_from(result.error()), .offline = true};
    return {.outcomes = result->outcomes, .session = result->session, .offline = true};
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::handle(const core::Scan& scan, core::Timestamp now) {
    return pupils_input("/api/station/scan", wire::ScanRequest{.mode = core::StationMode::self, .scan = scan}, scan,
                        now);
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::handle(const core::StationCommand& command, core::Timestamp now) {
    return pupils_input("/api/station/command",
                        wire::CommandRequest{.mode = core::StationMode::self, .command = command}, command, now);
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::submit_reader_pin(std::string_view pin, core::Timestamp) {
    // Offline, the station never asks for a reader's PIN: only the server checks PINs.
    if (!online_) return {.fault = needs_server("a reader's PIN")};
    return station_call("/api/station/pin", wire::PinRequest{.pin = std::string(pin)}, true);
}

void RemoteKioskLibrary::cancel_reader_pin() {
    if (online_) (void)post("/api/station/cancel-pin", json::object());
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::expire_idle(core::Timestamp now) {
    if (auto fault = tend()) return {.fault = std::move(fault)};
    if (!online_) {
        const auto ended = offline_->expire_idle_session(now);
        if (!ended) return {.offline = true};
        return {.outcomes = {*ended}, .session = core::SessionSnapshot{}, .offline = true};
    }
    const auto reply = post("/api/station/expire", mode_body(core::StationMode::self));
    if (!reply)
        return {.fault = reply.error().kind == LinkProblemKind::unreachable ? std::nullopt
                                                                            : std::optional(fault_of(reply.error()))};
    const auto answer = decoded<json>(*reply, "POST /api/station/expire");
    if (!answer) return {.fault = answer.error()};
    auto ended = optional_of<core::StationOutcome>(answer->value("ended", json()));
    auto session = wire::decode<core::SessionSnapshot>(answer->value("session", json()));
    if (!ended || !session)
        return {.fault = Fault{.kind = FaultKind::database_error,
                               .detail = "POST /api/station/expire: an answer without its ended and session"}};
    session_reader_ = session->reader;
    Handled handled{.session = std::move(*session)};
    if (*ended) handled.outcomes.push_back(std::move(**ended));
    return handled;
}

std::optional<core::ReaderSummary> RemoteKioskLibrary::session_reader() const {
    if (!online_ && offline_ && offline_->session_reader()) return core::summary_of(*offline_->session_reader());
    return session_reader_;
}

void RemoteKioskLibrary::set_idle_timeout(std::chrono::seconds timeout) {
    // The server's stations keep the server's own; this one is for the offline station.
    settings_.rules.station.idle_timeout = timeout;
}

std::string RemoteKioskLibrary::command_code(core::Command command) const {
    const auto known = command_codes_.find(command);
    return known != command_codes_.end() ? known->second : core::command_code(command, settings_.rules.codes);
}

// ---------------------------------------------------------------------------
// The librarian's desk: the server's stations in desk, return and stocktake mode,
// open to this kiosk once the server has checked the librarian's PIN.

void RemoteKioskLibrary::open_desk(core::StationMode mode) {
    desk_mode_ = mode;
    desk_reader_.reset();
}

void RemoteKioskLibrary::close_desk() { desk_reader_.reset(); }

RemoteKioskLibrary::Handled RemoteKioskLibrary::handle_at_desk(const core::Scan& scan, core::Timestamp) {
    return followed_at_desk(
        station_call("/api/station/scan", wire::ScanRequest{.mode = desk_mode_, .scan = scan}, false));
}

RemoteKioskLibrary::Handled RemoteKioskLibrary::handle_at_desk(const core::StationCommand& command, core::Timestamp) {
    return followed_at_desk(
        station_call("/api/station/command", wire::CommandRequest{.mode = desk_mode_, .command = command}, false));
}

// The server's return station keeps the condition chosen for the next return and goes
// back to good after it, as a local one does; the kiosk follows it to show it.
RemoteKioskLibrary::Handled RemoteKioskLibrary::followed_at_desk(Handled handled) {
    for (const auto& outcome : handled.outcomes) {
        if (outcome.outcome == core::Outcome::command && outcome.condition) desk_condition_ = *outcome.condition;
        if (outcome.outcome == core::Outcome::returned) desk_condition_ = core::Condition::good;
    }
    return handled;
}

std::optional<core::Condition> RemoteKioskLibrary::desk_condition() const {
    if (desk_mode_ != core::StationMode::return_) return std::nullopt;
    return desk_condition_;
}

std::optional<core::ReaderSummary> RemoteKioskLibrary::desk_reader() const { return desk_reader_; }

// ---------------------------------------------------------------------------
// The librarian's PIN and actions: the server checks and records them.

tl::expected<PinState, Fault> RemoteKioskLibrary::librarian_pin_state(core::Timestamp) {
    if (auto fault = tend()) return tl::unexpected(*fault);
    if (!online_) return tl::unexpected(needs_server("the librarian's PIN"));
    return PinState{};  // the server says whether it is locked at the first try
}

tl::expected<PinCheck, Fault> RemoteKioskLibrary::check_librarian_pin(std::string pin, core::Timestamp) {
    const auto reply = post("/api/station/librarian-pin", wire::PinRequest{.pin = std::move(pin)});
    if (!reply) return tl::unexpected(fault_of(reply.error()));
    if (reply->status == 200) return PinCheck{.verdict = PinCheck::Verdict::accepted};
    const auto& body = reply->body;
    const std::string code = body.is_object() ? body.value("error", "") : "";
    if (reply->status == 403 && code == "wrong_pin")
        return PinCheck{.verdict = PinCheck::Verdict::wrong, .tries_left = body.value("tries_left", 0)};
    if (reply->status == 403 && code == "pin_locked")
        return PinCheck{.verdict = PinCheck::Verdict::locked,
                        .locked_for = std::chrono::seconds(body.value("locked_for_seconds", 0))};
    if (reply->status == 403 && code == "no_pin_set") return PinCheck{.verdict = PinCheck::Verdict::no_pin_set};
    return tl::unexpected(refusal_of(*reply, "POST /api/station/librarian-pin"));
}

std::optional<Fault> RemoteKioskLibrary::record(core::LibrarianActionKind action, core::Timestamp, std::string) {
    std::string path;
    if (action == core::LibrarianActionKind::librarian_locked) path = "/api/station/librarian-leave";
    if (action == core::LibrarianActionKind::kiosk_closed) path = "/api/station/librarian/kiosk-closed";
    if (path.empty()) return std::nullopt;  // the PIN's tries: the server wrote them as it checked
    const auto reply = post(path, json::object());
    // The librarian leaves and the kiosk closes also with the server away; the server's own
    // idle lock ends its modes then.
    if (!reply)
        return reply.error().kind == LinkProblemKind::unreachable ? std::nullopt
                                                                  : std::optional(fault_of(reply.error()));
    if (reply->status / 100 != 2) return refusal_of(*reply, "POST " + path);
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// The librarian's panels: the server's /api/station/librarian/* routes, open to this
// kiosk while the server holds the librarian's PIN as accepted.

template <typename T>
tl::expected<T, Fault> RemoteKioskLibrary::librarian_get(const std::string& path) {
    const auto reply = get("/api/station/librarian/" + path);
    if (!reply) return tl::unexpected(fault_of(reply.error()));
    return decoded<T>(*reply, "GET /api/station/librarian/" + path);
}

template <typename T>
tl::expected<std::optional<T>, Fault> RemoteKioskLibrary::librarian_get_optional(const std::string& path) {
    const auto answer = librarian_get<json>(path);
    if (!answer) return tl::unexpected(answer.error());
    auto value = optional_of<T>(*answer);
    if (!value)
        return tl::unexpected(
            Fault{.kind = FaultKind::database_error,
                  .detail = "GET /api/station/librarian/" + path + ": the answer's " + value.error().text()});
    return std::move(*value);
}

template <typename T>
tl::expected<T, Fault> RemoteKioskLibrary::librarian_post(const std::string& path, const json& body) {
    const auto reply = post("/api/station/librarian/" + path, body);
    if (!reply) return tl::unexpected(fault_of(reply.error()));
    return decoded<T>(*reply, "POST /api/station/librarian/" + path);
}

tl::expected<std::vector<core::HeldItem>, Fault> RemoteKioskLibrary::held_items(const std::string& card) {
    return librarian_get<std::vector<core::HeldItem>>("held-items?card=" + remote::query_value(card));
}

tl::expected<std::vector<core::ClassProvision>, Fault> RemoteKioskLibrary::class_provision(core::Date) {
    return librarian_get<std::vector<core::ClassProvision>>("class-provision");
}

tl::expected<std::optional<core::ClassSetProgress>, Fault> RemoteKioskLibrary::class_progress(
    const std::string& class_name, core::Date) {
    return librarian_get_optional<core::ClassSetProgress>("class-progress?class=" + remote::query_value(class_name));
}

tl::expected<core::IssueSetOutcome, Fault> RemoteKioskLibrary::issue_class_set(const std::string& class_name,
                                                                               core::Timestamp, bool dry_run) {
    return librarian_post<core::IssueSetOutcome>(
        "issue-class-set", wire::IssueClassSetRequest{.class_name = class_name, .dry_run = dry_run});
}

tl::expected<core::ProvisionReport, Fault> RemoteKioskLibrary::provision(core::Date) {
    return librarian_get<core::ProvisionReport>("provision");
}

tl::expected<std::vector<core::ClassDebtors>, Fault> RemoteKioskLibrary::debtors(core::Date) {
    return librarian_get<std::vector<core::ClassDebtors>>("debtors");
}

tl::expected<std::optional<core::StocktakeStatus>, Fault> RemoteKioskLibrary::stocktake_status() {
    return librarian_get_optional<core::StocktakeStatus>("stocktake");
}

tl::expected<core::Checked<core::RowId>, Fault> RemoteKioskLibrary::start_stocktake(const std::string& scope,
                                                                                    core::Timestamp) {
    return checked_answer<core::RowId>(
        librarian_post<json>("stocktake/start", wire::StocktakeStartRequest{.scope = scope}), "stocktake_id",
        "POST /api/station/librarian/stocktake/start");
}

tl::expected<core::Checked<core::StocktakeReport>, Fault> RemoteKioskLibrary::finish_stocktake(core::Timestamp) {
    return checked_answer<core::StocktakeReport>(librarian_post<json>("stocktake/finish", json::object()), "report",
                                                 "POST /api/station/librarian/stocktake/finish");
}

tl::expected<LookupResult, Fault> RemoteKioskLibrary::look_up(std::string_view raw) {
    return librarian_get<LookupResult>("lookup?code=" + remote::query_value(raw));
}

// Offline there is no catalogue to search: the kiosk's cache holds copies, not titles.
tl::expected<std::vector<core::CatalogEntry>, Fault> RemoteKioskLibrary::find_books(const std::string& text) {
    if (!online_) return tl::unexpected(needs_server("GET /api/station/catalog: the server is not reachable"));
    const auto reply = get("/api/station/catalog?q=" + remote::query_value(text));
    if (!reply) return tl::unexpected(fault_of(reply.error()));
    return decoded<std::vector<core::CatalogEntry>>(*reply, "GET /api/station/catalog");
}

tl::expected<wire::HoldPlaced, Fault> RemoteKioskLibrary::place_hold(const std::string& card, core::RowId title_id,
                                                                     core::Timestamp) {
    if (!online_) return tl::unexpected(needs_server("POST /api/station/hold: the server is not reachable"));
    const auto reply = post("/api/station/hold", wire::HoldRequest{.card = card, .title_id = title_id});
    if (!reply) return tl::unexpected(fault_of(reply.error()));
    return decoded<wire::HoldPlaced>(*reply, "POST /api/station/hold");
}

tl::expected<core::DemoSamples, Fault> RemoteKioskLibrary::demo_samples(core::Date) {
    return librarian_get<core::DemoSamples>("demo-samples");
}

std::optional<Fault> RemoteKioskLibrary::set_setting(const std::string& key, const std::string& value,
                                                     core::Timestamp) {
    const auto reply = post("/api/station/librarian/setting", wire::SettingRequest{.key = key, .value = value});
    if (!reply) return fault_of(reply.error());
    if (reply->status / 100 != 2) return refusal_of(*reply, "POST /api/station/librarian/setting");
    // What the kiosk reads back at its next opening comes from hello; until then, this.
    if (key == core::kiosk_language_setting) language_ = value;
    if (key == core::kiosk_librarian_lock_setting.key) librarian_lock_seconds_ = std::atoi(value.c_str());
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Settings: what the server's hello said.

std::optional<std::string> RemoteKioskLibrary::setting(const std::string& key) {
    if (key == core::kiosk_language_setting) return language_;
    return std::nullopt;
}

std::optional<int> RemoteKioskLibrary::setting_number(const core::NumberSetting& setting) {
    if (setting.key == core::kiosk_idle_timeout_setting.key)
        return static_cast<int>(settings_.rules.station.idle_timeout.count());
    if (setting.key == core::kiosk_librarian_lock_setting.key) return librarian_lock_seconds_;
    return std::nullopt;
}

}  // namespace kitap::kiosk
