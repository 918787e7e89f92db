#include "devices/io/status_reporter.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(StatusReporter, PostsEachChangeOnce) {
    EventQueue queue;
    StatusReporter status(queue, "evdev:auto");
    status.report(SourceStatus::lost, "no barcode scanner found");
    status.report(SourceStatus::lost, "no barcode scanner found");
    status.report(SourceStatus::connected);
    status.report(SourceStatus::connected);
    status.report(SourceStatus::lost, "disconnected");
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    const auto& first = std::get<StatusEvent>(events[0]);
    EXPECT_EQ(first.source, "evdev:auto");
    EXPECT_EQ(first.status, SourceStatus::lost);
    EXPECT_EQ(first.detail, "no barcode scanner found");
    EXPECT_EQ(std::get<StatusEvent>(events[2]).detail, "disconnected");
}

TEST(StatusReporter, PostsScansAsTheyCome) {
    EventQueue queue;
    StatusReporter status(queue, "pipe:-");
    status.post_scan({.text = "1", .source = "pipe:-"});
    status.post_scan({.text = "1", .source = "pipe:-"});
    EXPECT_EQ(queue.drain().size(), 2u);
}

}  // namespace
}  // namespace kitap::devices
