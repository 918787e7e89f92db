// A scanner's evdev stream (`struct input_event`s from its /dev/input node, an
// `events:` recording or a pipe), through InputEventStream and EvdevDecoder.
// Input: the raw bytes of the stream, as tests/devices/data/scanner_session.events.
#include "devices/keyboard/evdev_decoder.hpp"
#include "devices/keyboard/input_event_stream.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

using namespace kitap;

constexpr std::size_t max_length = 32;  // small, for the fuzzer to reach it

std::vector<devices::ScanEvent> decode(devices::EvdevDecoder& decoder, const std::vector<input_event>& events) {
    std::vector<devices::ScanEvent> scans;
    for (const auto& event : events)
        if (auto scan = decoder.feed(event, devices::Clock::time_point{})) scans.push_back(std::move(*scan));
    return scans;
}

bool same_events(const std::vector<input_event>& a, const std::vector<input_event>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(input_event)) == 0);
}

bool same_scans(const std::vector<devices::ScanEvent>& a, const std::vector<devices::ScanEvent>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto& x, const auto& y) { return x.text == y.text && x.symbology == y.symbology; });
}

void check_scan(const devices::ScanEvent& scan) {
    fuzz::require(!scan.text.empty() && scan.text.size() <= max_length, "a scan has 1 to max_length characters",
                  std::to_string(scan.text.size()));
    for (const char c : scan.text) fuzz::require(c >= 0x20 && c <= 0x7e, "a scan has no control characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto events = devices::InputEventStream().feed(bytes);
    fuzz::require(events.size() == size / sizeof(input_event), "every whole event is read");

    // A pipe hands the same stream over in pieces of any size.
    devices::InputEventStream pieces;
    std::vector<input_event> reassembled;
    const std::size_t piece = 1 + size % (2 * sizeof(input_event));
    for (std::size_t at = 0; at < size; at += piece) {
        const auto more = pieces.feed(bytes.substr(at, piece));
        reassembled.insert(reassembled.end(), more.begin(), more.end());
    }
    fuzz::require(same_events(events, reassembled), "events read in pieces are the events read whole");

    devices::EvdevDecoder decoder("events:fuzz", max_length);
    const auto scans = decode(decoder, events);
    for (const auto& scan : scans) check_scan(scan);
    // After an unplug, the decoder starts afresh: the same stream gives the same scans.
    decoder.reset();
    fuzz::require(same_scans(scans, decode(decoder, events)), "a reset decoder remembers nothing");
    return 0;
}
