#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/codes/code_classifier.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::kiosk {

struct ReaderFacts {
    core::ReaderRecord reader;
    std::vector<core::HeldItem> held;
};

struct CopyFacts {
    core::CopyRecord copy;
    std::optional<core::ReaderSummary> holder;  // when on loan
    std::optional<core::Date> due;
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
