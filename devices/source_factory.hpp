#pragma once

#include "devices/device_error.hpp"
#include "devices/device_options.hpp"
#include "devices/scan_source.hpp"

#include <tl/expected.hpp>

#include <memory>
#include <string_view>

namespace kitap::devices {

// The source a spec string names (see parse_source_spec), not yet started.
// `wedge` yields a WedgeSource the window feeds; `camera:`/`video:` a
// CameraSource with a preview. Errors: a bad spec, or camera options that
// cannot work (a bad validation pattern).
tl::expected<std::unique_ptr<ScanSource>, DeviceError> make_source(std::string_view spec,
                                                                   const DeviceOptions& options = {});

}  // namespace kitap::devices
