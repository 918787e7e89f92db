#include "kiosk/cli/device_commands.hpp"

#include "devices/camera/camera_pipeline.hpp"
#include "devices/camera/frame_reader.hpp"
#include "devices/source_factory.hpp"
#include "devices/source_spec.hpp"
#include "kiosk/cli/cli_context.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/core/utils/logger.hpp>

#include <signal.h>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace kitap::cli {
namespace {

// Ordered: fields print in the order the commands document them.
using json = nlohmann::ordered_json;
namespace dev = kitap::devices;

// One JSON object per line, flushed at once so a pipe sees every scan as it
// happens. Scanned text is not always UTF-8 (a serial port at the wrong baud
// rate, binary QR codes): replace what is not, never throw.
void print_line(const json& line) {
    std::cout << line.dump(-1, ' ', false, json::error_handler_t::replace) << std::endl;
}

json nullable_symbology(dev::Symbology symbology) {
    return symbology == dev::Symbology::unknown ? json() : json(std::string(to_string(symbology)));
}

double rounded_ms(double ms) { return std::round(ms * 100) / 100; }

// OpenCV warns on stderr about every file it cannot read and camera it cannot
// open; the commands report those themselves, once and in JSON.
void quiet_opencv() { cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR); }

// --- listen -----------------------------------------------------------------

std::atomic<bool> interrupted{false};
void on_interrupt(int) { interrupted = true; }

// Ctrl+C and SIGTERM end the listening loop instead of the process, so the
// sources are stopped (and an evdev grab released) properly.
class InterruptGuard {
public:
    InterruptGuard() {
        interrupted = false;
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    InterruptGuard(InterruptGuard&&) = delete;
    InterruptGuard& operator=(InterruptGuard&&) = delete;
    ~InterruptGuard() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

json event_json(const dev::ScanEvent& scan) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(scan.time.time_since_epoch()).count();
    return {{"event", "scan"},
            {"source", scan.source},
            {"text", scan.text},
            {"symbology", nullable_symbology(scan.symbology)},
            {"time_ms", ms}};
}

json event_json(const dev::StatusEvent& status) {
    return {{"event", "status"},
            {"source", status.source},
            {"status", std::string(to_string(status.status))},
            {"detail", status.detail}};
}

json event_json(const dev::TypedKeys& typed) {
    return {{"event", "typed"}, {"source", typed.source}, {"keys", typed.keys.size()}};
}

std::vector<std::unique_ptr<dev::ScanSource>> make_sources(const std::vector<std::string>& specs,
                                                           const dev::DeviceOptions& options, bool& all_good) {
    std::vector<std::unique_ptr<dev::ScanSource>> sources;
    all_good = true;
    for (const auto& spec : specs) {
        const auto parsed = dev::parse_source_spec(spec);
        if (parsed && std::holds_alternative<dev::WedgeSpec>(*parsed)) {
            std::cerr << "kitap listen: wedge: keyboard-mode scanners type into the kiosk window; in a terminal "
                         "use evdev:auto (or evdev:/dev/input/eventN) for the same scanner\n";
            all_good = false;
            continue;
        }
        auto source = dev::make_source(spec, options);
        if (!source) {
            std::cerr << "kitap listen: " << source.error().message() << '\n';
            all_good = false;
            continue;
        }
        sources.push_back(std::move(*source));
    }
    return sources;
}

}  // namespace

int run_listen(const std::vector<std::string>& specs, const dev::DeviceOptions& options) {
    quiet_opencv();
    bool all_good = false;
    auto sources = make_sources(specs, options, all_good);
    if (!all_good || sources.empty()) return exit_bad_input;

    InterruptGuard guard;
    dev::EventQueue events;
    for (auto& source : sources) source->start(events);
    std::size_t finished = 0;  // each source ends or fails at most once
    bool failed = false;
    while (!interrupted && finished < sources.size()) {
        auto event = events.wait_next(std::chrono::milliseconds(100));
        if (!event) continue;
        std::visit([](const auto& e) { print_line(event_json(e)); }, *event);
        if (const auto* status = std::get_if<dev::StatusEvent>(&*event)) {
            if (status->status == dev::SourceStatus::ended || status->status == dev::SourceStatus::failed) ++finished;
            failed |= status->status == dev::SourceStatus::failed;
        }
    }
    for (auto& source : sources) source->stop();
    for (const auto& event : events.drain())  // whatever arrived while stopping
        std::visit([](const auto& e) { print_line(event_json(e)); }, event);
    return failed ? exit_fault : exit_done;
}

// --- decode -----------------------------------------------------------------

namespace {

tl::expected<std::vector<std::filesystem::path>, dev::DeviceError> images_of(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) return std::vector{path};
    return dev::list_images(path);
}

// False when the file is no image, or cannot be read at all.
bool decode_image(const dev::FrameDecoder& decoder, const std::filesystem::path& file) {
    const auto image = dev::read_image(file);
    if (!image) {
        std::cerr << "kitap decode: " << image.error().message() << '\n';
        return false;
    }
    if (image->empty()) {
        std::error_code error;
        const char* problem = std::filesystem::exists(file, error) ? "not an image" : "no such file";
        print_line(
            {{"file", file.string()}, {"text", nullptr}, {"format", nullptr}, {"ms", nullptr}, {"error", problem}});
        return false;
    }
    const auto result = decoder.decode(*image);
    print_line({{"file", file.string()},
                {"text", result.read ? json(result.read->text) : json()},
                {"format", result.read ? nullable_symbology(result.read->symbology) : json()},
                {"ms", rounded_ms(result.milliseconds)}});
    return true;
}

// The camera pipeline over every frame, in order, on the recording's own clock:
// frame n happens at n / fps, so confirmation and suppression behave as live.
bool decode_stream(const dev::FrameDecoder& decoder, const std::filesystem::path& path,
                   const dev::DeviceOptions& options) {
    auto recording = dev::open_recording(path, options.camera.folder_fps);
    if (!recording) {
        std::cerr << "kitap decode: " << recording.error().message() << '\n';
        return false;
    }
    dev::CameraPipeline pipeline(decoder, options.camera.confirmation);
    const auto frame_time = std::chrono::duration<double>(1.0 / (*recording)->fps());
    const dev::Clock::time_point start{};
    for (std::int64_t frame = 0;; ++frame) {
        const auto image = (*recording)->next();
        if (!image) return true;
        const auto time = start + std::chrono::duration_cast<dev::Clock::duration>(frame_time * frame);
        const auto step = pipeline.process(*image, time);
        if (step.accepted)
            print_line({{"file", path.string()},
                        {"frame", frame},
                        {"text", step.accepted->text},
                        {"format", nullable_symbology(step.accepted->symbology)}});
    }
}

}  // namespace

int run_decode(const std::vector<std::string>& paths, bool stream, const dev::DeviceOptions& options) {
    quiet_opencv();
    try {
        auto decoder = dev::FrameDecoder::make(options.camera.decoder);
        if (!decoder) {
            std::cerr << "kitap decode: " << decoder.error().message() << '\n';
            return exit_fault;
        }
        bool all_read = true;
        for (const auto& path : paths) {
            if (stream) {
                all_read &= decode_stream(*decoder, path, options);
                continue;
            }
            const auto files = images_of(path);
            if (!files || files->empty()) {
                std::cerr << "kitap decode: " << (files ? path + ": no images" : files.error().message()) << '\n';
                all_read = false;
                continue;
            }
            for (const auto& file : *files) all_read &= decode_image(*decoder, file);
        }
        return all_read ? exit_done : exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "kitap decode: " << e.what() << '\n';
        return exit_fault;
    }
}

}  // namespace kitap::cli
