#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace kitap::testing {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kitap-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    path_ = pattern;
}

TempDir::~TempDir() {
    if (std::getenv("KITAP_KEEP_TEST_FILES")) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace kitap::testing
