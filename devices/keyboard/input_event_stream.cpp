#include "devices/keyboard/input_event_stream.hpp"

#include <cstring>

namespace kitap::devices {

std::vector<input_event> InputEventStream::feed(std::string_view bytes) {
    partial_.insert(partial_.end(), bytes.begin(), bytes.end());
    const std::size_t whole = partial_.size() / sizeof(input_event);
    std::vector<input_event> events(whole);
    if (whole > 0) std::memcpy(events.data(), partial_.data(), whole * sizeof(input_event));
    partial_.erase(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(whole * sizeof(input_event)));
    return events;
}

}  // namespace kitap::devices
