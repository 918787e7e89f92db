#include "devices/source_factory.hpp"

#include "devices/camera/camera_source.hpp"
#include "devices/io/pipe_source.hpp"
#include "devices/io/serial_source.hpp"
#include "devices/keyboard/evdev_source.hpp"
#include "devices/keyboard/event_file_source.hpp"
#include "devices/keyboard/scanner_discovery.hpp"
#include "devices/keyboard/wedge_source.hpp"
#include "devices/source_spec.hpp"

namespace kitap::devices {
namespace {

using Made = tl::expected<std::unique_ptr<ScanSource>, DeviceError>;

struct SourceMaker {
    std::string name;
    const DeviceOptions& options;

    Made operator()(const WedgeSpec&) const { return std::make_unique<WedgeSource>(options.wedge, name); }
    Made operator()(const PipeSpec& spec) const {
        return std::make_unique<PipeSource>(name, spec.path, options.reconnect);
    }
    Made operator()(const EventsSpec& spec) const {
        return std::make_unique<EventFileSource>(name, spec.path, options.reconnect);
    }
    Made operator()(const SerialSpec& spec) const {
        return std::make_unique<SerialSource>(name, spec.path, *baud_constant(spec.baud), options.reconnect);
    }
    Made operator()(const EvdevSpec& spec) const {
        EvdevSource::Locator locate = [] { return find_barcode_scanner(); };
        if (!spec.path.empty())
            locate = [path = std::filesystem::path(spec.path)] { return std::optional<std::filesystem::path>(path); };
        return std::make_unique<EvdevSource>(name, std::move(locate), options.reconnect);
    }
    Made operator()(const CameraSpec& spec) const {
        return camera([spec, settings = options.camera.camera] { return open_camera(spec.index, spec.path, settings); },
                      true);
    }
    Made operator()(const VideoSpec& spec) const {
        return camera([spec, fps = options.camera.folder_fps] { return open_recording(spec.path, fps); }, false);
    }

    Made camera(CameraSource::Opener open, bool is_webcam) const {
        auto decoder = FrameDecoder::make(options.camera.decoder);
        if (!decoder) return tl::unexpected(decoder.error());
        CameraPipeline pipeline(std::move(*decoder), options.camera.confirmation);
        return std::make_unique<CameraSource>(name, std::move(open), std::move(pipeline), is_webcam, options.reconnect);
    }
};

}  // namespace

tl::expected<std::unique_ptr<ScanSource>, DeviceError> make_source(std::string_view spec,
                                                                   const DeviceOptions& options) {
    auto parsed = parse_source_spec(spec);
    if (!parsed) return tl::unexpected(parsed.error());
    return std::visit(SourceMaker{std::string(spec), options}, *parsed);
}

}  // namespace kitap::devices
