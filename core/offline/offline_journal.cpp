#include "core/offline/offline_journal.hpp"

#include "core/db/write_transaction.hpp"
#include "core/offline/kiosk_file.hpp"

namespace kitap::core {

OrFault<OfflineJournal> OfflineJournal::open(const std::filesystem::path& path, std::string station) {
    return guarded([&] { return OfflineJournal(std::make_unique<KioskFile>(path, station), station); });
}

OfflineJournal::OfflineJournal(std::unique_ptr<KioskFile> file, std::string station)
    : file_(std::move(file)), station_(std::move(station)) {}

OfflineJournal::~OfflineJournal() = default;
OfflineJournal::OfflineJournal(OfflineJournal&&) noexcept = default;
OfflineJournal& OfflineJournal::operator=(OfflineJournal&&) noexcept = default;

OrFault<JournalEntry> OfflineJournal::append(std::string card, std::string code, StationMode mode,
                                             Timestamp scanned_at) {
    return guarded([&] {
        WriteTransaction transaction(file_->db);
        auto entry = file_->journal.append(std::move(card), std::move(code), mode, scanned_at);
        transaction.commit();
        return entry;
    });
}

OrFault<std::vector<JournalEntry>> OfflineJournal::waiting(int limit) {
    return guarded([&] { return file_->journal.waiting(limit); });
}

OrFault<int> OfflineJournal::waiting_count() {
    return guarded([&] { return file_->journal.waiting_count(); });
}

OrFault<int> OfflineJournal::acknowledge(const std::vector<std::string>& ids) {
    return guarded([&] {
        WriteTransaction transaction(file_->db);
        int marked = 0;
        for (const auto& id : ids) marked += file_->journal.acknowledge(id) ? 1 : 0;
        transaction.commit();
        return marked;
    });
}

}  // namespace kitap::core
