#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace kitap::testing {

// A fresh folder, removed with everything in it when the test ends.
class TempDir {
public:
    TempDir()
        : path_(std::filesystem::temp_directory_path() /
                ("kitap-kiosk-test-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace kitap::testing
