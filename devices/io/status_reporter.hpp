#pragma once

#include "devices/event_queue.hpp"

#include <optional>
#include <string>

namespace kitap::devices {

// Posts a source's status changes, each once: a scanner that stays unplugged for
// an hour is one `lost`, not one per retry.
class StatusReporter {
public:
    StatusReporter(EventQueue& events, std::string source);

    void report(SourceStatus status, std::string detail = {});
    void post_scan(ScanEvent scan);
    const std::string& source() const { return source_; }

private:
    EventQueue& events_;
    std::string source_;
    std::optional<SourceStatus> last_;
};

}  // namespace kitap::devices
