// /api/station/*: a kiosk on another PC, as a station account. Authenticated by
// `Authorization: Bearer TOKEN` alone (no cookie, so no CSRF: a browser never sends the
// header by itself); each account has its own server-side stations, self mode always
// and desk, return and stocktake once the server has checked the librarian's PIN.
// Bodies and replies are the station wire format (kiosk/wire); every time is the server's.
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/web/api_requests.hpp"
#include "kiosk/web/responses.hpp"
#include "kiosk/web/station_calls.hpp"
#include "kiosk/web/web_server.hpp"
#include "kiosk/wire/panel_wire.hpp"
#include "kiosk/wire/station_wire.hpp"

#include "core/codes/check_digits.hpp"
#include "core/security/account_token.hpp"

#include <algorithm>
#include <charconv>

namespace kitap::web {
namespace {

using nlohmann::json;

constexpr std::string_view bearer_prefix = "Bearer ";

core::Rules station_rules(StationCall& call) {
    auto rules = call.library.rules();
    // The idle timeout the librarian set for the kiosks, as a local kiosk takes it.
    if (const auto idle = call.library.settings().number(core::kiosk_idle_timeout_setting); idle && *idle)
        rules.station.idle_timeout = std::chrono::seconds(**idle);
    return rules;
}

std::chrono::seconds librarian_lock_time(StationCall& call) {
    const auto lock = call.library.settings().number(core::kiosk_librarian_lock_setting);
    return std::chrono::seconds(lock && *lock ? **lock : core::kiosk_librarian_lock_setting.fallback);
}

// Back to pupils: the librarian's stations go, as the kiosk's desk screen takes its own with it.
void lock_librarian(StationCall& call, std::string_view why) {
    call.station.librarian_active.reset();
    std::erase_if(call.station.stations, [](const auto& entry) { return entry.first != core::StationMode::self; });
    // A fault here leaves only the audit row unwritten; the lock itself holds.
    (void)call.library.audit().record({.at = call.now,
                                       .station = call.station.account.name,
                                       .action = core::LibrarianActionKind::librarian_locked,
                                       .detail = std::string(why)});
}

// The account's station of this mode, or nullptr with 403 librarian_locked sent.
core::StationHandle* station_for(StationCall& call, core::StationMode mode) {
    if (mode != core::StationMode::self && !librarian_open(call)) {
        send_librarian_locked(call.response);
        return nullptr;
    }
    auto& stations = call.station.stations;
    auto found = stations.find(mode);
    if (found == stations.end())
        found = stations.emplace(mode, call.library.open_station(mode, call.station.account.name, station_rules(call)))
                    .first;
    return &found->second;
}

void send_result(StationCall& call, const core::OrFault<core::StationResult>& result) {
    if (!result) return send_fault(call.response, result.error());
    send_json(call.response, 200, *result);
}

// A kiosk sends at most this many journal entries in one upload (it sends the rest in
// the next): one transaction each, and a body of a few hundred kilobytes.
constexpr std::size_t max_journal_upload = 1000;
// How long `kitap stations` may go without a new last_seen while a kiosk calls with
// nothing new to say: not a write for every poll, and well within its 90 s of "online".
constexpr std::chrono::seconds seen_refresh{60};

// A journal entry's id as OfflineJournal makes it: 128 random bits in lowercase hex. The
// server keeps every id it applied, so it takes no other shape from the network.
bool journal_entry_id(std::string_view id) {
    return id.size() == 32 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The kiosk's count of journal entries still waiting (X-Kitap-Journal-Waiting), 0 when absent or not a count.
int journal_waiting(const httplib::Request& request) {
    const auto text = request.get_header_value("X-Kitap-Journal-Waiting");
    int count = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    return error == std::errc{} && end == text.data() + text.size() && count >= 0 ? count : 0;
}

// kitap stations: this kiosk called now. Written when its journal count changes, else at
// most every seen_refresh; a fault here only leaves last_seen older.
void note_seen(StationCall& call) {
    auto& station = call.station;
    const int waiting = journal_waiting(call.request);
    if (station.seen_recorded && call.now - *station.seen_recorded < seen_refresh &&
        waiting == station.journal_waiting_recorded)
        return;
    if (!call.library.stations().record_seen(station.account.name, waiting, call.now)) return;
    station.seen_recorded = call.now;
    station.journal_waiting_recorded = waiting;
}

json hello(StationCall& call) {
    auto commands = json::object();
    const auto& rules = call.library.rules();
    for (int i = 0; i <= static_cast<int>(core::Command::renew); ++i) {
        const auto command = static_cast<core::Command>(i);
        commands[std::string(to_string(command))] = core::command_code(command, rules.codes);
    }
    // The language the librarian chose for the kiosks (null: none chosen, the kiosk keeps its own).
    const auto language = call.library.settings().get(std::string(core::kiosk_language_setting));
    return {{"station", call.station.account.name},
            {"server_time", call.now},
            {"language", language && *language ? json(**language) : json(nullptr)},
            {"idle_timeout_seconds", station_rules(call).station.idle_timeout.count()},
            {"librarian_lock_seconds", librarian_lock_time(call).count()},
            {"commands", commands}};
}

}  // namespace

void send_librarian_locked(httplib::Response& response) {
    send_error(response, 403, "librarian_locked",
               "the librarian's modes and panels open after her PIN (POST /api/station/librarian-pin)");
}

bool librarian_open(StationCall& call) {
    auto& active = call.station.librarian_active;
    if (!active) return false;
    if (call.now - *active >= librarian_lock_time(call)) {
        lock_librarian(call, "idle_lock");
        return false;
    }
    active = call.now;
    return true;
}

void leave_librarian(StationCall& call) {
    if (call.station.librarian_active) lock_librarian(call, "back_to_pupils");
}

void WebServer::add_station_routes() {
    station_api("GET", "/api/station/hello", [](StationCall& call) { send_json(call.response, 200, hello(call)); });
    station_api("POST", "/api/station/scan", [](StationCall& call) {
        const auto request = body_of<wire::ScanRequest>(call);
        if (!request) return;
        if (auto* station = station_for(call, request->mode))
            send_result(call, station->handle(request->scan, call.now));
    });
    station_api("POST", "/api/station/command", [](StationCall& call) {
        const auto request = body_of<wire::CommandRequest>(call);
        if (!request) return;
        if (auto* station = station_for(call, request->mode))
            send_result(call, station->handle(request->command, call.now));
    });
    // A reader's PIN, typed on the kiosk's keypad after `pin_required`: self-service only.
    station_api("POST", "/api/station/pin", [](StationCall& call) {
        const auto request = body_of<wire::PinRequest>(call);
        if (!request) return;
        send_result(call, station_for(call, core::StationMode::self)->submit_pin(request->pin, call.now));
    });
    station_api("POST", "/api/station/cancel-pin", [](StationCall& call) {
        station_for(call, core::StationMode::self)->cancel_pin();
        call.response.status = 204;
    });
    // What the kiosk asks every few seconds so that a session nobody touches ends on time.
    station_api("POST", "/api/station/expire", [](StationCall& call) {
        const auto request = body_of<wire::ModeRequest>(call);
        if (!request) return;
        auto* station = station_for(call, request->mode);
        if (!station) return;
        const auto ended = station->expire_idle_session(call.now);
        if (!ended) return send_fault(call.response, ended.error());
        const auto session = station->snapshot(call.now);
        if (!session) return send_fault(call.response, session.error());
        send_json(call.response, 200, {{"ended", *ended ? json(**ended) : json(nullptr)}, {"session", *session}});
    });
    // "Find a book" at the kiosk: the public catalogue's search, in the wire format.
    station_api("GET", "/api/station/catalog", [](StationCall& call) {
        const auto text = single_parameter(call.request.params, "q");
        if (!text || !*text || (*text)->empty() || (*text)->size() > core::max_catalog_query)
            return send_error(call.response, 400, "bad_request",
                              "q: give it once, of 1 to " + std::to_string(core::max_catalog_query) + " bytes",
                              {{"field", "q"}});
        const auto found = call.library.lookup().catalog(**text, wire::catalog_search_limit);
        if (!found) return send_fault(call.response, found.error());
        send_json(call.response, 200, *found);
    });
    // A reservation from "Find a book", for the card the reader scanned at the kiosk.
    station_api("POST", "/api/station/hold", [](StationCall& call) {
        const auto request = body_of<wire::HoldRequest>(call);
        if (!request) return;
        const auto placed = call.library.holds().place(
            request->card, request->title_id,
            {.at = call.now, .station = call.station.account.name, .actor = {core::ActorRole::reader, request->card}});
        if (!placed) return send_fault(call.response, placed.error());
        send_json(call.response, 200, wire::hold_placed(*placed));
    });
    station_api("GET", "/api/station/snapshot", [](StationCall& call) {
        const auto mode = wire::decode<core::StationMode>(json(call.request.get_param_value("mode")));
        if (!mode) return send_error(call.response, 400, "bad_request", "mode: " + mode.error().message);
        auto* station = station_for(call, *mode);
        if (!station) return;
        const auto session = station->snapshot(call.now);
        if (!session) return send_fault(call.response, session.error());
        send_json(call.response, 200, *session);
    });
    add_journal_routes();
    add_librarian_station_routes();
    add_station_panel_routes();
}

// The kiosk's offline mode: what it keeps to decide scans alone, and the journal of those
// scans when it is back.
void WebServer::add_journal_routes() {
    station_api("GET", "/api/station/offline-snapshot", [](StationCall& call) {
        const auto snapshot = call.library.offline().snapshot(call.now);
        if (!snapshot) return send_fault(call.response, snapshot.error());
        send_json(call.response, 200, *snapshot);
    });
    // Applied in order with the station rules at each scan's own time; each entry id once
    // ever, so an upload repeated after a crash changes nothing; what the rules refuse
    // now goes to the librarian's exceptions list.
    station_api("POST", "/api/station/journal", [](StationCall& call) {
        const auto upload = body_of<wire::JournalUpload>(call);
        if (!upload) return;
        if (upload->entries.size() > max_journal_upload)
            return send_error(call.response, 413, "too_many_entries",
                              "at most " + std::to_string(max_journal_upload) + " journal entries in one upload");
        for (std::size_t i = 0; i < upload->entries.size(); ++i) {
            const auto field = "entries[" + std::to_string(i) + "]";
            if (upload->entries[i].station != call.station.account.name)
                return send_error(call.response, 400, "bad_request",
                                  field + ".station: a station uploads its own journal only",
                                  {{"field", field + ".station"}});
            if (!journal_entry_id(upload->entries[i].id))
                return send_error(call.response, 400, "bad_request", field + ".id: 32 lowercase hex digits",
                                  {{"field", field + ".id"}});
        }
        const auto replayed = call.library.stations().replay(call.station.account.name, upload->entries, call.now);
        if (!replayed) return send_fault(call.response, replayed.error());
        send_json(call.response, 200,
                  {{"applied", replayed->applied},
                   {"already", replayed->already},
                   {"exceptions", replayed->exceptions},
                   {"acknowledged", replayed->acknowledged}});
    });
}

// The librarian's PIN, checked by the server with the kiosk's own rules and lockouts
// (kiosk::PinGuard over the audit log's tries, shared with every kiosk on the database).
void WebServer::add_librarian_station_routes() {
    station_api("POST", "/api/station/librarian-pin", [this](StationCall& call) {
        const auto request = body_of<wire::PinRequest>(call);
        if (!request) return;
        const auto& pin = request->pin;
        if (pin.size() < kiosk::min_pin_length || pin.size() > kiosk::max_pin_length || !core::all_digits(pin))
            return send_error(call.response, 400, "bad_request", "pin: the librarian's PIN is 4 to 8 digits");
        // One argon2id check at a time, and the tries read and written in turn: parallel guesses share one count.
        const std::scoped_lock one_at_a_time(librarian_pin_mutex_);
        const auto attempts = call.library.audit().pin_attempts();
        if (!attempts) return send_fault(call.response, attempts.error());
        const auto hash = kiosk::stored_pin_hash(call.library.settings());
        if (!hash) return send_fault(call.response, hash.error());
        kiosk::PinGuard guard;
        guard.restore(*attempts);
        const auto result = guard.attempt(pin, *hash, call.now);
        const auto record = [&](core::LibrarianActionKind action) {
            return call.library.audit().record(
                {.at = call.now, .station = call.station.account.name, .action = action, .detail = {}});
        };
        using Verdict = kiosk::PinGuard::Verdict;
        const auto recorded = result.verdict == Verdict::accepted ? record(core::LibrarianActionKind::pin_accepted)
                              : result.verdict == Verdict::wrong  ? record(core::LibrarianActionKind::pin_wrong)
                              : result.verdict == Verdict::locked_out
                                  ? record(core::LibrarianActionKind::pin_locked_out)
                                  : core::OrFault<void>();
        if (!recorded) return send_fault(call.response, recorded.error());
        switch (result.verdict) {
            case Verdict::accepted:
                call.station.librarian_active = call.now;
                return send_json(call.response, 200, {{"unlocked", true}});
            case Verdict::wrong:
                return send_error(call.response, 403, "wrong_pin", "not the librarian's PIN",
                                  {{"tries_left", result.tries_left}});
            case Verdict::locked_out:
            case Verdict::locked:
                return send_error(call.response, 403, "pin_locked", "too many wrong PINs: the keypad is locked a while",
                                  {{"locked_for_seconds", result.locked_for.count()}});
            case Verdict::no_pin_set:
                return send_error(call.response, 403, "no_pin_set",
                                  "no librarian PIN is set: kitap librarian set-pin, at the server");
        }
    });
    station_api("POST", "/api/station/librarian-leave", [](StationCall& call) {
        leave_librarian(call);
        call.response.status = 204;
    });
}

void WebServer::station_api(const std::string& method, const std::string& pattern, StationHandler handler) {
    auto route = [this, handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        serve_station(request, response, handler);
    };
    if (method == "GET")
        http_->Get(pattern, route);
    else
        http_->Post(pattern, route);
}

std::optional<std::pair<LibraryPool::Lease, std::shared_ptr<RemoteStation>>> WebServer::remote_station_for(
    const httplib::Request& request, httplib::Response& response) {
    const auto authorization = request.get_header_value("Authorization");
    if (!authorization.starts_with(bearer_prefix)) {
        const bool signed_in =
            sessions_.find(session_id_from_cookies(request.get_header_value("Cookie")), settings_.clock()) != nullptr;
        if (signed_in) {
            send_error(response, 403, "forbidden", "the station routes take a station account's token, not a session");
        } else {
            response.set_header("WWW-Authenticate", "Bearer");
            send_error(response, 401, "no_token", "send Authorization: Bearer TOKEN of a station account");
        }
        return std::nullopt;
    }
    const auto token = std::string_view(authorization).substr(bearer_prefix.size());
    const auto token_hash = core::account_token_hash(token);
    auto station = remote_stations_.find(token_hash);
    auto lease = borrow(station ? std::optional<std::size_t>(station->library_slot) : std::nullopt);
    if (!lease) {
        send_busy(response);
        return std::nullopt;
    }
    // Checked every time: a new token (kitap user passwd) or a removed account ends the old one at once.
    const auto account = lease->library().accounts().find_by_token(token);
    if (!account) {
        send_fault(response, account.error());
        return std::nullopt;
    }
    if (!*account || (*account)->role != core::AccountRole::station) {
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        send_error(response, 401, "bad_token", "the token is not a station account's (any more)");
        return std::nullopt;
    }
    if (!station) station = remote_stations_.find_or_add(token_hash, **account, lease->slot());
    if (station->library_slot != lease->slot()) {  // another request made them first, in its slot
        lease.reset();
        auto theirs = borrow(station->library_slot);
        if (!theirs) {
            send_busy(response);
            return std::nullopt;
        }
        lease.emplace(std::move(*theirs));
    }
    return std::pair{std::move(*lease), std::move(station)};
}

void WebServer::serve_station(const httplib::Request& request, httplib::Response& response,
                              const StationHandler& handler) {
    response.set_header("Cache-Control", "no-store");
    auto found = remote_station_for(request, response);
    if (!found) return;
    auto& [lease, station] = *found;
    auto& library = lease.library();
    const ActingAs acting(library, station->account.name);
    StationCall call{.request = request,
                     .response = response,
                     .station = *station,
                     .library = library,
                     .config = settings_.config,
                     .now = settings_.clock()};
    note_seen(call);
    handler(call);
}

}  // namespace kitap::web
