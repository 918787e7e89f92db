#pragma once

#include <cstddef>
#include <string>

namespace kitap::devices {

// Something a person wrote that devices cannot use: a source spec or an option.
// Returned as a value; nothing in kitap::devices throws it.
struct DeviceError {
    std::string subject;          // the spec ("serial:/dev/ttyACM0@9601") or option ("patterns.code128")
    std::size_t position = npos;  // 0-based offset into subject, npos when not about one place
    std::string reason;           // "unsupported baud rate 9601"

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // "serial:/dev/ttyACM0@9601: at 20: unsupported baud rate 9601"
    std::string message() const;
};

}  // namespace kitap::devices
