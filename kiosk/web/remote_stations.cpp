#include "kiosk/web/remote_stations.hpp"

namespace kitap::web {

std::shared_ptr<RemoteStation> RemoteStations::find(const std::string& token_hash) {
    const std::scoped_lock lock(mutex_);
    const auto found = by_token_hash_.find(token_hash);
    return found == by_token_hash_.end() ? nullptr : found->second;
}

std::shared_ptr<RemoteStation> RemoteStations::find_or_add(const std::string& token_hash, const core::Account& account,
                                                           std::size_t library_slot) {
    const std::scoped_lock lock(mutex_);
    if (const auto found = by_token_hash_.find(token_hash); found != by_token_hash_.end()) return found->second;
    std::erase_if(by_token_hash_, [&](const auto& entry) { return entry.second->account.name == account.name; });
    auto station = std::make_shared<RemoteStation>(RemoteStation{.token_hash = token_hash,
                                                                 .account = account,
                                                                 .library_slot = library_slot,
                                                                 .stations = {},
                                                                 .librarian_active = std::nullopt});
    by_token_hash_.emplace(token_hash, station);
    return station;
}

}  // namespace kitap::web
