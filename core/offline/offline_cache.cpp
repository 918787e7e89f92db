#include "core/offline/offline_cache.hpp"

#include "core/db/write_transaction.hpp"
#include "core/offline/kiosk_file.hpp"

namespace kitap::core {

OrFault<void> OfflineCache::replace(const OfflineSnapshot& snapshot) {
    return guarded([&] {
        WriteTransaction transaction(journal_.file_->db);
        journal_.file_->cache.replace(snapshot);
        transaction.commit();
    });
}

OrFault<std::optional<Timestamp>> OfflineCache::made_at() {
    return guarded([&] { return journal_.file_->cache.made_at(); });
}

OrFault<std::optional<OfflineReader>> OfflineCache::reader(const std::string& card) {
    return guarded([&] { return journal_.file_->cache.reader(card); });
}

OrFault<std::optional<OfflineCopy>> OfflineCache::copy(const std::string& barcode) {
    return guarded([&] { return journal_.file_->cache.copy(barcode); });
}

}  // namespace kitap::core
