#pragma once

#include "core/circulation/station.hpp"
#include "core/offline/journal_entry.hpp"
#include "core/offline/offline_snapshot.hpp"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// The station wire format: what `kitap serve`'s /api/station/* routes and a kiosk on
// another PC exchange. Values, never wording: enums go as their stable names ("loan",
// "on_loan_to_other", "DONE"), dates as 2026-11-25, times as 2026-11-25T09:00:00Z, and
// every field of a value is written, null where an optional is empty, so the kiosk
// draws its screens from what it decodes exactly as from a local station.
namespace kitap::wire {

// Why a body could not be decoded: the field (a path such as "outcomes[1].due"; empty
// for the body itself) and what is wrong with it.
struct WireError {
    std::string field;
    std::string message;

    std::string text() const { return field.empty() ? message : field + ": " + message; }
    friend bool operator==(const WireError&, const WireError&) = default;
};

// Thrown by the from_json functions below, and only caught by decode(): a value from
// the network never escapes as an exception past it.
class BadField : public std::runtime_error {
public:
    BadField(std::string field, const std::string& message)
        : std::runtime_error(message), error_{std::move(field), message} {}
    const WireError& error() const { return error_; }
    // The same problem seen from the object holding `key`.
    BadField within(std::string_view key) const;

private:
    WireError error_;
};

// A request or response body: JSON, or what is wrong with it (never an exception).
tl::expected<nlohmann::json, WireError> parse_body(std::string_view body);

// A value of type T from JSON that may come from anyone: the value, or the field that
// is missing, of the wrong type, out of range or not one of the names it may be.
template <typename T>
tl::expected<T, WireError> decode(const nlohmann::json& json) {
    try {
        return json.get<T>();
    } catch (const BadField& bad) {
        return tl::unexpected(bad.error());
    } catch (const nlohmann::json::exception& e) {
        return tl::unexpected(WireError{"", e.what()});
    }
}

// What a kiosk sends the station routes. A scan: {"mode", "text", "symbology", "source"}.
struct ScanRequest {
    core::StationMode mode = core::StationMode::self;
    core::Scan scan;

    friend bool operator==(const ScanRequest&, const ScanRequest&) = default;
};
// {"mode", "command": "DONE"} or {"mode", "renew": LOAN_ID}
struct CommandRequest {
    core::StationMode mode = core::StationMode::self;
    core::StationCommand command;

    friend bool operator==(const CommandRequest&, const CommandRequest&) = default;
};
// {"mode"}
struct ModeRequest {
    core::StationMode mode = core::StationMode::self;

    friend bool operator==(const ModeRequest&, const ModeRequest&) = default;
};
// {"pin"}: a reader's, or the librarian's
struct PinRequest {
    std::string pin;

    friend bool operator==(const PinRequest&, const PinRequest&) = default;
};
// {"entries": [JournalEntry...]}: a kiosk back online, its journal's waiting entries in order.
struct JournalUpload {
    std::vector<core::JournalEntry> entries;

    friend bool operator==(const JournalUpload&, const JournalUpload&) = default;
};

// {"card", "title_id"}: a reservation from "Find a book", with the card the reader scanned.
struct HoldRequest {
    std::string card;
    core::RowId title_id = 0;

    friend bool operator==(const HoldRequest&, const HoldRequest&) = default;
};
// {"refusal", "title", "position"}: what the kiosk tells the reader; nothing of the queue's others.
struct HoldPlaced {
    core::HoldRefusal refusal = core::HoldRefusal::none;
    std::string title;
    int position = 0;  // placed: the place in the title's queue

    friend bool operator==(const HoldPlaced&, const HoldPlaced&) = default;
};
HoldPlaced hold_placed(const core::HoldAnswer& answer);

void to_json(nlohmann::json& json, const ScanRequest& request);
void from_json(const nlohmann::json& json, ScanRequest& request);
void to_json(nlohmann::json& json, const CommandRequest& request);
void from_json(const nlohmann::json& json, CommandRequest& request);
void to_json(nlohmann::json& json, const ModeRequest& request);
void from_json(const nlohmann::json& json, ModeRequest& request);
void to_json(nlohmann::json& json, const PinRequest& request);
void from_json(const nlohmann::json& json, PinRequest& request);
void to_json(nlohmann::json& json, const JournalUpload& upload);
void from_json(const nlohmann::json& json, JournalUpload& upload);
void to_json(nlohmann::json& json, const HoldRequest& request);
void from_json(const nlohmann::json& json, HoldRequest& request);
void to_json(nlohmann::json& json, const HoldPlaced& placed);
void from_json(const nlohmann::json& json, HoldPlaced& placed);

}  // namespace kitap::wire

// nlohmann's hooks, found by argument-dependent lookup beside the types.
namespace kitap::core {

void to_json(nlohmann::json& json, StationMode mode);
void from_json(const nlohmann::json& json, StationMode& mode);
void to_json(nlohmann::json& json, Outcome outcome);
void from_json(const nlohmann::json& json, Outcome& outcome);
void to_json(nlohmann::json& json, Reason reason);
void from_json(const nlohmann::json& json, Reason& reason);
void to_json(nlohmann::json& json, Condition condition);
void from_json(const nlohmann::json& json, Condition& condition);
void to_json(nlohmann::json& json, Command command);
void from_json(const nlohmann::json& json, Command& command);
void to_json(nlohmann::json& json, CodeKind kind);
void from_json(const nlohmann::json& json, CodeKind& kind);
void to_json(nlohmann::json& json, ReaderCategory category);
void from_json(const nlohmann::json& json, ReaderCategory& category);
void to_json(nlohmann::json& json, TitleKind kind);
void from_json(const nlohmann::json& json, TitleKind& kind);
void to_json(nlohmann::json& json, StocktakeFinding finding);
void from_json(const nlohmann::json& json, StocktakeFinding& finding);
void to_json(nlohmann::json& json, UnexpectedReason reason);
void from_json(const nlohmann::json& json, UnexpectedReason& reason);
void to_json(nlohmann::json& json, HoldRefusal refusal);
void from_json(const nlohmann::json& json, HoldRefusal& refusal);

void to_json(nlohmann::json& json, const Scan& scan);
void from_json(const nlohmann::json& json, Scan& scan);
// {"command": "DONE"} or {"renew": LOAN_ID}
void to_json(nlohmann::json& json, const StationCommand& command);
void from_json(const nlohmann::json& json, StationCommand& command);
void to_json(nlohmann::json& json, const ReaderSummary& reader);
void from_json(const nlohmann::json& json, ReaderSummary& reader);
void to_json(nlohmann::json& json, const HeldItem& item);
void from_json(const nlohmann::json& json, HeldItem& item);
void to_json(nlohmann::json& json, const WaitingHold& hold);
void from_json(const nlohmann::json& json, WaitingHold& hold);
void to_json(nlohmann::json& json, const StocktakeScanResult& result);
void from_json(const nlohmann::json& json, StocktakeScanResult& result);
void to_json(nlohmann::json& json, const StationOutcome& outcome);
void from_json(const nlohmann::json& json, StationOutcome& outcome);
void to_json(nlohmann::json& json, const SetLine& line);
void from_json(const nlohmann::json& json, SetLine& line);
void to_json(nlohmann::json& json, const SetProgress& progress);
void from_json(const nlohmann::json& json, SetProgress& progress);
void to_json(nlohmann::json& json, const SessionItem& item);
void from_json(const nlohmann::json& json, SessionItem& item);
void to_json(nlohmann::json& json, const SessionSnapshot& session);
void from_json(const nlohmann::json& json, SessionSnapshot& session);
// Refused without outcomes: a result always has its input's own outcome last.
void to_json(nlohmann::json& json, const StationResult& result);
void from_json(const nlohmann::json& json, StationResult& result);
void to_json(nlohmann::json& json, const JournalEntry& entry);
void from_json(const nlohmann::json& json, JournalEntry& entry);
// What GET /api/station/offline-snapshot gives a kiosk to keep for its offline mode.
void to_json(nlohmann::json& json, CopyStatus status);
void from_json(const nlohmann::json& json, CopyStatus& status);
void to_json(nlohmann::json& json, const OfflineReader& reader);
void from_json(const nlohmann::json& json, OfflineReader& reader);
void to_json(nlohmann::json& json, const OfflineCopy& copy);
void from_json(const nlohmann::json& json, OfflineCopy& copy);
void to_json(nlohmann::json& json, const OfflineSnapshot& snapshot);
void from_json(const nlohmann::json& json, OfflineSnapshot& snapshot);

}  // namespace kitap::core

// Dates and times live in std::chrono, where lookup would not find hooks of Kitap's.
namespace nlohmann {

template <>
struct adl_serializer<kitap::core::Date> {
    static void to_json(json& json, const kitap::core::Date& date);  // "2026-11-25"
    static void from_json(const json& json, kitap::core::Date& date);
};

template <>
struct adl_serializer<kitap::core::Timestamp> {
    static void to_json(json& json, const kitap::core::Timestamp& at);  // "2026-11-25T09:00:00Z"
    static void from_json(const json& json, kitap::core::Timestamp& at);
};

}  // namespace nlohmann
