#pragma once

#include "devices/camera/camera_pipeline.hpp"
#include "devices/camera/frame_reader.hpp"
#include "devices/camera/latest_frame_slot.hpp"
#include "devices/camera/preview_painter.hpp"
#include "devices/io/reconnect_options.hpp"
#include "devices/io/source_thread.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/scan_source.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kitap::devices {

struct CameraStats {
    std::uint64_t captured = 0;
    std::uint64_t decoded = 0;
    std::uint64_t dropped = 0;   // captured while the decoder was busy, never decoded
    double decode_ms_total = 0;  // wall-clock time spent decoding
    double decode_cpu_ms = 0;    // CPU time of the decoding thread: what the 30 fps budget is about
};

// `camera:N`, `camera:/dev/videoN` and `video:FILE|FOLDER`: a capture thread
// puts frames into a latest-frame slot (a recording paced at its frame rate),
// a worker decodes the newest one through the CameraPipeline and posts the
// accepted scans. Neither ever makes the UI thread wait. A webcam that stops
// delivering is `lost` and reopened; a recording at its end is `ended`.
class CameraSource final : public ScanSource {
public:
    using Opener = std::function<tl::expected<std::unique_ptr<FrameReader>, DeviceError>()>;

    // `is_webcam`: when it cannot be opened, keep trying (it may be plugged in
    // later); a recording that cannot be opened has failed for good.
    CameraSource(std::string name, Opener open, CameraPipeline pipeline, bool is_webcam,
                 ReconnectOptions reconnect = {});
    CameraSource(const CameraSource&) = delete;
    CameraSource& operator=(const CameraSource&) = delete;
    CameraSource(CameraSource&&) = delete;
    CameraSource& operator=(CameraSource&&) = delete;
    ~CameraSource() override { stop(); }  // two threads: the decoder must be joined too

    const std::string& name() const override { return name_; }
    void start(EventQueue& events) override;
    void stop() override;

    // The newest frame with the decoder's latest findings drawn on it (RGBA);
    // empty before the first frame.
    cv::Mat preview() const;
    CameraStats stats() const;

private:
    void capture(EventQueue& events, const StopSignal& stop);
    // Plays frames into the slot until the reader runs dry; false when stopped.
    bool play(FrameReader& reader, const StopSignal& stop);
    void decode_frames(EventQueue& events);
    void remember_overlays(const PipelineStep& step, double cpu_ms);

    std::string name_;
    Opener open_;
    CameraPipeline pipeline_;
    bool is_webcam_;  // used by the worker thread only
    ReconnectOptions reconnect_;
    LatestFrameSlot slot_;
    std::atomic<bool> recording_ended_{false};
    std::atomic<std::uint64_t> captured_{0};

    mutable std::mutex findings_mutex_;
    std::vector<PreviewOverlay> overlays_;
    Clock::time_point overlays_time_;
    std::uint64_t decoded_ = 0;
    double decode_ms_total_ = 0;
    double decode_cpu_ms_ = 0;

    SourceThread capture_thread_;
    std::thread decode_thread_;
};

}  // namespace kitap::devices
