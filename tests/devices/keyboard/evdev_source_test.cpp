#include "devices/keyboard/evdev_source.hpp"

#include "tests/devices/support/event_waiting.hpp"
#include "tests/devices/support/key_recording.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;
using Texts = std::vector<std::string>;

constexpr ReconnectOptions quick{std::chrono::milliseconds(20)};

// A scanner "plugged in" as a FIFO carrying its recorded events: unlinking the
// FIFO and closing it is the unplug, a new FIFO under the same name the replug.
class PluggedScanner {
public:
    explicit PluggedScanner(std::filesystem::path node) : node_(std::move(node)) {
        if (::mkfifo(node_.c_str(), 0600) != 0) throw std::runtime_error("mkfifo");
        fd_ = ::open(node_.c_str(), O_WRONLY);  // waits for the source to open its end
    }
    ~PluggedScanner() { unplug(); }

    // Writes in uneven chunks, as a pipe may deliver them.
    void type(std::string_view text) const {
        const auto bytes = as_bytes(scanner_events(text));
        for (std::size_t at = 0; at < bytes.size(); at += 50) {
            const auto chunk = std::string_view(bytes).substr(at, 50);
            ASSERT_EQ(::write(fd_, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
        }
    }
    void unplug() {
        if (fd_ < 0) return;
        ::unlink(node_.c_str());  // gone first, so the source cannot reopen it at once
        ::close(fd_);
        fd_ = -1;
    }

private:
    std::filesystem::path node_;
    int fd_ = -1;
};

TEST(EvdevSource, ReadsAScannerAndFindsItAgainAfterAnUnplug) {
    TempDir dir;
    const auto node = dir / "event7";
    EventQueue queue;
    EvdevSource source(
        "evdev:" + node.string(), [node] { return std::optional(node); }, quick);
    source.start(queue);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});

    auto scanner = std::make_unique<PluggedScanner>(node);
    auto events = take_until(queue, has_status(SourceStatus::connected));
    ASSERT_EQ(statuses(events), std::vector{SourceStatus::connected});
    // A FIFO cannot be grabbed; the source says so and reads it anyway.
    EXPECT_NE(std::get<StatusEvent>(events[0]).detail.find("not grabbed"), std::string::npos);
    scanner->type("]E09786010000018");
    scanner->type("20000014");
    events = take_until(queue, has_scans(2));
    EXPECT_EQ(scan_texts(events), (Texts{"9786010000018", "20000014"}));
    EXPECT_EQ(std::get<ScanEvent>(events[0]).symbology, Symbology::ean13);

    scanner->unplug();
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});

    scanner = std::make_unique<PluggedScanner>(node);
    take_until(queue, has_status(SourceStatus::connected));
    scanner->type("KTP-00017");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"KTP-00017"});
    source.stop();
}

TEST(EvdevSource, ReportsWhenNoScannerIsFound) {
    EventQueue queue;
    EvdevSource source(
        "evdev:auto", [] { return std::optional<std::filesystem::path>(); }, quick);
    source.start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::lost));
    ASSERT_EQ(statuses(events), std::vector{SourceStatus::lost});
    EXPECT_EQ(std::get<StatusEvent>(events[0]).detail, "no barcode scanner found");
}

}  // namespace
}  // namespace kitap::devices
