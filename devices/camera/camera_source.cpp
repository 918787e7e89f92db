#include "devices/camera/camera_source.hpp"

#include <time.h>

#include <algorithm>
#include <utility>

namespace kitap::devices {
namespace {

// Outlines older than this are no longer what is under the camera.
constexpr auto overlay_lifetime = std::chrono::milliseconds(500);

double thread_cpu_ms() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

}  // namespace

CameraSource::CameraSource(std::string name, Opener open, CameraPipeline pipeline, bool is_webcam,
                           ReconnectOptions reconnect)
    : name_(std::move(name)),
      open_(std::move(open)),
      pipeline_(std::move(pipeline)),
      is_webcam_(is_webcam),
      reconnect_(reconnect) {}

void CameraSource::start(EventQueue& events) {
    if (decode_thread_.joinable()) return;
    decode_thread_ = std::thread([this, &events] { decode_frames(events); });
    capture_thread_.start([this, &events](const StopSignal& stop) { capture(events, stop); });
}

void CameraSource::stop() {
    capture_thread_.stop();
    slot_.close();
    if (decode_thread_.joinable()) decode_thread_.join();
}

void CameraSource::capture(EventQueue& events, const StopSignal& stop) {
    StatusReporter status(events, name_);
    while (!stop.requested()) {
        auto reader = open_();
        if (!reader) {
            status.report(is_webcam_ ? SourceStatus::lost : SourceStatus::failed, reader.error().reason);
            if (!is_webcam_) break;
        } else {
            status.report(SourceStatus::connected);
            if (!play(**reader, stop)) break;
            if (!(*reader)->is_live()) {
                recording_ended_ = true;  // the worker reports `ended` after the last frame
                break;
            }
            status.report(SourceStatus::lost, "the camera stopped delivering frames");
        }
        if (stop.sleep_for(reconnect_.retry_interval)) break;
    }
    slot_.close();
}

bool CameraSource::play(FrameReader& reader, const StopSignal& stop) {
    const auto frame_time = std::chrono::duration<double>(1.0 / reader.fps());
    const auto started = Clock::now();
    for (std::uint64_t frame_number = 1;; ++frame_number) {
        if (stop.requested()) return false;
        auto frame = reader.next();
        if (!frame) return true;
        slot_.put(std::move(*frame), Clock::now());
        ++captured_;
        if (reader.is_live()) continue;  // a webcam's read() already waits for the next frame
        const auto due = started + std::chrono::duration_cast<Clock::duration>(frame_time * frame_number);
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now());
        if (wait.count() > 0 && stop.sleep_for(wait)) return false;
    }
}

void CameraSource::decode_frames(EventQueue& events) {
    std::uint64_t last_sequence = 0;
    for (;;) {
        auto frame = slot_.wait_newer(last_sequence, std::chrono::milliseconds(200));
        if (!frame) {
            if (!slot_.closed()) continue;
            if (recording_ended_)
                events.post(
                    StatusEvent{.source = name_, .status = SourceStatus::ended, .detail = {}, .time = Clock::now()});
            return;
        }
        last_sequence = frame->sequence;
        const double cpu_before = thread_cpu_ms();
        const auto step = pipeline_.process(frame->image, frame->captured);
        remember_overlays(step, thread_cpu_ms() - cpu_before);
        if (step.accepted)
            events.post(ScanEvent{.text = step.accepted->text,
                                  .symbology = step.accepted->symbology,
                                  .source = name_,
                                  .time = Clock::now()});
    }
}

void CameraSource::remember_overlays(const PipelineStep& step, double cpu_ms) {
    std::vector<PreviewOverlay> overlays;
    if (const auto& read = step.decode.read) {
        const auto kind = step.fate == ReadFate::waiting ? OutlineKind::unconfirmed : OutlineKind::accepted;
        overlays.push_back({read->outline, kind, read->text});
    }
    for (const auto& rejected : step.decode.rejected)
        overlays.push_back({rejected.outline, OutlineKind::rejected, rejected.text});
    std::lock_guard lock(findings_mutex_);
    overlays_ = std::move(overlays);
    overlays_time_ = Clock::now();
    ++decoded_;
    decode_ms_total_ += step.decode.milliseconds;
    decode_cpu_ms_ += cpu_ms;
}

cv::Mat CameraSource::preview() const {
    const auto frame = slot_.latest();
    if (!frame) return {};
    std::vector<PreviewOverlay> overlays;
    {
        std::lock_guard lock(findings_mutex_);
        if (Clock::now() - overlays_time_ < overlay_lifetime) overlays = overlays_;
    }
    return paint_preview(frame->image, overlays);
}

CameraStats CameraSource::stats() const {
    std::lock_guard lock(findings_mutex_);
    return {.captured = captured_,
            .decoded = decoded_,
            .dropped = slot_.dropped(),
            .decode_ms_total = decode_ms_total_,
            .decode_cpu_ms = decode_cpu_ms_};
}

}  // namespace kitap::devices
