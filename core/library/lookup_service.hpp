#pragma once

#include "core/calendar.hpp"
#include "core/circulation/loan_history.hpp"
#include "core/circulation/station.hpp"
#include "core/codes/code_classifier.hpp"
#include "core/library/fault.hpp"
#include "core/reports/catalog_search.hpp"
#include "core/reports/reader_search.hpp"
#include "core/reports/title_copies.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

struct LibraryCore;

struct ReaderFacts {
    ReaderRecord reader;
    std::vector<HeldItem> held;
    std::vector<HistoryLine> history;  // newest first

    friend bool operator==(const ReaderFacts&, const ReaderFacts&) = default;
};

// Where a labelled copy is: `kitap item` prints it, the kiosk's lookup shows it.
enum class CopyWhereabouts { available, on_loan, lost, written_off };
std::string_view to_string(CopyWhereabouts whereabouts);
std::optional<CopyWhereabouts> copy_whereabouts_from(std::string_view name);
CopyWhereabouts whereabouts_of(CopyStatus status, bool on_loan);

struct CopyFacts {
    CopyRecord copy;
    CopyWhereabouts whereabouts = CopyWhereabouts::available;
    std::optional<std::string> holder_card;  // when on loan
    std::optional<ReaderSummary> holder;     // when on loan
    std::optional<Date> due;
    std::vector<HistoryLine> history;  // who had it, newest first

    friend bool operator==(const CopyFacts&, const CopyFacts&) = default;
};

struct TitleFacts {
    TitleRecord title;
    int on_loan = 0;
    int free() const { return title.stock - on_loan; }

    friend bool operator==(const TitleFacts&, const TitleFacts&) = default;
};

// "What is this code?": anything scanned or typed, described without changing anything.
struct LookupResult {
    CodeKind kind = CodeKind::unknown;
    std::string code;
    std::optional<ReaderFacts> reader;
    std::optional<CopyFacts> copy;
    std::optional<TitleFacts> title;
    std::optional<std::string> uncatalogued_isbn;
    std::optional<Command> command;

    friend bool operator==(const LookupResult&, const LookupResult&) = default;
};

// A copy's inventory barcode or a catalogued title's ISBN (`kitap item`).
struct ItemFacts {
    std::optional<CopyFacts> copy;
    std::optional<TitleFacts> title;
};

// One answer to "what is this?" for every front end; `history_lines` past loans at most.
class LookupService {
public:
    explicit LookupService(LibraryCore& core) : core_(core) {}

    // Classified as a scan would be (reader card, copy, ISBN, command...).
    OrFault<LookupResult> what_is(std::string_view raw, int history_lines);
    OrFault<std::optional<ReaderFacts>> reader(const std::string& card, int history_lines);
    OrFault<ItemFacts> item(const std::string& code, int history_lines);
    // The public catalogue: titles matching `text` (see core::catalog_search), at most `limit`.
    OrFault<std::vector<CatalogEntry>> catalog(std::string_view text, int limit);
    // A title's labelled copies and where each is; nullopt when no title has the ISBN.
    OrFault<std::optional<std::vector<TitleCopy>>> title_copies(const std::string& isbn);
    // The console's reader search by name or card (see core::reader_search), at most `limit`.
    OrFault<std::vector<ReaderRecord>> readers(std::string_view text,
                                               const std::optional<std::vector<std::string>>& classes, int limit);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
