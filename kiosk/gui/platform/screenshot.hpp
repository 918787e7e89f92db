#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kitap::kiosk {

// Reads the frame just rendered (the back buffer, before it is shown) and writes
// it as a PNG; false when it cannot be written.
bool write_framebuffer_png(const std::filesystem::path& path, int width, int height);

// Names screenshots NNNN-<screen>.png in one folder, numbered from 0001.
class ScreenshotNamer {
public:
    explicit ScreenshotNamer(std::filesystem::path folder) : folder_(std::move(folder)) {}
    std::filesystem::path next(std::string_view screen);

private:
    std::filesystem::path folder_;
    int count_ = 0;
};

}  // namespace kitap::kiosk
