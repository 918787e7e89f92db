#pragma once

#include "devices/clock.hpp"

#include <opencv2/core.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace kitap::devices {

struct CapturedFrame {
    cv::Mat image;
    std::uint64_t sequence = 0;  // 1, 2, 3... in capture order
    Clock::time_point captured;
};

// Holds only the newest captured frame. The decoder takes the latest one when it
// is ready for more; frames it had no time for are dropped, never queued, so the
// kiosk always decodes what is under the camera now.
class LatestFrameSlot {
public:
    // The image must not be written to afterwards (capture into a fresh cv::Mat).
    void put(cv::Mat image, Clock::time_point captured);

    // The newest frame after `after_sequence`, waiting up to `timeout`; nullopt on
    // timeout or once closed with nothing newer left.
    std::optional<CapturedFrame> wait_newer(std::uint64_t after_sequence, std::chrono::milliseconds timeout);
    // The newest frame, for the preview; never waits.
    std::optional<CapturedFrame> latest() const;

    // No more frames will come: wakes the waiting decoder.
    void close();
    bool closed() const;
    // Frames replaced before anyone took them.
    std::uint64_t dropped() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<CapturedFrame> frame_;
    std::uint64_t taken_sequence_ = 0;
    std::uint64_t dropped_ = 0;
    bool closed_ = false;
};

}  // namespace kitap::devices
