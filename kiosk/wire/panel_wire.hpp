#pragma once

#include "core/demo/demo_samples.hpp"
#include "core/fund/refusal.hpp"
#include "core/library/lookup_service.hpp"
#include "core/stocktake/stocktake.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/class_progress.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/wire/station_wire.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

// The librarian's panels of a kiosk on another PC, on the station wire (see
// station_wire.hpp for its conventions: values, never wording; every field written,
// null for an empty optional; decode() never throws). What /api/station/librarian/*
// answers and the kiosk's remote library decodes into the same core values its
// screens draw from a local database.
namespace kitap::wire {

// POST /api/station/librarian/issue-class-set: {"class": "5Ә", "dry_run": true}
struct IssueClassSetRequest {
    std::string class_name;
    bool dry_run = true;

    friend bool operator==(const IssueClassSetRequest&, const IssueClassSetRequest&) = default;
};
// POST /api/station/librarian/stocktake/start: {"scope": "all"}
struct StocktakeStartRequest {
    std::string scope;

    friend bool operator==(const StocktakeStartRequest&, const StocktakeStartRequest&) = default;
};
// POST /api/station/librarian/setting: {"key": "kiosk_language", "value": "kk"}
struct SettingRequest {
    std::string key;
    std::string value;

    friend bool operator==(const SettingRequest&, const SettingRequest&) = default;
};

void to_json(nlohmann::json& json, const IssueClassSetRequest& request);
void from_json(const nlohmann::json& json, IssueClassSetRequest& request);
void to_json(nlohmann::json& json, const StocktakeStartRequest& request);
void from_json(const nlohmann::json& json, StocktakeStartRequest& request);
void to_json(nlohmann::json& json, const SettingRequest& request);
void from_json(const nlohmann::json& json, SettingRequest& request);

// The most titles "Find a book" asks for and shows.
inline constexpr int catalog_search_limit = 30;

}  // namespace kitap::wire

namespace kitap::core {

void to_json(nlohmann::json& json, RefusalKind kind);
void from_json(const nlohmann::json& json, RefusalKind& kind);
void to_json(nlohmann::json& json, const Refusal& refusal);  // {"kind", "key", "args": {...}}
void from_json(const nlohmann::json& json, Refusal& refusal);

void to_json(nlohmann::json& json, const ClassProvision& provision);
void from_json(const nlohmann::json& json, ClassProvision& provision);
void to_json(nlohmann::json& json, const PupilSetProgress& progress);
void from_json(const nlohmann::json& json, PupilSetProgress& progress);
void to_json(nlohmann::json& json, const ClassSetProgress& progress);
void from_json(const nlohmann::json& json, ClassSetProgress& progress);

void to_json(nlohmann::json& json, const IssuedTitle& title);
void from_json(const nlohmann::json& json, IssuedTitle& title);
void to_json(nlohmann::json& json, const Shortage& shortage);
void from_json(const nlohmann::json& json, Shortage& shortage);
void to_json(nlohmann::json& json, const IssueSetResult& result);
void from_json(const nlohmann::json& json, IssueSetResult& result);
void to_json(nlohmann::json& json, IssueSetRefusal refusal);
void from_json(const nlohmann::json& json, IssueSetRefusal& refusal);
void to_json(nlohmann::json& json, const IssueSetOutcome& outcome);  // {"result", "refusal"}
void from_json(const nlohmann::json& json, IssueSetOutcome& outcome);

void to_json(nlohmann::json& json, const ProvisionLine& line);
void from_json(const nlohmann::json& json, ProvisionLine& line);
void to_json(nlohmann::json& json, const GradeProvision& grade);
void from_json(const nlohmann::json& json, GradeProvision& grade);
void to_json(nlohmann::json& json, const ProvisionReport& report);
void from_json(const nlohmann::json& json, ProvisionReport& report);
void to_json(nlohmann::json& json, const DebtItem& item);
void from_json(const nlohmann::json& json, DebtItem& item);
void to_json(nlohmann::json& json, const Debtor& debtor);
void from_json(const nlohmann::json& json, Debtor& debtor);
void to_json(nlohmann::json& json, const ClassDebtors& debtors);
void from_json(const nlohmann::json& json, ClassDebtors& debtors);

void to_json(nlohmann::json& json, const StocktakeStatus& status);
void from_json(const nlohmann::json& json, StocktakeStatus& status);
void to_json(nlohmann::json& json, const StocktakeCopyLine& line);
void from_json(const nlohmann::json& json, StocktakeCopyLine& line);
void to_json(nlohmann::json& json, const StocktakeTitleLine& line);
void from_json(const nlohmann::json& json, StocktakeTitleLine& line);
void to_json(nlohmann::json& json, const StocktakeReport& report);
void from_json(const nlohmann::json& json, StocktakeReport& report);

void to_json(nlohmann::json& json, const ReaderRecord& reader);
void from_json(const nlohmann::json& json, ReaderRecord& reader);
void to_json(nlohmann::json& json, const TitleRecord& title);
void from_json(const nlohmann::json& json, TitleRecord& title);
void to_json(nlohmann::json& json, const CopyRecord& copy);
void from_json(const nlohmann::json& json, CopyRecord& copy);
void to_json(nlohmann::json& json, const HistoryLine& line);
void from_json(const nlohmann::json& json, HistoryLine& line);
void to_json(nlohmann::json& json, CopyWhereabouts whereabouts);
void from_json(const nlohmann::json& json, CopyWhereabouts& whereabouts);
void to_json(nlohmann::json& json, const ReaderFacts& facts);
void from_json(const nlohmann::json& json, ReaderFacts& facts);
void to_json(nlohmann::json& json, const CopyFacts& facts);
void from_json(const nlohmann::json& json, CopyFacts& facts);
void to_json(nlohmann::json& json, const TitleFacts& facts);
void from_json(const nlohmann::json& json, TitleFacts& facts);
void to_json(nlohmann::json& json, const LookupResult& result);
void from_json(const nlohmann::json& json, LookupResult& result);

// A title as "Find a book" shows it (GET /api/station/catalog).
void to_json(nlohmann::json& json, const CatalogEntry& entry);
void from_json(const nlohmann::json& json, CatalogEntry& entry);

void to_json(nlohmann::json& json, const DemoSamples& samples);
void from_json(const nlohmann::json& json, DemoSamples& samples);

}  // namespace kitap::core
