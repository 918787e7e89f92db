#include "devices/camera/latest_frame_slot.hpp"

#include <utility>

namespace kitap::devices {

void LatestFrameSlot::put(cv::Mat image, Clock::time_point captured) {
    {
        std::lock_guard lock(mutex_);
        const std::uint64_t sequence = frame_ ? frame_->sequence + 1 : 1;
        if (frame_ && frame_->sequence > taken_sequence_) ++dropped_;
        frame_ = CapturedFrame{std::move(image), sequence, captured};
    }
    changed_.notify_all();
}

std::optional<CapturedFrame> LatestFrameSlot::wait_newer(std::uint64_t after_sequence,
                                                         std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const auto newer = [&] { return frame_ && frame_->sequence > after_sequence; };
    changed_.wait_for(lock, timeout, [&] { return newer() || closed_; });
    if (!newer()) return std::nullopt;
    taken_sequence_ = frame_->sequence;
    return frame_;
}

std::optional<CapturedFrame> LatestFrameSlot::latest() const {
    std::lock_guard lock(mutex_);
    return frame_;
}

void LatestFrameSlot::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

bool LatestFrameSlot::closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

std::uint64_t LatestFrameSlot::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

}  // namespace kitap::devices
