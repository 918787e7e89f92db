#pragma once

#include "devices/event_queue.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kitap::devices::testing {

// Takes events from the queue until `done` says so (given everything taken so
// far) or `timeout` passes; returns what was taken.
inline std::vector<DeviceEvent> take_until(EventQueue& queue,
                                           const std::function<bool(const std::vector<DeviceEvent>&)>& done,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::vector<DeviceEvent> taken;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done(taken) && std::chrono::steady_clock::now() < deadline)
        if (auto event = queue.wait_next(std::chrono::milliseconds(20))) taken.push_back(std::move(*event));
    return taken;
}

inline std::vector<std::string> scan_texts(const std::vector<DeviceEvent>& events) {
    std::vector<std::string> texts;
    for (const auto& event : events)
        if (const auto* scan = std::get_if<ScanEvent>(&event)) texts.push_back(scan->text);
    return texts;
}

inline std::vector<SourceStatus> statuses(const std::vector<DeviceEvent>& events) {
    std::vector<SourceStatus> found;
    for (const auto& event : events)
        if (const auto* status = std::get_if<StatusEvent>(&event)) found.push_back(status->status);
    return found;
}

// Predicates for take_until.
inline auto has_scans(std::size_t count) {
    return [count](const std::vector<DeviceEvent>& events) { return scan_texts(events).size() >= count; };
}
inline auto has_status(SourceStatus wanted, std::size_t count = 1) {
    return [wanted, count](const std::vector<DeviceEvent>& events) {
        std::size_t seen = 0;
        for (const auto status : statuses(events)) seen += status == wanted;
        return seen >= count;
    };
}

}  // namespace kitap::devices::testing
