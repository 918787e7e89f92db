// Bytes from a pipe or a serial port, cut into scanned lines by LineSplitter,
// against a model: the pieces between CR and LF, without the empty ones and
// those over the length limit (line noise at a wrong baud rate).
//
// Input: the length limit (1-64) and the read size (1-32), then the stream.
#include "devices/io/line_splitter.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>

namespace {

std::vector<std::string> expected_lines(std::string_view stream, std::size_t limit) {
    std::vector<std::string> lines;
    while (!stream.empty()) {
        const auto end = stream.find_first_of("\r\n");
        const auto line = stream.substr(0, end);
        if (!line.empty() && line.size() <= limit) lines.emplace_back(line);
        stream.remove_prefix(end == std::string_view::npos ? stream.size() : end + 1);
    }
    return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    if (size < 2) return 0;
    const std::size_t limit = 1 + data[0] % 64;
    const std::size_t read_size = 1 + data[1] % 32;
    const std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);
    devices::LineSplitter splitter(limit);
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < stream.size(); at += read_size) {
        auto more = splitter.feed(stream.substr(at, read_size));
        lines.insert(lines.end(), more.begin(), more.end());
    }
    if (auto last = splitter.finish()) lines.push_back(*last);
    fuzz::require(lines == expected_lines(stream, limit), "lines are the stream cut at CR and LF");
    return 0;
}
