// A scanned line from any source (pipe, serial, keyboard burst), split into its
// AIM symbology identifier ("]E0", "]C1") and the data.
#include "devices/aim_identifier.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto split = devices::split_aim_identifier(line);
    fuzz::require(split.data.data() + split.data.size() == line.data() + line.size(),
                  "the data is the end of the line");
    const std::size_t removed = line.size() - split.data.size();
    fuzz::require(removed == 0 || (removed == 3 && line.front() == ']'),
                  "only a three-character identifier starting with ']' is removed");
    fuzz::require(removed == 3 || split.symbology == devices::Symbology::unknown,
                  "a line without identifier has no symbology");
    const auto scan = devices::scan_from_line(line, "pipe:fuzz", devices::Clock::time_point{});
    fuzz::require(scan.has_value() != split.data.empty(), "a line makes a scan exactly when it has data");
    fuzz::require(!scan || (scan->text == split.data && scan->symbology == split.symbology),
                  "a scan is its line, split");
    return 0;
}
