#include "devices/io/serial_source.hpp"

#include "tests/devices/support/event_waiting.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;
using Texts = std::vector<std::string>;

constexpr ReconnectOptions quick{std::chrono::milliseconds(20)};

// The scanner's end of a pseudo-terminal pair: what it writes, the source reads
// from the slave side as from a USB-CDC port.
class FakeScanner {
public:
    FakeScanner() : master_(::posix_openpt(O_RDWR | O_NOCTTY)) {
        if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) throw std::runtime_error("openpt");
        port_ = ::ptsname(master_);
    }
    ~FakeScanner() { unplug(); }

    const std::string& port() const { return port_; }
    void send(std::string_view bytes) const {
        ASSERT_EQ(::write(master_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }
    void unplug() {
        if (master_ >= 0) ::close(master_);
        master_ = -1;
    }

private:
    int master_;
    std::string port_;
};

TEST(SerialSource, ReadsLinesFromARawPort) {
    FakeScanner scanner;
    EventQueue queue;
    SerialSource source("serial:" + scanner.port(), scanner.port(), *baud_constant(9600), quick);
    source.start(queue);
    take_until(queue, has_status(SourceStatus::connected));
    // Raw mode: a CR-terminated code arrives as it was sent, with no CR->LF or echo games.
    scanner.send("]C1KTP-00017\r");
    scanner.send("9786010");
    scanner.send("000018\r\n");
    const auto events = take_until(queue, has_scans(2));
    EXPECT_EQ(scan_texts(events), (Texts{"KTP-00017", "9786010000018"}));
    EXPECT_EQ(std::get<ScanEvent>(events[0]).symbology, Symbology::code128);
}

TEST(SerialSource, ReportsTheUnplugAndReconnectsThroughTheSameName) {
    TempDir dir;
    const auto link = dir / "scanner";  // as /dev/serial/by-id/... links do across replugs
    auto first = std::make_unique<FakeScanner>();
    std::filesystem::create_symlink(first->port(), link);
    EventQueue queue;
    SerialSource source("serial", link, *baud_constant(115200), quick);
    source.start(queue);
    take_until(queue, has_status(SourceStatus::connected));
    first->send("1111\n");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"1111"});

    first->send("half a co");  // unplugged mid-code: the half must not become a scan
    first->unplug();
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});

    FakeScanner second;
    std::filesystem::remove(link);
    std::filesystem::create_symlink(second.port(), link);
    take_until(queue, has_status(SourceStatus::connected));
    second.send("2222\n");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"2222"});
}

TEST(SerialSource, FailsOnAFileThatIsNoSerialPort) {
    TempDir dir;
    {
        std::FILE* file = std::fopen((dir / "plain").c_str(), "w");
        std::fclose(file);
    }
    EventQueue queue;
    SerialSource source("serial", dir / "plain", *baud_constant(9600), quick);
    source.start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::failed));
    ASSERT_EQ(statuses(events), std::vector{SourceStatus::failed});
    EXPECT_EQ(std::get<StatusEvent>(events[0]).detail, "not a serial port");
}

TEST(SerialSource, KnowsTheUsualBaudRates) {
    EXPECT_EQ(baud_constant(9600), B9600);
    EXPECT_EQ(baud_constant(115200), B115200);
    EXPECT_EQ(baud_constant(9601), std::nullopt);
    EXPECT_EQ(baud_constant(0), std::nullopt);
}

}  // namespace
}  // namespace kitap::devices
