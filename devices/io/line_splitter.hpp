#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::devices {

// Cuts a byte stream (a pipe, a serial port) into lines ended by CR, LF or CRLF,
// as scanners send them. Empty lines are dropped; a line longer than the limit
// is no scan but line noise (a wrong baud rate), so it is dropped whole.
class LineSplitter {
public:
    explicit LineSplitter(std::size_t max_line_length = 4096);

    // The lines completed by these bytes, without their terminators.
    std::vector<std::string> feed(std::string_view bytes);
    // At the end of the input: the unterminated last line, if any.
    std::optional<std::string> finish();
    // After a disconnect: a half-received line is not a scan.
    void reset();

private:
    std::size_t max_line_length_;
    std::string line_;
    bool overlong_ = false;
};

}  // namespace kitap::devices
