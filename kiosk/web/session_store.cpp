#include "kiosk/web/session_store.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace kitap::web {

std::string random_token() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("OpenSSL's random generator failed");
    constexpr std::string_view hex = "0123456789abcdef";
    std::string token;
    for (const auto byte : bytes) {
        token += hex[byte >> 4];
        token += hex[byte & 0x0f];
    }
    return token;
}

bool same_secret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::shared_ptr<Session> SessionStore::start(core::Account account, std::size_t library_slot, core::Timestamp now) {
    auto session = std::make_shared<Session>(Session{.id = random_token(),
                                                     .csrf = random_token(),
                                                     .account = std::move(account),
                                                     .started = now,
                                                     .last_seen = now,
                                                     .library_slot = library_slot,
                                                     .stations = {}});
    const std::scoped_lock lock(mutex_);
    drop_expired(now);  // so sessions nobody logs out of do not pile up
    sessions_.emplace(session->id, session);
    return session;
}

std::shared_ptr<Session> SessionStore::find(std::string_view id, core::Timestamp now) {
    const std::scoped_lock lock(mutex_);
    const auto found = sessions_.find(std::string(id));
    if (found == sessions_.end()) return nullptr;
    if (expired(*found->second, now)) {
        sessions_.erase(found);
        return nullptr;
    }
    found->second->last_seen = now;
    return found->second;
}

void SessionStore::end(std::string_view id) {
    const std::scoped_lock lock(mutex_);
    sessions_.erase(std::string(id));
}

void SessionStore::end_others(std::string_view account, std::string_view keep) {
    const std::scoped_lock lock(mutex_);
    std::erase_if(sessions_,
                  [&](const auto& entry) { return entry.second->account.name == account && entry.first != keep; });
}

bool SessionStore::expired(const Session& session, core::Timestamp now) const {
    return now - session.last_seen >= limits_.idle || now - session.started >= limits_.total;
}

void SessionStore::drop_expired(core::Timestamp now) {
    std::erase_if(sessions_, [&](const auto& entry) { return expired(*entry.second, now); });
}

}  // namespace kitap::web
