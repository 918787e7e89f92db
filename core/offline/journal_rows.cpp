#include "core/offline/journal_rows.hpp"

#include "core/db/statement.hpp"
#include "core/security/sodium.hpp"

#include <SQLiteCpp/Database.h>
#include <sodium.h>

#include <array>

namespace kitap::core {
namespace {

// 128 bits from libsodium's CSPRNG, in hex: two kiosks (or one kiosk restarted) never make the same id.
std::string random_entry_id() {
    start_sodium();
    std::array<unsigned char, 16> bits{};
    randombytes_buf(bits.data(), bits.size());
    return hex_text(bits);
}

}  // namespace

JournalRows::JournalRows(SQLite::Database& db, std::string station)
    : station_(std::move(station)),
      insert_(db, "INSERT INTO journal (id, station, scanned_at, card, code, mode) VALUES (?, ?, ?, ?, ?, ?)"),
      waiting_(db, R"(
          SELECT id, station, scanned_at, card, code, mode FROM journal j
          WHERE NOT EXISTS (SELECT 1 FROM acknowledged a WHERE a.id = j.id) ORDER BY seq LIMIT ?)"),
      waiting_count_(db, R"(
          SELECT count(*) FROM journal j WHERE NOT EXISTS (SELECT 1 FROM acknowledged a WHERE a.id = j.id))"),
      acknowledge_(db, "INSERT OR IGNORE INTO acknowledged (id) SELECT id FROM journal WHERE id = ?") {}

JournalEntry JournalRows::append(std::string card, std::string code, StationMode mode, Timestamp scanned_at) {
    JournalEntry entry{.id = random_entry_id(),
                       .station = station_,
                       .scanned_at = scanned_at,
                       .card = std::move(card),
                       .code = std::move(code),
                       .mode = mode};
    rebind(insert_, entry.id, entry.station, iso_timestamp(entry.scanned_at), entry.card, entry.code,
           std::string(to_string(entry.mode)))
        .exec();
    return entry;
}

std::vector<JournalEntry> JournalRows::waiting(int limit) {
    auto& query = rebind(waiting_, limit);
    std::vector<JournalEntry> entries;
    while (query.executeStep()) {
        const std::string scanned_at = query.getColumn(2).getString();
        const std::string mode = query.getColumn(5).getString();
        entries.push_back({.id = query.getColumn(0).getString(),
                           .station = query.getColumn(1).getString(),
                           // The file's CHECKs keep both well formed: a row that is not would not have been written.
                           .scanned_at = parse_iso_timestamp(scanned_at).value_or(Timestamp{}),
                           .card = query.getColumn(3).getString(),
                           .code = query.getColumn(4).getString(),
                           .mode = station_mode_from(mode).value_or(StationMode::self)});
    }
    return entries;
}

int JournalRows::waiting_count() {
    auto& query = rebind(waiting_count_);
    query.executeStep();
    return query.getColumn(0).getInt();
}

bool JournalRows::acknowledge(const std::string& id) { return rebind(acknowledge_, id).exec() == 1; }

}  // namespace kitap::core
