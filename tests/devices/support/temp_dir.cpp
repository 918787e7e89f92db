#include "tests/devices/support/temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace kitap::devices::testing {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kitap-devices-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace kitap::devices::testing
