#pragma once

#include <linux/input.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace kitap::devices {

// Reassembles `struct input_event`s from bytes: an evdev node always returns
// whole events, but a pipe or a recording read in chunks may split one.
class InputEventStream {
public:
    std::vector<input_event> feed(std::string_view bytes);
    void reset() { partial_.clear(); }

private:
    std::vector<char> partial_;
};

}  // namespace kitap::devices
