#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/app/config.hpp"

#include <httplib.h>

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kitap::web {

// A station account's own stations on the server (a kiosk on another PC calls them
// through /api/station/*): one per mode, opened on first use, named after the account,
// in one Library slot as a web session's desk stations are, so the desk in the browser
// and every kiosk are stations of one database and race for a copy like two desks.
struct RemoteStation {
    // Set once when made (read by other requests' lookups): a new token makes new stations.
    std::string token_hash;  // what the kiosk's token is found by
    core::Account account;
    std::size_t library_slot = 0;
    std::map<core::StationMode, core::StationHandle> stations;
    // Set when the librarian's PIN was accepted, and at each call in a librarian mode
    // since: the modes beyond self stay open until the kiosk's lock time passes without one.
    std::optional<core::Timestamp> librarian_active;
    // What `kitap stations` was last told of this kiosk (StationService::record_seen): when,
    // and how many journal entries it said were waiting.
    std::optional<core::Timestamp> seen_recorded;
    int journal_waiting_recorded = 0;
};

// The stations of the station accounts that have called, by their token's hash.
class RemoteStations {
public:
    std::shared_ptr<RemoteStation> find(const std::string& token_hash);
    // This token's stations, made in `library_slot` unless another request made them
    // first (then in theirs); an account's stations under an older token go.
    std::shared_ptr<RemoteStation> find_or_add(const std::string& token_hash, const core::Account& account,
                                               std::size_t library_slot);

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<RemoteStation>> by_token_hash_;
};

// One station call under way: the account's stations with their Library (already acting
// as the account), at the server's time.
struct StationCall {
    const httplib::Request& request;
    httplib::Response& response;
    RemoteStation& station;
    core::Library& library;
    const app::Config& config;
    core::Timestamp now;
};

}  // namespace kitap::web
