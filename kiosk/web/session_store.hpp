#pragma once

#include "core/calendar.hpp"
#include "core/library/account_service.hpp"
#include "core/library/station_handle.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kitap::web {

struct SessionLimits {
    std::chrono::seconds idle{std::chrono::minutes(30)};
    std::chrono::seconds total{std::chrono::hours(10)};
};

// One login: who, the CSRF token the login returned, and the session's own desk
// stations (one per mode, opened on its first scan). The stations belong to the
// pool's Library in `library_slot` and are used only while that Library is borrowed.
struct Session {
    std::string id;    // the cookie's value: 256 random bits, hex
    std::string csrf;  // 256 random bits, hex: X-CSRF-Token must carry it
    core::Account account;
    core::Timestamp started;
    core::Timestamp last_seen;
    std::size_t library_slot = 0;
    std::map<core::StationMode, core::StationHandle> stations;
};

// 256 bits from OpenSSL's CSPRNG as 64 hex digits.
std::string random_token();
// Compares two secrets in time that does not depend on where they first differ.
bool same_secret(std::string_view a, std::string_view b);

// The server-side sessions. A session ends when idle for limits.idle, when
// limits.total has passed since the login, at logout, or when its account's
// credentials change (the caller checks credentials_version per request).
class SessionStore {
public:
    explicit SessionStore(SessionLimits limits) : limits_(limits) {}

    std::shared_ptr<Session> start(core::Account account, std::size_t library_slot, core::Timestamp now);
    // The live session with this id, seen now; nullptr (and the session gone) when expired.
    std::shared_ptr<Session> find(std::string_view id, core::Timestamp now);
    void end(std::string_view id);
    // Ends the account's sessions but `keep` (a password changed through `keep`).
    void end_others(std::string_view account, std::string_view keep);

private:
    bool expired(const Session& session, core::Timestamp now) const;
    void drop_expired(core::Timestamp now);

    SessionLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<Session>> sessions_;
};

}  // namespace kitap::web
