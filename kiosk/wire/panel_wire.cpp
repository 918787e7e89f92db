#include "kiosk/wire/panel_wire.hpp"

#include "core/text/enum_names.hpp"
#include "kiosk/wire/wire_fields.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kitap::wire {

using nlohmann::json;

void to_json(json& json, const IssueClassSetRequest& request) {
    json = {{"class", request.class_name}, {"dry_run", request.dry_run}};
}
void from_json(const json& json, IssueClassSetRequest& request) {
    request = {.class_name = field<std::string>(json, "class"), .dry_run = field<bool>(json, "dry_run")};
}

void to_json(json& json, const StocktakeStartRequest& request) { json = {{"scope", request.scope}}; }
void from_json(const json& json, StocktakeStartRequest& request) {
    request = {.scope = field<std::string>(json, "scope")};
}

void to_json(json& json, const SettingRequest& request) { json = {{"key", request.key}, {"value", request.value}}; }
void from_json(const json& json, SettingRequest& request) {
    request = {.key = field<std::string>(json, "key"), .value = field<std::string>(json, "value")};
}

}  // namespace kitap::wire

namespace kitap::core {

using nlohmann::json;
using wire::field;
using wire::named;
using wire::nullable;

namespace {

// Core has no words for a refusal's kind (the CLI tells them apart by exit code): its enumerators' names.
constexpr auto refusal_kind_names = enum_names<RefusalKind>({
    {RefusalKind::bad_input, "bad_input"},
    {RefusalKind::rule, "rule"},
});

std::optional<RefusalKind> refusal_kind_from(std::string_view name) { return refusal_kind_names.value_of(name); }

}  // namespace

void to_json(json& json, RefusalKind kind) { json = refusal_kind_names.name_of(kind); }
void from_json(const json& json, RefusalKind& kind) {
    kind = named<RefusalKind>(json, refusal_kind_from, "a kind of refusal");
}

void to_json(json& json, const Refusal& refusal) {
    json = {{"kind", refusal.kind}, {"key", refusal.key}, {"args", refusal.args}};
}
void from_json(const json& json, Refusal& refusal) {
    refusal = {.kind = field<RefusalKind>(json, "kind"),
               .key = field<std::string>(json, "key"),
               .args = field<std::map<std::string, std::string>>(json, "args")};
}

void to_json(json& json, const ClassProvision& provision) {
    json = {
        {"class_name", provision.class_name}, {"grade", provision.grade}, {"pupils", provision.pupils},
        {"needed", provision.needed},         {"held", provision.held},   {"has_curriculum", provision.has_curriculum}};
}
void from_json(const json& json, ClassProvision& provision) {
    provision = {.class_name = field<std::string>(json, "class_name"),
                 .grade = field<int>(json, "grade"),
                 .pupils = field<int>(json, "pupils"),
                 .needed = field<int>(json, "needed"),
                 .held = field<int>(json, "held"),
                 .has_curriculum = field<bool>(json, "has_curriculum")};
}

void to_json(json& json, const PupilSetProgress& progress) {
    json = {{"card", progress.card},
            {"name", progress.name},
            {"needed", progress.needed},
            {"held", progress.held},
            {"missing", progress.missing}};
}
void from_json(const json& json, PupilSetProgress& progress) {
    progress = {.card = field<std::string>(json, "card"),
                .name = field<std::string>(json, "name"),
                .needed = field<int>(json, "needed"),
                .held = field<int>(json, "held"),
                .missing = field<std::vector<SetLine>>(json, "missing")};
}

void to_json(json& json, const ClassSetProgress& progress) {
    json = {{"class_name", progress.class_name},
            {"pupils", progress.pupils},
            {"needed", progress.needed},
            {"held", progress.held},
            {"complete_sets", progress.complete_sets}};
}
void from_json(const json& json, ClassSetProgress& progress) {
    progress = {.class_name = field<std::string>(json, "class_name"),
                .pupils = field<std::vector<PupilSetProgress>>(json, "pupils"),
                .needed = field<int>(json, "needed"),
                .held = field<int>(json, "held"),
                .complete_sets = field<int>(json, "complete_sets")};
}

void to_json(json& json, const IssuedTitle& title) {
    json = {{"isbn", title.isbn}, {"title", title.title}, {"count", title.count}, {"needed", title.needed}};
}
void from_json(const json& json, IssuedTitle& title) {
    title = {.isbn = field<std::string>(json, "isbn"),
             .title = field<std::string>(json, "title"),
             .count = field<int>(json, "count"),
             .needed = field<int>(json, "needed")};
}

void to_json(json& json, const Shortage& shortage) {
    json = {{"card", shortage.card},   {"name", shortage.name},       {"isbn", shortage.isbn},
            {"title", shortage.title}, {"missing", shortage.missing}, {"reason", shortage.reason}};
}
void from_json(const json& json, Shortage& shortage) {
    shortage = {.card = field<std::string>(json, "card"),
                .name = field<std::string>(json, "name"),
                .isbn = field<std::string>(json, "isbn"),
                .title = field<std::string>(json, "title"),
                .missing = field<int>(json, "missing"),
                .reason = field<std::string>(json, "reason")};
}

void to_json(json& json, const IssueSetResult& result) {
    json = {{"class_name", result.class_name}, {"school_year", result.school_year},
            {"pupils", result.pupils},         {"complete_sets", result.complete_sets},
            {"loans", result.loans},           {"issued", result.issued},
            {"shortages", result.shortages}};
}
void from_json(const json& json, IssueSetResult& result) {
    result = {.class_name = field<std::string>(json, "class_name"),
              .school_year = field<std::string>(json, "school_year"),
              .pupils = field<int>(json, "pupils"),
              .complete_sets = field<int>(json, "complete_sets"),
              .loans = field<int>(json, "loans"),
              .issued = field<std::vector<IssuedTitle>>(json, "issued"),
              .shortages = field<std::vector<Shortage>>(json, "shortages")};
}

void to_json(json& json, IssueSetRefusal refusal) { json = to_string(refusal); }
void from_json(const json& json, IssueSetRefusal& refusal) {
    refusal = named<IssueSetRefusal>(json, issue_set_refusal_from, "a class set's refusal");
}

void to_json(json& json, const IssueSetOutcome& outcome) {
    json = {{"result", nullable(outcome.result)}, {"refusal", nullable(outcome.refusal)}};
}
void from_json(const json& json, IssueSetOutcome& outcome) {
    outcome = {.result = field<std::optional<IssueSetResult>>(json, "result"),
               .refusal = field<std::optional<IssueSetRefusal>>(json, "refusal")};
}

void to_json(json& json, const ProvisionLine& line) {
    json = {{"class_name", line.class_name}, {"grade", line.grade},
            {"language", line.language},     {"isbn", line.isbn},
            {"title", line.title},           {"subject", line.subject},
            {"pupils", line.pupils},         {"needed", line.needed},
            {"issued", line.issued},         {"provision_pct", line.provision_pct},
            {"free_stock", line.free_stock}};
}
void from_json(const json& json, ProvisionLine& line) {
    line = {.class_name = field<std::string>(json, "class_name"),
            .grade = field<int>(json, "grade"),
            .language = field<std::string>(json, "language"),
            .isbn = field<std::string>(json, "isbn"),
            .title = field<std::string>(json, "title"),
            .subject = field<std::string>(json, "subject"),
            .pupils = field<int>(json, "pupils"),
            .needed = field<int>(json, "needed"),
            .issued = field<int>(json, "issued"),
            .provision_pct = field<double>(json, "provision_pct"),
            .free_stock = field<int>(json, "free_stock")};
}

void to_json(json& json, const GradeProvision& grade) {
    json = {{"grade", grade.grade},
            {"pupils", grade.pupils},
            {"needed", grade.needed},
            {"issued", grade.issued},
            {"provision_pct", grade.provision_pct}};
}
void from_json(const json& json, GradeProvision& grade) {
    grade = {.grade = field<int>(json, "grade"),
             .pupils = field<int>(json, "pupils"),
             .needed = field<int>(json, "needed"),
             .issued = field<int>(json, "issued"),
             .provision_pct = field<double>(json, "provision_pct")};
}

void to_json(json& json, const ProvisionReport& report) {
    json = {{"school_year", report.school_year}, {"lines", report.lines}, {"grades", report.grades}};
}
void from_json(const json& json, ProvisionReport& report) {
    report = {.school_year = field<std::string>(json, "school_year"),
              .lines = field<std::vector<ProvisionLine>>(json, "lines"),
              .grades = field<std::vector<GradeProvision>>(json, "grades")};
}

void to_json(json& json, const DebtItem& item) {
    json = {{"code", item.code},
            {"title", item.title},
            {"kind", item.kind},
            {"quantity", item.quantity},
            {"due", item.due}};
}
void from_json(const json& json, DebtItem& item) {
    item = {.code = field<std::string>(json, "code"),
            .title = field<std::string>(json, "title"),
            .kind = field<std::string>(json, "kind"),
            .quantity = field<int>(json, "quantity"),
            .due = field<Date>(json, "due")};
}

void to_json(json& json, const Debtor& debtor) {
    json = {{"card", debtor.card}, {"name", debtor.name}, {"items", debtor.items}};
}
void from_json(const json& json, Debtor& debtor) {
    debtor = {.card = field<std::string>(json, "card"),
              .name = field<std::string>(json, "name"),
              .items = field<std::vector<DebtItem>>(json, "items")};
}

void to_json(json& json, const ClassDebtors& debtors) {
    json = {{"class_name", debtors.class_name}, {"debtors", debtors.debtors}};
}
void from_json(const json& json, ClassDebtors& debtors) {
    debtors = {.class_name = field<std::string>(json, "class_name"),
               .debtors = field<std::vector<Debtor>>(json, "debtors")};
}

void to_json(json& json, const StocktakeStatus& status) {
    json = {{"id", status.id},
            {"scope", status.scope},
            {"started_at", status.started_at},
            {"scans", status.scans},
            {"copies_found", status.copies_found}};
}
void from_json(const json& json, StocktakeStatus& status) {
    status = {.id = field<RowId>(json, "id"),
              .scope = field<std::string>(json, "scope"),
              .started_at = field<std::string>(json, "started_at"),
              .scans = field<int>(json, "scans"),
              .copies_found = field<int>(json, "copies_found")};
}

void to_json(json& json, const StocktakeCopyLine& line) {
    json = {{"code", line.code}, {"title", line.title}, {"shelf", line.shelf}, {"reason", line.reason}};
}
void from_json(const json& json, StocktakeCopyLine& line) {
    line = {.code = field<std::string>(json, "code"),
            .title = field<std::string>(json, "title"),
            .shelf = field<std::string>(json, "shelf"),
            .reason = field<UnexpectedReason>(json, "reason")};
}

void to_json(json& json, const StocktakeTitleLine& line) {
    json = {{"isbn", line.isbn}, {"title", line.title}, {"expected", line.expected}, {"counted", line.counted}};
}
void from_json(const json& json, StocktakeTitleLine& line) {
    line = {.isbn = field<std::string>(json, "isbn"),
            .title = field<std::string>(json, "title"),
            .expected = field<int>(json, "expected"),
            .counted = field<int>(json, "counted")};
}

void to_json(json& json, const StocktakeReport& report) {
    json = {{"id", report.id},
            {"scope", report.scope},
            {"started_at", report.started_at},
            {"finished_at", report.finished_at},
            {"scans", report.scans},
            {"expected_copies", report.expected_copies},
            {"found_copies", report.found_copies},
            {"missing", report.missing},
            {"unexpected", report.unexpected},
            {"titles", report.titles}};
}
void from_json(const json& json, StocktakeReport& report) {
    report = {.id = field<RowId>(json, "id"),
              .scope = field<std::string>(json, "scope"),
              .started_at = field<std::string>(json, "started_at"),
              .finished_at = field<std::string>(json, "finished_at"),
              .scans = field<int>(json, "scans"),
              .expected_copies = field<int>(json, "expected_copies"),
              .found_copies = field<int>(json, "found_copies"),
              .missing = field<std::vector<StocktakeCopyLine>>(json, "missing"),
              .unexpected = field<std::vector<StocktakeCopyLine>>(json, "unexpected"),
              .titles = field<std::vector<StocktakeTitleLine>>(json, "titles")};
}

void to_json(json& json, const ReaderRecord& reader) {
    json = {{"id", reader.id},
            {"card", reader.card},
            {"name", reader.name},
            {"category", reader.category},
            {"class_name", reader.class_name},
            {"active", reader.active}};
}
void from_json(const json& json, ReaderRecord& reader) {
    reader = {.id = field<RowId>(json, "id"),
              .card = field<std::string>(json, "card"),
              .name = field<std::string>(json, "name"),
              .category = field<ReaderCategory>(json, "category"),
              .class_name = field<std::string>(json, "class_name"),
              .active = field<bool>(json, "active")};
}

void to_json(json& json, const TitleRecord& title) {
    json = {{"id", title.id},           {"title", title.title},          {"isbn", nullable(title.isbn)},
            {"kind", title.kind},       {"stock", title.stock},          {"item_copies", title.item_copies},
            {"subject", title.subject}, {"price_tiyn", title.price_tiyn}};
}
void from_json(const json& json, TitleRecord& title) {
    title = {.id = field<RowId>(json, "id"),
             .title = field<std::string>(json, "title"),
             .isbn = field<std::optional<std::string>>(json, "isbn"),
             .kind = field<TitleKind>(json, "kind"),
             .stock = field<int>(json, "stock"),
             .item_copies = field<int>(json, "item_copies"),
             .subject = field<std::string>(json, "subject"),
             .price_tiyn = field<std::int64_t>(json, "price_tiyn")};
}

void to_json(json& json, const CopyRecord& copy) {
    json = {{"id", copy.id}, {"barcode", copy.barcode}, {"status", copy.status}, {"title", copy.title}};
}
void from_json(const json& json, CopyRecord& copy) {
    copy = {.id = field<RowId>(json, "id"),
            .barcode = field<std::string>(json, "barcode"),
            .status = field<CopyStatus>(json, "status"),
            .title = field<TitleRecord>(json, "title")};
}

void to_json(json& json, const HistoryLine& line) {
    json = {{"code", line.code},
            {"title", line.title},
            {"reader_card", line.reader_card},
            {"reader_name", line.reader_name},
            {"quantity", line.quantity},
            {"loaned", line.loaned},
            {"returned", nullable(line.returned)}};
}
void from_json(const json& json, HistoryLine& line) {
    line = {.code = field<std::string>(json, "code"),
            .title = field<std::string>(json, "title"),
            .reader_card = field<std::string>(json, "reader_card"),
            .reader_name = field<std::string>(json, "reader_name"),
            .quantity = field<int>(json, "quantity"),
            .loaned = field<Date>(json, "loaned"),
            .returned = field<std::optional<Date>>(json, "returned")};
}

void to_json(json& json, CopyWhereabouts whereabouts) { json = to_string(whereabouts); }
void from_json(const json& json, CopyWhereabouts& whereabouts) {
    whereabouts = named<CopyWhereabouts>(json, copy_whereabouts_from, "a copy's whereabouts");
}

void to_json(json& json, const ReaderFacts& facts) {
    json = {{"reader", facts.reader}, {"held", facts.held}, {"history", facts.history}};
}
void from_json(const json& json, ReaderFacts& facts) {
    facts = {.reader = field<ReaderRecord>(json, "reader"),
             .held = field<std::vector<HeldItem>>(json, "held"),
             .history = field<std::vector<HistoryLine>>(json, "history")};
}

void to_json(json& json, const CopyFacts& facts) {
    json = {{"copy", facts.copy},
            {"whereabouts", facts.whereabouts},
            {"holder_card", nullable(facts.holder_card)},
            {"holder", nullable(facts.holder)},
            {"due", nullable(facts.due)},
            {"history", facts.history}};
}
void from_json(const json& json, CopyFacts& facts) {
    facts = {.copy = field<CopyRecord>(json, "copy"),
             .whereabouts = field<CopyWhereabouts>(json, "whereabouts"),
             .holder_card = field<std::optional<std::string>>(json, "holder_card"),
             .holder = field<std::optional<ReaderSummary>>(json, "holder"),
             .due = field<std::optional<Date>>(json, "due"),
             .history = field<std::vector<HistoryLine>>(json, "history")};
}

void to_json(json& json, const CatalogEntry& entry) {
    json = {{"title_id", entry.title_id},   {"title", entry.title},        {"authors", entry.authors},
            {"isbn", nullable(entry.isbn)}, {"kind", entry.kind},          {"shelves", entry.shelves},
            {"total", entry.total},         {"available", entry.available}};
}
void from_json(const json& json, CatalogEntry& entry) {
    entry = {.title_id = field<RowId>(json, "title_id"),
             .title = field<std::string>(json, "title"),
             .authors = field<std::string>(json, "authors"),
             .isbn = field<std::optional<std::string>>(json, "isbn"),
             .kind = field<TitleKind>(json, "kind"),
             .shelves = field<std::vector<std::string>>(json, "shelves"),
             .total = field<int>(json, "total"),
             .available = field<int>(json, "available")};
}

void to_json(json& json, const TitleFacts& facts) { json = {{"title", facts.title}, {"on_loan", facts.on_loan}}; }
void from_json(const json& json, TitleFacts& facts) {
    facts = {.title = field<TitleRecord>(json, "title"), .on_loan = field<int>(json, "on_loan")};
}

void to_json(json& json, const LookupResult& result) {
    json = {{"kind", result.kind},
            {"code", result.code},
            {"reader", nullable(result.reader)},
            {"copy", nullable(result.copy)},
            {"title", nullable(result.title)},
            {"uncatalogued_isbn", nullable(result.uncatalogued_isbn)},
            {"command", nullable(result.command)}};
}
void from_json(const json& json, LookupResult& result) {
    result = {.kind = field<CodeKind>(json, "kind"),
              .code = field<std::string>(json, "code"),
              .reader = field<std::optional<ReaderFacts>>(json, "reader"),
              .copy = field<std::optional<CopyFacts>>(json, "copy"),
              .title = field<std::optional<TitleFacts>>(json, "title"),
              .uncatalogued_isbn = field<std::optional<std::string>>(json, "uncatalogued_isbn"),
              .command = field<std::optional<Command>>(json, "command")};
}

void to_json(json& json, const DemoSamples& samples) {
    json = {{"pupil_card", nullable(samples.pupil_card)},
            {"overdue_pupil_card", nullable(samples.overdue_pupil_card)},
            {"teacher_card", nullable(samples.teacher_card)},
            {"free_copy", nullable(samples.free_copy)},
            {"borrowed_copy", nullable(samples.borrowed_copy)},
            {"textbook_isbn", nullable(samples.textbook_isbn)},
            {"pupil_without_set_card", nullable(samples.pupil_without_set_card)},
            {"class_without_set", nullable(samples.class_without_set)},
            {"missing_textbook_isbn", nullable(samples.missing_textbook_isbn)}};
}
void from_json(const json& json, DemoSamples& samples) {
    using Code = std::optional<std::string>;
    samples = {.pupil_card = field<Code>(json, "pupil_card"),
               .overdue_pupil_card = field<Code>(json, "overdue_pupil_card"),
               .teacher_card = field<Code>(json, "teacher_card"),
               .free_copy = field<Code>(json, "free_copy"),
               .borrowed_copy = field<Code>(json, "borrowed_copy"),
               .textbook_isbn = field<Code>(json, "textbook_isbn"),
               .pupil_without_set_card = field<Code>(json, "pupil_without_set_card"),
               .class_without_set = field<Code>(json, "class_without_set"),
               .missing_textbook_isbn = field<Code>(json, "missing_textbook_isbn")};
}

}  // namespace kitap::core
