#include "devices/scan_event.hpp"

namespace kitap::devices {

std::string_view to_string(SourceStatus status) {
    switch (status) {
        case SourceStatus::connected:
            return "connected";
        case SourceStatus::lost:
            return "lost";
        case SourceStatus::ended:
            return "ended";
        case SourceStatus::failed:
            return "failed";
    }
    return "failed";
}

}  // namespace kitap::devices
