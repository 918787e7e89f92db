#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// A reader as a kiosk off its server knows them: enough to open a self-service
// session and to lend within the limits without asking the server.
struct OfflineReader {
    std::string card;
    std::string name;
    ReaderCategory category = ReaderCategory::pupil;
    std::string class_name;
    bool left = false;
    // Self-service asks this reader's PIN under the server's [station] reader_pin (or
    // sends them to the librarian): only the server checks PINs.
    bool pin_needed = false;
    int limit = 0;               // main-fund loans the reader's category may hold
    std::vector<HeldItem> held;  // every open loan, by due date then title

    int main_fund_loans() const;
    // Late by `today`: a snapshot made yesterday still tells today's overdue books.
    std::vector<HeldItem> overdue(Date today) const;
};

ReaderSummary summary_of(const OfflineReader& reader);

// A labelled copy (an inventory barcode) as a kiosk off its server knows it.
struct OfflineCopy {
    std::string barcode;
    std::string title;
    TitleKind kind = TitleKind::fiction;
    CopyStatus status = CopyStatus::in_fund;
    std::optional<std::string> holder_card;  // whose loan it is, when lent
};

// What the school's server hands a kiosk to keep (OfflineCache), so that it can go on
// lending and taking back while the server cannot be reached: every reader and every
// labelled copy, as they stood at `made_at`. Titles by ISBN are not in it: textbooks
// counted by title follow class sets and stock only the server knows.
struct OfflineSnapshot {
    Timestamp made_at;
    std::vector<OfflineReader> readers;  // by card
    std::vector<OfflineCopy> copies;     // by barcode
};

// Reads the snapshot from the school's database in one read transaction, under the
// server's `rules` (loan limits, the reader PIN policy).
OfflineSnapshot read_offline_snapshot(SQLite::Database& db, const Rules& rules, Timestamp now);

}  // namespace kitap::core
