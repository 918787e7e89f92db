#pragma once

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace kitap::testing {

// A fresh folder under the temporary directory, removed with everything in it
// unless $KITAP_KEEP_TEST_FILES is set (to look at the documents a test made).
class TempFolder {
public:
    TempFolder()
        : path_(std::filesystem::temp_directory_path() / ("kitap-print-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        if (std::getenv("KITAP_KEEP_TEST_FILES")) return;
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace kitap::testing
