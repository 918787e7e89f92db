#include "devices/keyboard/wedge_decoder.hpp"

#include "devices/aim_identifier.hpp"
#include "devices/keyboard/us_keymap.hpp"

#include <utility>

namespace kitap::devices {

WedgeDecoder::WedgeDecoder(WedgeOptions options, std::string source) : options_(options), source_(std::move(source)) {}

WedgeOutput WedgeDecoder::feed(const KeyStroke& key) {
    // Shift and friends arrive as keys of their own in some windows; they are not part of any burst.
    if (is_modifier_key(key.key_code)) return {};
    WedgeOutput output = burst_is_over(key.time) ? release_held() : WedgeOutput{};
    if (!is_line_terminator(key.key_code) || key.control) {  // Ctrl+Enter is no scanner's
        held_.push_back(key);
        if (held_.size() > options_.max_length) {
            auto typed = release_held().typed;
            output.typed.insert(output.typed.end(), typed.begin(), typed.end());
        }
        return output;
    }
    if (burst_is_scan()) {
        if (auto text = decode_burst()) {
            // A burst of only an AIM identifier is a scanner's too, but no code.
            output.scan = scan_from_line(*text, source_, key.time);
            held_.clear();
            return output;
        }
    }
    auto typed = release_held().typed;
    output.typed.insert(output.typed.end(), typed.begin(), typed.end());
    output.typed.push_back(key);
    return output;
}

WedgeOutput WedgeDecoder::flush(Clock::time_point now) { return burst_is_over(now) ? release_held() : WedgeOutput{}; }

std::optional<Clock::time_point> WedgeDecoder::flush_deadline() const {
    if (held_.empty()) return std::nullopt;
    return held_.back().time + options_.max_key_gap;
}

bool WedgeDecoder::burst_is_over(Clock::time_point now) const {
    return !held_.empty() && now - held_.back().time > options_.max_key_gap;
}

// Held keys are one burst by construction (a longer gap releases them), so only
// the length decides. A terminator arriving after the gap finds nothing held.
bool WedgeDecoder::burst_is_scan() const { return held_.size() >= options_.min_length; }

std::optional<std::string> WedgeDecoder::decode_burst() const {
    std::string text;
    for (const auto& key : held_) {
        const auto character = key.control ? std::nullopt : us_character(key.key_code, key.shift);
        if (!character) return std::nullopt;  // F-keys, Ctrl+C...: a person, or garbage
        text += *character;
    }
    return text;
}

WedgeOutput WedgeDecoder::release_held() {
    WedgeOutput output;
    output.typed = std::move(held_);
    held_.clear();
    return output;
}

}  // namespace kitap::devices
