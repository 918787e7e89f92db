#pragma once

#include "core/calendar.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// Someone holding printed cards up to the kiosk one after another, to see whose
// books and name come up, opens session after session and lends nothing. Pupils'
// self-service refuses the fourth card in a row that opened a session and did
// nothing (no loan, no return) within a minute, and then refuses every scan for a
// minute. A pupil who forgot something and scans again, or friends taking turns
// and borrowing, never meet it. Kept in the station's memory: the station is the
// kiosk, and only the librarian restarts it.
class CardThrottle {
public:
    struct Limits {
        int idle_cards = 3;               // sessions in a row that did nothing ...
        std::chrono::seconds window{60};  // ... opened within this long before the next card
        std::chrono::seconds pause{60};   // self-service closed after the refused card
    };

    CardThrottle() = default;
    explicit CardThrottle(Limits limits) : limits_(limits) {}

    // While paused, when self-service opens again.
    std::optional<Timestamp> paused_until(Timestamp now) const;
    // Whether a card at `now` would be one idle session too many.
    bool refuses_card(Timestamp now);
    // Starts the pause for the card refused at `now`; returns the cards of the run,
    // the refused one last, for the audit log.
    std::vector<std::string> pause(const std::string& refused_card, Timestamp now);

    void session_opened(const std::string& card, Timestamp at);
    // The open session lent or took back something: the run is broken.
    void session_used();

private:
    struct IdleSession {
        std::string card;
        Timestamp opened;
    };

    Limits limits_;
    std::vector<IdleSession> run_;  // sessions in a row that did nothing, oldest first
    std::optional<Timestamp> paused_until_;
};

}  // namespace kitap::core
