#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/loan_history.hpp"
#include "core/circulation/station.hpp"
#include "core/codes/code_classifier.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::kiosk {

// How many past loans the lookup shows: what fits beside the rest at 1280x800.
inline constexpr int lookup_history_lines = 6;

struct ReaderFacts {
    core::ReaderRecord reader;
    std::vector<core::HeldItem> held;
    std::vector<core::HistoryLine> history;  // newest first
};

struct CopyFacts {
    core::CopyRecord copy;
    std::optional<core::ReaderSummary> holder;  // when on loan
    std::optional<core::Date> due;
    std::vector<core::HistoryLine> history;  // who had it, newest first
};

struct TitleFacts {
    core::TitleRecord title;
    int on_loan = 0;
};

// The librarian's "what is this?": anything scanned, described without changing
// anything (no station, no transaction of its own).
struct LookupResult {
    core::CodeKind kind = core::CodeKind::unknown;
    std::string code;
    std::optional<ReaderFacts> reader;
    std::optional<CopyFacts> copy;
    std::optional<TitleFacts> title;
    std::optional<std::string> uncatalogued_isbn;
    std::optional<core::Command> command;
};

LookupResult look_up(core::LibraryStore& store, std::string_view raw, const core::CodeRules& rules);

}  // namespace kitap::kiosk
