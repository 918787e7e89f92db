// Key presses as the kiosk window sees them, through the wedge decoder that
// tells a keyboard-mode scanner from a person. Checked against a model of its
// promise: every key comes out once and in order, either typed or as part of a
// scan, and a scan is a burst of US-layout characters ended by Enter or Tab.
//
// Input: three option bytes (max key gap 1-100 ms, min length 1-16, max length
// 1-64), then three bytes per key: Linux key code; flags (1 shift, 2 Ctrl/Alt,
// 4 flush the decoder's timer first); time since the previous key in 0.5 ms.
#include "devices/aim_identifier.hpp"
#include "devices/keyboard/us_keymap.hpp"
#include "devices/keyboard/wedge_decoder.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>

namespace {

using namespace kitap;
using namespace std::chrono_literals;

bool same_key(const devices::KeyStroke& a, const devices::KeyStroke& b) {
    return a.key_code == b.key_code && a.shift == b.shift && a.control == b.control && a.time == b.time;
}

bool printable(std::string_view text) {
    for (const char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

// The keys fed and not yet out of the decoder, and what may come out next.
class WedgeModel {
public:
    explicit WedgeModel(const devices::WedgeOptions& options) : options_(options) {}

    void fed(const devices::KeyStroke& key) {
        if (!devices::is_modifier_key(key.key_code)) pending_.push_back(key);
    }

    void check(const devices::WedgeOutput& output) {
        for (const auto& key : output.typed) {
            fuzz::require(!pending_.empty() && same_key(pending_.front(), key), "typed keys come out once, in order");
            pending_.pop_front();
        }
        // The decoder typed out every terminator it did not take for a scan.
        if (output.scan || ends_with_terminator()) check_burst(output.scan);
    }

    bool empty() const { return pending_.empty(); }

private:
    bool ends_with_terminator() const {
        return !pending_.empty() && devices::is_line_terminator(pending_.back().key_code) && !pending_.back().control;
    }

    // A burst taken by the decoder: every key still held and the terminator just
    // fed. It is a scan, or (with no scan) only an AIM identifier.
    void check_burst(const std::optional<devices::ScanEvent>& scan) {
        fuzz::require(ends_with_terminator(), "a scan ends with Enter or Tab");
        const std::size_t burst = pending_.size() - 1;
        fuzz::require(burst >= options_.min_length && burst <= options_.max_length,
                      "a scan is a burst of allowed length", std::to_string(burst));
        std::string text;
        for (std::size_t i = 0; i < burst; ++i) {
            const auto& key = pending_[i];
            fuzz::require(pending_[i + 1].time - key.time <= options_.max_key_gap, "a scan's keys are a burst");
            const auto character = key.control ? std::nullopt : devices::us_character(key.key_code, key.shift);
            fuzz::require(character.has_value(), "a scan's keys all type a character");
            text += *character;
        }
        const auto split = devices::split_aim_identifier(text);
        pending_.clear();
        if (!scan) {
            fuzz::require(split.data.empty(), "a burst without a scan is only an AIM identifier", text);
            return;
        }
        fuzz::require(scan->text == split.data && scan->symbology == split.symbology,
                      "a scan is its keys' US-layout text, AIM identifier read", scan->text + " vs " + text);
        fuzz::require(!scan->text.empty() && printable(scan->text), "a scan has text and no control characters");
    }

    devices::WedgeOptions options_;
    std::deque<devices::KeyStroke> pending_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const devices::WedgeOptions options{.max_key_gap = std::chrono::milliseconds(1 + data[0] % 100),
                                        .min_length = 1u + data[1] % 16u,
                                        .max_length = 1u + data[2] % 64u};
    devices::WedgeDecoder decoder(options);
    WedgeModel model(options);
    devices::Clock::time_point now{};
    for (std::size_t at = 3; at + 3 <= size; at += 3) {
        const auto flags = data[at + 1];
        now += data[at + 2] * 500us;
        if (flags & 4) model.check(decoder.flush(now));
        const devices::KeyStroke key{.key_code = data[at],
                                     .shift = (flags & 1) != 0,
                                     .control = (flags & 2) != 0,
                                     .character = data[at],
                                     .time = now};
        model.fed(key);
        model.check(decoder.feed(key));
    }
    const auto deadline = decoder.flush_deadline();
    fuzz::require(deadline.has_value() != model.empty(), "a flush is due exactly when keys are held");
    if (!deadline) return 0;
    fuzz::require(decoder.flush(*deadline).empty(), "held keys wait until the burst can no longer be a scan");
    model.check(decoder.flush(*deadline + 1ns));
    fuzz::require(model.empty() && !decoder.flush_deadline(), "a flush after the deadline releases every held key");
    return 0;
}
