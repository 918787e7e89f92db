#include "devices/io/status_reporter.hpp"

#include <utility>

namespace kitap::devices {

StatusReporter::StatusReporter(EventQueue& events, std::string source) : events_(events), source_(std::move(source)) {}

void StatusReporter::report(SourceStatus status, std::string detail) {
    if (last_ == status) return;
    last_ = status;
    events_.post(StatusEvent{.source = source_, .status = status, .detail = std::move(detail), .time = Clock::now()});
}

void StatusReporter::post_scan(ScanEvent scan) { events_.post(std::move(scan)); }

}  // namespace kitap::devices
