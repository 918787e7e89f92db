#include "kiosk/wire/station_wire.hpp"

#include "kiosk/wire/wire_fields.hpp"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kitap::wire {

using nlohmann::json;

BadField BadField::within(std::string_view key) const {
    std::string field(key);
    const auto& inner = error_.field;
    if (!inner.empty()) field += (inner.front() == '[' ? "" : ".") + inner;
    return BadField(std::move(field), error_.message);
}

tl::expected<nlohmann::json, WireError> parse_body(std::string_view body) {
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return tl::unexpected(WireError{"", "the body is not JSON"});
    return parsed;
}

void to_json(nlohmann::json& json, const ScanRequest& request) {
    json = request.scan;
    json["mode"] = request.mode;
}
void from_json(const nlohmann::json& json, ScanRequest& request) {
    request = {.mode = field<core::StationMode>(json, "mode"), .scan = json.get<core::Scan>()};
}

void to_json(nlohmann::json& json, const CommandRequest& request) {
    json = request.command;
    json["mode"] = request.mode;
}
void from_json(const nlohmann::json& json, CommandRequest& request) {
    request = {.mode = field<core::StationMode>(json, "mode"), .command = json.get<core::StationCommand>()};
}

void to_json(nlohmann::json& json, const ModeRequest& request) { json = {{"mode", request.mode}}; }
void from_json(const nlohmann::json& json, ModeRequest& request) {
    request = {.mode = field<core::StationMode>(json, "mode")};
}

void to_json(nlohmann::json& json, const PinRequest& request) { json = {{"pin", request.pin}}; }
void from_json(const nlohmann::json& json, PinRequest& request) { request = {.pin = field<std::string>(json, "pin")}; }

void to_json(nlohmann::json& json, const JournalUpload& upload) { json = {{"entries", upload.entries}}; }
void from_json(const nlohmann::json& json, JournalUpload& upload) {
    upload = {.entries = field<std::vector<core::JournalEntry>>(json, "entries")};
}

void to_json(nlohmann::json& json, const HoldRequest& request) {
    json = {{"card", request.card}, {"title_id", request.title_id}};
}
void from_json(const nlohmann::json& json, HoldRequest& request) {
    request = {.card = field<std::string>(json, "card"), .title_id = field<core::RowId>(json, "title_id")};
}

HoldPlaced hold_placed(const core::HoldAnswer& answer) {
    return {.refusal = answer.refusal, .title = answer.title, .position = answer.hold ? answer.hold->position : 0};
}

void to_json(nlohmann::json& json, const HoldPlaced& placed) {
    json = {{"refusal", placed.refusal}, {"title", placed.title}, {"position", placed.position}};
}
void from_json(const nlohmann::json& json, HoldPlaced& placed) {
    placed = {.refusal = field<core::HoldRefusal>(json, "refusal"),
              .title = field<std::string>(json, "title"),
              .position = field<int>(json, "position")};
}

}  // namespace kitap::wire

namespace kitap::core {

using nlohmann::json;
using wire::BadField;
using wire::field;
using wire::named;
using wire::nullable;
using wire::object_of;

void to_json(json& json, StationMode mode) { json = to_string(mode); }
void from_json(const json& json, StationMode& mode) { mode = named<StationMode>(json, station_mode_from, "a mode"); }
void to_json(json& json, Outcome outcome) { json = to_string(outcome); }
void from_json(const json& json, Outcome& outcome) { outcome = named<Outcome>(json, outcome_from, "an outcome"); }
void to_json(json& json, Reason reason) { json = to_string(reason); }
void from_json(const json& json, Reason& reason) { reason = named<Reason>(json, reason_from, "a reason"); }
void to_json(json& json, Condition condition) { json = to_string(condition); }
void from_json(const json& json, Condition& condition) {
    condition = named<Condition>(json, condition_from, "a condition");
}
void to_json(json& json, Command command) { json = to_string(command); }
void from_json(const json& json, Command& command) { command = named<Command>(json, command_from, "a command"); }
void to_json(json& json, CodeKind kind) { json = to_string(kind); }
void from_json(const json& json, CodeKind& kind) { kind = named<CodeKind>(json, code_kind_from, "a kind of code"); }
void to_json(json& json, ReaderCategory category) { json = to_string(category); }
void from_json(const json& json, ReaderCategory& category) {
    category = named<ReaderCategory>(json, reader_category_from, "a reader category");
}
void to_json(json& json, TitleKind kind) { json = to_string(kind); }
void from_json(const json& json, TitleKind& kind) { kind = named<TitleKind>(json, title_kind_from, "a kind of title"); }
void to_json(json& json, StocktakeFinding finding) { json = to_string(finding); }
void from_json(const json& json, StocktakeFinding& finding) {
    finding = named<StocktakeFinding>(json, stocktake_finding_from, "a stocktake finding");
}
void to_json(json& json, UnexpectedReason reason) { json = to_string(reason); }
void from_json(const json& json, UnexpectedReason& reason) {
    reason = named<UnexpectedReason>(json, unexpected_reason_from, "a stocktake reason");
}

void to_json(json& json, HoldRefusal refusal) { json = to_string(refusal); }
void from_json(const json& json, HoldRefusal& refusal) {
    refusal = named<HoldRefusal>(json, hold_refusal_from, "a hold refusal");
}

void to_json(json& json, const Scan& scan) {
    json = {{"text", scan.text}, {"symbology", scan.symbology}, {"source", scan.source}};
}
void from_json(const json& json, Scan& scan) {
    scan = {.text = field<std::string>(json, "text"),
            .symbology = field<std::string>(json, "symbology"),
            .source = field<std::string>(json, "source")};
}

void to_json(json& json, const StationCommand& command) {
    if (const auto* renew = std::get_if<RenewLoan>(&command))
        json = {{"renew", renew->loan_id}};
    else
        json = {{"command", std::get<Command>(command)}};
}
void from_json(const json& json, StationCommand& command) {
    const bool renews = object_of(json).contains("renew");
    if (renews == json.contains("command")) throw BadField("", "give either \"command\" or \"renew\"");
    if (renews)
        command = RenewLoan{field<RowId>(json, "renew")};
    else
        command = field<Command>(json, "command");
}

void to_json(json& json, const ReaderSummary& reader) {
    json = {
        {"card", reader.card}, {"name", reader.name}, {"category", reader.category}, {"class_name", reader.class_name}};
}
void from_json(const json& json, ReaderSummary& reader) {
    reader = {.card = field<std::string>(json, "card"),
              .name = field<std::string>(json, "name"),
              .category = field<ReaderCategory>(json, "category"),
              .class_name = field<std::string>(json, "class_name")};
}

void to_json(json& json, const HeldItem& item) {
    json = {{"code", item.code}, {"title", item.title},     {"kind", item.kind},        {"quantity", item.quantity},
            {"due", item.due},   {"loan_id", item.loan_id}, {"renewals", item.renewals}};
}
void from_json(const json& json, HeldItem& item) {
    item = {.code = field<std::string>(json, "code"),
            .title = field<std::string>(json, "title"),
            .kind = field<TitleKind>(json, "kind"),
            .quantity = field<int>(json, "quantity"),
            .due = field<Date>(json, "due"),
            .loan_id = field<RowId>(json, "loan_id"),
            .renewals = field<int>(json, "renewals")};
}

void to_json(json& json, const StocktakeScanResult& result) {
    json = {{"code", result.code},   {"finding", result.finding}, {"reason", result.reason},
            {"title", result.title}, {"counted", result.counted}, {"repeated", result.repeated}};
}
void from_json(const json& json, StocktakeScanResult& result) {
    result = {.code = field<std::string>(json, "code"),
              .finding = field<StocktakeFinding>(json, "finding"),
              .reason = field<UnexpectedReason>(json, "reason"),
              .title = field<std::string>(json, "title"),
              .counted = field<int>(json, "counted"),
              .repeated = field<bool>(json, "repeated")};
}

void to_json(json& json, const WaitingHold& hold) {
    json = {{"title", hold.title}, {"code", hold.code}, {"until", hold.until}};
}
void from_json(const json& json, WaitingHold& hold) {
    hold = {.title = field<std::string>(json, "title"),
            .code = field<std::string>(json, "code"),
            .until = field<Date>(json, "until")};
}

void to_json(json& json, const StationOutcome& outcome) {
    json = {{"code", outcome.code},
            {"kind", outcome.kind},
            {"outcome", outcome.outcome},
            {"reason", outcome.reason},
            {"reader", nullable(outcome.reader)},
            {"title", outcome.title},
            {"due", nullable(outcome.due)},
            {"previous_holder", nullable(outcome.previous_holder)},
            {"overdue", outcome.overdue},
            {"limit", outcome.limit},
            {"command", nullable(outcome.command)},
            {"off_curriculum", outcome.off_curriculum},
            {"condition", nullable(outcome.condition)},
            {"compensation_tiyn", nullable(outcome.compensation_tiyn)},
            {"stocktake", nullable(outcome.stocktake)},
            {"until", nullable(outcome.until)},
            {"tries_left", outcome.tries_left},
            {"renewals", outcome.renewals},
            {"hold_for", nullable(outcome.hold_for)},
            {"holds_ready", outcome.holds_ready},
            {"asks_for_librarian", outcome.asks_for_librarian}};
}
void from_json(const json& json, StationOutcome& outcome) {
    outcome = {.code = field<std::string>(json, "code"),
               .kind = field<CodeKind>(json, "kind"),
               .outcome = field<Outcome>(json, "outcome"),
               .reason = field<Reason>(json, "reason"),
               .reader = field<std::optional<ReaderSummary>>(json, "reader"),
               .title = field<std::string>(json, "title"),
               .due = field<std::optional<Date>>(json, "due"),
               .previous_holder = field<std::optional<std::string>>(json, "previous_holder"),
               .overdue = field<std::vector<HeldItem>>(json, "overdue"),
               .limit = field<int>(json, "limit"),
               .command = field<std::optional<Command>>(json, "command"),
               .off_curriculum = field<bool>(json, "off_curriculum"),
               .condition = field<std::optional<Condition>>(json, "condition"),
               .compensation_tiyn = field<std::optional<std::int64_t>>(json, "compensation_tiyn"),
               .stocktake = field<std::optional<StocktakeScanResult>>(json, "stocktake"),
               .until = field<std::optional<Timestamp>>(json, "until"),
               .tries_left = field<int>(json, "tries_left"),
               .renewals = field<int>(json, "renewals"),
               .hold_for = field<std::optional<ReaderSummary>>(json, "hold_for"),
               .holds_ready = field<std::vector<WaitingHold>>(json, "holds_ready"),
               .asks_for_librarian = field<bool>(json, "asks_for_librarian")};
}

void to_json(json& json, const SetLine& line) {
    json = {{"title_id", line.title_id}, {"isbn", line.isbn},           {"title", line.title},
            {"subject", line.subject},   {"per_pupil", line.per_pupil}, {"held", line.held}};
}
void from_json(const json& json, SetLine& line) {
    line = {.title_id = field<RowId>(json, "title_id"),
            .isbn = field<std::string>(json, "isbn"),
            .title = field<std::string>(json, "title"),
            .subject = field<std::string>(json, "subject"),
            .per_pupil = field<int>(json, "per_pupil"),
            .held = field<int>(json, "held")};
}

void to_json(json& json, const SetProgress& progress) {
    json = {{"lines", progress.lines}, {"held", progress.held}, {"needed", progress.needed}};
}
void from_json(const json& json, SetProgress& progress) {
    progress = {.lines = field<std::vector<SetLine>>(json, "lines"),
                .held = field<int>(json, "held"),
                .needed = field<int>(json, "needed")};
}

void to_json(json& json, const SessionItem& item) {
    json = {{"item", item.item}, {"late", item.late}, {"renewable", item.renewable}};
}
void from_json(const json& json, SessionItem& item) {
    item = {.item = field<HeldItem>(json, "item"),
            .late = field<bool>(json, "late"),
            .renewable = field<bool>(json, "renewable")};
}

void to_json(json& json, const SessionSnapshot& session) {
    json = {{"reader", nullable(session.reader)},
            {"held", session.held},
            {"class_set", nullable(session.class_set)},
            {"awaits_pin", session.awaits_pin},
            {"renewing", session.renewing}};
}
void from_json(const json& json, SessionSnapshot& session) {
    session = {.reader = field<std::optional<ReaderSummary>>(json, "reader"),
               .held = field<std::vector<SessionItem>>(json, "held"),
               .class_set = field<std::optional<SetProgress>>(json, "class_set"),
               .awaits_pin = field<bool>(json, "awaits_pin"),
               .renewing = field<bool>(json, "renewing")};
}

void to_json(json& json, const StationResult& result) {
    json = {{"outcomes", result.outcomes}, {"session", result.session}};
}
void from_json(const json& json, StationResult& result) {
    result = {.outcomes = field<std::vector<StationOutcome>>(json, "outcomes"),
              .session = field<SessionSnapshot>(json, "session")};
    if (result.outcomes.empty()) throw BadField("outcomes", "a result has at least its input's own outcome");
}

void to_json(json& json, const JournalEntry& entry) {
    json = {{"id", entry.id},     {"station", entry.station}, {"scanned_at", entry.scanned_at},
            {"card", entry.card}, {"code", entry.code},       {"mode", entry.mode}};
}
void from_json(const json& json, JournalEntry& entry) {
    entry = {.id = field<std::string>(json, "id"),
             .station = field<std::string>(json, "station"),
             .scanned_at = field<Timestamp>(json, "scanned_at"),
             .card = field<std::string>(json, "card"),
             .code = field<std::string>(json, "code"),
             .mode = field<StationMode>(json, "mode")};
}

void to_json(json& json, CopyStatus status) { json = to_string(status); }
void from_json(const json& json, CopyStatus& status) {
    status = named<CopyStatus>(json, copy_status_from, "a copy's status");
}

void to_json(json& json, const OfflineReader& reader) {
    json = {{"card", reader.card},         {"name", reader.name},
            {"category", reader.category}, {"class_name", reader.class_name},
            {"left", reader.left},         {"pin_needed", reader.pin_needed},
            {"limit", reader.limit},       {"held", reader.held}};
}
void from_json(const json& json, OfflineReader& reader) {
    reader = {.card = field<std::string>(json, "card"),
              .name = field<std::string>(json, "name"),
              .category = field<ReaderCategory>(json, "category"),
              .class_name = field<std::string>(json, "class_name"),
              .left = field<bool>(json, "left"),
              .pin_needed = field<bool>(json, "pin_needed"),
              .limit = field<int>(json, "limit"),
              .held = field<std::vector<HeldItem>>(json, "held")};
}

void to_json(json& json, const OfflineCopy& copy) {
    json = {{"barcode", copy.barcode},
            {"title", copy.title},
            {"kind", copy.kind},
            {"status", copy.status},
            {"holder_card", nullable(copy.holder_card)}};
}
void from_json(const json& json, OfflineCopy& copy) {
    copy = {.barcode = field<std::string>(json, "barcode"),
            .title = field<std::string>(json, "title"),
            .kind = field<TitleKind>(json, "kind"),
            .status = field<CopyStatus>(json, "status"),
            .holder_card = field<std::optional<std::string>>(json, "holder_card")};
}

void to_json(json& json, const OfflineSnapshot& snapshot) {
    json = {{"made_at", snapshot.made_at}, {"readers", snapshot.readers}, {"copies", snapshot.copies}};
}
void from_json(const json& json, OfflineSnapshot& snapshot) {
    snapshot = {.made_at = field<Timestamp>(json, "made_at"),
                .readers = field<std::vector<OfflineReader>>(json, "readers"),
                .copies = field<std::vector<OfflineCopy>>(json, "copies")};
}

}  // namespace kitap::core

namespace nlohmann {

void adl_serializer<kitap::core::Date>::to_json(json& json, const kitap::core::Date& date) {
    json = kitap::core::iso_date(date);
}

void adl_serializer<kitap::core::Date>::from_json(const json& json, kitap::core::Date& date) {
    const auto parsed =
        json.is_string() ? kitap::core::parse_iso_date(json.get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) throw kitap::wire::BadField("", "expected a date such as 2026-11-25");
    date = *parsed;
}

void adl_serializer<kitap::core::Timestamp>::to_json(json& json, const kitap::core::Timestamp& at) {
    json = kitap::core::iso_timestamp(at);
}

void adl_serializer<kitap::core::Timestamp>::from_json(const json& json, kitap::core::Timestamp& at) {
    const auto parsed =
        json.is_string() ? kitap::core::parse_iso_timestamp(json.get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) throw kitap::wire::BadField("", "expected a time such as 2026-11-25T09:00:00Z");
    at = *parsed;
}

}  // namespace nlohmann
