#include "core/circulation/card_throttle.hpp"

namespace kitap::core {

std::optional<Timestamp> CardThrottle::paused_until(Timestamp now) const {
    if (paused_until_ && now < *paused_until_) return paused_until_;
    return std::nullopt;
}

bool CardThrottle::refuses_card(Timestamp now) {
    std::erase_if(run_, [&](const IdleSession& session) { return now - session.opened >= limits_.window; });
    return static_cast<int>(run_.size()) >= limits_.idle_cards;
}

std::vector<std::string> CardThrottle::pause(const std::string& refused_card, Timestamp now) {
    std::vector<std::string> cards;
    for (const auto& session : run_) cards.push_back(session.card);
    cards.push_back(refused_card);
    run_.clear();
    paused_until_ = now + limits_.pause;
    return cards;
}

void CardThrottle::session_opened(const std::string& card, Timestamp at) { run_.push_back({card, at}); }

void CardThrottle::session_used() { run_.clear(); }

}  // namespace kitap::core
