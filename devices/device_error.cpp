#include "devices/device_error.hpp"

namespace kitap::devices {

std::string DeviceError::message() const {
    std::string text = subject + ": ";
    if (position != npos) text += "at " + std::to_string(position) + ": ";
    return text + reason;
}

}  // namespace kitap::devices
