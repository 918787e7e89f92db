#include "core/library/lookup_service.hpp"

#include "core/codes/check_digits.hpp"
#include "core/library/library_core.hpp"
#include "core/text/enum_names.hpp"

#include <algorithm>

namespace kitap::core {
namespace {

ReaderFacts reader_facts(LibraryCore& core, const ReaderRecord& reader, int history_lines) {
    return {reader, core.store.held_items(reader.id), reader_history(core.db, reader.id, history_lines)};
}

CopyFacts copy_facts(LibraryCore& core, const CopyRecord& copy, int history_lines) {
    CopyFacts facts{.copy = copy, .history = copy_history(core.db, copy.id, history_lines)};
    if (const auto loan = core.store.open_loan_of_copy(copy.id)) {
        facts.holder_card = loan->reader_card;
        if (const auto holder = core.store.reader_by_card(loan->reader_card)) {
            facts.holder = summary_of(*holder);
            const auto held = core.store.held_items(holder->id);
            const auto item =
                std::find_if(held.begin(), held.end(), [&](const HeldItem& h) { return h.code == copy.barcode; });
            if (item != held.end()) facts.due = item->due;
        }
    }
    facts.whereabouts = whereabouts_of(copy.status, facts.holder_card.has_value());
    return facts;
}

TitleFacts title_facts(LibraryCore& core, const TitleRecord& title) {
    return {title, core.store.title_quantity_on_loan(title.id)};
}

}  // namespace

// A copy written off or lost stays so even if a loan of it was never closed.
CopyWhereabouts whereabouts_of(CopyStatus status, bool on_loan) {
    if (status == CopyStatus::written_off) return CopyWhereabouts::written_off;
    if (status == CopyStatus::lost) return CopyWhereabouts::lost;
    return on_loan ? CopyWhereabouts::on_loan : CopyWhereabouts::available;
}

constexpr auto whereabouts_names = enum_names<CopyWhereabouts>({
    {CopyWhereabouts::available, "available"},
    {CopyWhereabouts::on_loan, "on_loan"},
    {CopyWhereabouts::lost, "lost"},
    {CopyWhereabouts::written_off, "written_off"},
});

std::string_view to_string(CopyWhereabouts whereabouts) { return whereabouts_names.name_of(whereabouts); }
std::optional<CopyWhereabouts> copy_whereabouts_from(std::string_view name) { return whereabouts_names.value_of(name); }

OrFault<LookupResult> LookupService::what_is(std::string_view raw, int history_lines) {
    return guarded([&] {
        const ClassifiedCode code = classify_code(raw, core_.rules.codes, core_.store);
        LookupResult result{.kind = code.kind, .code = code.code, .command = code.command};
        if (code.reader)
            result.reader = reader_facts(core_, *code.reader, history_lines);
        else if (code.copy)
            result.copy = copy_facts(core_, *code.copy, history_lines);
        else if (code.title)
            result.title = title_facts(core_, *code.title);
        else if (code.isbn)
            result.uncatalogued_isbn = code.isbn;
        return result;
    });
}

OrFault<std::optional<ReaderFacts>> LookupService::reader(const std::string& card, int history_lines) {
    return guarded([&]() -> std::optional<ReaderFacts> {
        const auto reader = core_.store.reader_by_card(card);
        if (!reader) return std::nullopt;
        return reader_facts(core_, *reader, history_lines);
    });
}

OrFault<ItemFacts> LookupService::item(const std::string& code, int history_lines) {
    return guarded([&] {
        ItemFacts facts;
        if (const auto copy = core_.store.copy_by_barcode(code))
            facts.copy = copy_facts(core_, *copy, history_lines);
        else if (const auto isbn = normalize_isbn(code))
            if (const auto title = core_.store.title_by_isbn(*isbn)) facts.title = title_facts(core_, *title);
        return facts;
    });
}

OrFault<std::vector<CatalogEntry>> LookupService::catalog(std::string_view text, int limit) {
    return guarded([&] { return catalog_search(core_.db, text, limit); });
}

OrFault<std::vector<ReaderRecord>> LookupService::readers(std::string_view text,
                                                          const std::optional<std::vector<std::string>>& classes,
                                                          int limit) {
    return guarded([&] { return reader_search(core_.db, text, classes, limit); });
}

OrFault<std::optional<std::vector<TitleCopy>>> LookupService::title_copies(const std::string& isbn) {
    return guarded([&]() -> std::optional<std::vector<TitleCopy>> {
        const auto normal = normalize_isbn(isbn);
        const auto title = normal ? core_.store.title_by_isbn(*normal) : std::nullopt;
        if (!title) return std::nullopt;
        return core::title_copies(core_.db, title->id);
    });
}

}  // namespace kitap::core
