#pragma once

#include "devices/keyboard/key_stroke.hpp"
#include "devices/scan_event.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kitap::devices {

struct WedgeOptions {
    // A scanner types a key every 1-10 ms; the quickest person needs 50 ms or more
    // between two keys. Keys closer than this belong to one burst.
    std::chrono::milliseconds max_key_gap{30};
    // A burst shorter than this is someone's fingers, however fast.
    std::size_t min_length = 4;
    // Longer bursts are no barcode (a stuck key, a paste).
    std::size_t max_length = 512;
};

// What one key (or the passing of time) decided.
struct WedgeOutput {
    std::optional<ScanEvent> scan;
    std::vector<KeyStroke> typed;  // keys a person typed, in order, for the window's text input

    bool empty() const { return !scan && typed.empty(); }
};

// Tells a keyboard-mode scanner from a person at the same keyboard. Keys are
// held back while they could still be a scan; a burst of at least min_length
// keys, each within max_key_gap of the one before, ended by Enter or Tab within
// the same gap, is a scan decoded from key codes with the US layout, so the
// active layout (Russian, Kazakh) does not matter. Everything else is released
// as typed keys, at most max_key_gap late. AIM identifiers become the symbology.
class WedgeDecoder {
public:
    explicit WedgeDecoder(WedgeOptions options = {}, std::string source = "wedge");

    WedgeOutput feed(const KeyStroke& key);
    // Releases held keys once their burst can no longer become a scan.
    WedgeOutput flush(Clock::time_point now);
    // When flush() next has something to release; nullopt when nothing is held.
    std::optional<Clock::time_point> flush_deadline() const;

private:
    bool burst_is_over(Clock::time_point now) const;
    bool burst_is_scan() const;
    std::optional<std::string> decode_burst() const;
    WedgeOutput release_held();

    WedgeOptions options_;
    std::string source_;
    std::vector<KeyStroke> held_;
};

}  // namespace kitap::devices
