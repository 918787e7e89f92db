#pragma once

#include <filesystem>
#include <string>

namespace kitap::testing {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it when the
// test ends, unless $KITAP_KEEP_TEST_FILES is set (to look at what a test made).
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace kitap::testing
