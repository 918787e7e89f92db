#include "core/offline/offline_snapshot.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <unordered_map>

namespace kitap::core {
namespace {

bool needs_pin(ReaderPinPolicy policy, bool has_pin) {
    return policy == ReaderPinPolicy::required || (policy == ReaderPinPolicy::when_set && has_pin);
}

std::vector<OfflineReader> read_readers(SQLite::Database& db, const Rules& rules) {
    SQLite::Statement query(db, R"(
        SELECT r.card, r.full_name, r.category, coalesce(c.grade || c.letter, ''), r.status,
               EXISTS (SELECT 1 FROM reader_pin p WHERE p.reader_id = r.id)
        FROM reader r LEFT JOIN school_class c ON c.id = r.class_id ORDER BY r.card)");
    std::vector<OfflineReader> readers;
    while (query.executeStep()) {
        const auto category = reader_category_from(query.getColumn(2).getString()).value_or(ReaderCategory::other);
        readers.push_back({.card = query.getColumn(0).getString(),
                           .name = query.getColumn(1).getString(),
                           .category = category,
                           .class_name = query.getColumn(3).getString(),
                           .left = query.getColumn(4).getString() == "left",
                           .pin_needed = needs_pin(rules.station.reader_pin, query.getColumn(5).getInt() != 0),
                           .limit = rules.loans.loan_limit_for(category)});
    }
    return readers;
}

// Every open loan onto its reader, in the order LibraryStore::held_items lists them.
void read_held_items(SQLite::Database& db, std::vector<OfflineReader>& readers) {
    std::unordered_map<std::string, OfflineReader*> by_card;
    for (auto& reader : readers) by_card.emplace(reader.card, &reader);
    SQLite::Statement query(db, R"(
        SELECT r.card, coalesce(cp.barcode, t.isbn, ''), t.title, t.kind, l.quantity, l.due, l.id, l.renewals
        FROM loan l JOIN reader r ON r.id = l.reader_id JOIN title t ON t.id = l.title_id
        LEFT JOIN copy cp ON cp.id = l.copy_id
        WHERE l.returned_at IS NULL ORDER BY l.due, t.title)");
    while (query.executeStep()) {
        const auto reader = by_card.find(query.getColumn(0).getString());
        if (reader == by_card.end()) continue;
        reader->second->held.push_back(read_held_item(query, 1));
    }
}

std::vector<OfflineCopy> read_copies(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT cp.barcode, t.title, t.kind, cp.status, r.card
        FROM copy cp JOIN title t ON t.id = cp.title_id
        LEFT JOIN loan l ON l.copy_id = cp.id AND l.returned_at IS NULL
        LEFT JOIN reader r ON r.id = l.reader_id
        ORDER BY cp.barcode)");
    std::vector<OfflineCopy> copies;
    while (query.executeStep())
        copies.push_back({.barcode = query.getColumn(0).getString(),
                          .title = query.getColumn(1).getString(),
                          .kind = title_kind_from(query.getColumn(2).getString()).value_or(TitleKind::fiction),
                          .status = copy_status_from(query.getColumn(3).getString()).value_or(CopyStatus::in_fund),
                          .holder_card = optional_text(query.getColumn(4))});
    return copies;
}

}  // namespace

ReaderSummary summary_of(const OfflineReader& reader) {
    return ReaderSummary{reader.card, reader.name, reader.category, reader.class_name};
}

int OfflineReader::main_fund_loans() const {
    return static_cast<int>(
        std::count_if(held.begin(), held.end(), [](const HeldItem& item) { return item.kind != TitleKind::textbook; }));
}

std::vector<HeldItem> OfflineReader::overdue(Date today) const {
    std::vector<HeldItem> late;
    std::copy_if(held.begin(), held.end(), std::back_inserter(late),
                 [&](const HeldItem& item) { return item.due < today; });
    return late;
}

OfflineSnapshot read_offline_snapshot(SQLite::Database& db, const Rules& rules, Timestamp now) {
    // One read transaction: a loan committed by a station meanwhile is in all three reads or in none.
    ReadTransaction reading(db);
    OfflineSnapshot snapshot{.made_at = now, .readers = read_readers(db, rules)};
    read_held_items(db, snapshot.readers);
    snapshot.copies = read_copies(db);
    reading.commit();
    return snapshot;
}

}  // namespace kitap::core
