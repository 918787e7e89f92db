#pragma once

#include "devices/clock.hpp"
#include "devices/symbology.hpp"

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace kitap::devices {

struct ConfirmationOptions {
    // Identical valid reads needed before a code is accepted: one for codes whose
    // check digit or error correction vouches for them, two for the others
    // (Codabar, Code 39, ITF), whose misreads are otherwise valid-looking.
    int reads_with_check = 1;
    int reads_without_check = 2;
    std::chrono::milliseconds window{1500};  // the reads must fall within this
    // An accepted code is ignored until it has been out of view this long, so a
    // book held under the camera is one scan, not thirty.
    std::chrono::milliseconds out_of_view{1000};
};

struct ConfirmedCode {
    std::string text;
    Symbology symbology = Symbology::unknown;
};

enum class ReadFate {
    none,      // no read in this frame
    waiting,   // valid, not yet confirmed by enough identical reads
    accepted,  // confirmed now: report it
    repeated,  // accepted before and not yet out of view: ignore it
};

// Turns a stream of per-frame valid reads into accepted scans.
class ReadConfirmer {
public:
    explicit ReadConfirmer(ConfirmationOptions options = {});

    // One frame's valid read (nullopt when the frame had none) at `time`.
    ReadFate observe(const std::optional<ConfirmedCode>& read, Clock::time_point time);

private:
    using Key = std::pair<Symbology, std::string>;

    void forget_old(Clock::time_point time);
    int reads_needed(Symbology symbology) const;

    ConfirmationOptions options_;
    std::map<Key, std::deque<Clock::time_point>> pending_;  // reads not yet confirmed
    std::map<Key, Clock::time_point> suppressed_;           // accepted, last seen at
};

}  // namespace kitap::devices
