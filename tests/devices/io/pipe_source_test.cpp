#include "devices/io/pipe_source.hpp"

#include "tests/devices/support/event_waiting.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;
using Texts = std::vector<std::string>;

constexpr ReconnectOptions quick{std::chrono::milliseconds(20)};

void write_all(int fd, std::string_view text) {
    ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
}

int open_writer(const std::filesystem::path& fifo) {
    const int writer = ::open(fifo.c_str(), O_WRONLY);  // blocks until the source has it open
    EXPECT_GE(writer, 0);
    return writer;
}

TEST(PipeSource, ReadsEveryLineOfAFifoAndWaitsForTheNextWriter) {
    TempDir dir;
    const auto fifo = dir / "scans";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EventQueue queue;
    // Writers that follow each other within the retry interval are one scanner that never left.
    PipeSource source("pipe:" + fifo.string(), fifo, ReconnectOptions{std::chrono::milliseconds(500)});
    source.start(queue);

    for (const auto* burst : {"]E09786010000018\n20000014\r\n", "10000017"}) {
        const int writer = open_writer(fifo);
        write_all(writer, burst);
        ::close(writer);  // the writer goes away; the source must wait for the next one
    }
    const auto events = take_until(queue, has_scans(3));
    EXPECT_EQ(scan_texts(events), (Texts{"9786010000018", "20000014", "10000017"}));
    const auto& first = std::get<ScanEvent>(events[1]);
    EXPECT_EQ(first.symbology, Symbology::ean13);
    EXPECT_EQ(first.source, "pipe:" + fifo.string());
    EXPECT_EQ(statuses(events), std::vector{SourceStatus::connected});
    source.stop();
}

// A source on a FIFO of its own, looking again quickly.
class PipeSourceOnAFifo : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0); }

    // Opens the FIFO to write (once the source has it open) and writes `text`.
    int writer_with(std::string_view text) {
        const int writer = open_writer(fifo);
        write_all(writer, text);
        return writer;
    }

    TempDir dir;
    std::filesystem::path fifo = dir / "scans";
    EventQueue queue;
    PipeSource source{"pipe", fifo, quick};
};

// A FIFO's writer is the scanner: when it closes the FIFO the scanner is unplugged,
// and the next writer to open it plugs it back in, before writing anything.
TEST_F(PipeSourceOnAFifo, AWriterThatLeavesIsAScannerUnpluggedAndTheNextOneBringsItBack) {
    source.start(queue);
    int writer = writer_with("20000014\n");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"20000014"});
    ::close(writer);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});

    writer = open_writer(fifo);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::connected))), std::vector{SourceStatus::connected});
    write_all(writer, "10000017\n");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"10000017"});
    ::close(writer);
}

// A writer that held the FIFO before the source opened it leaves no hang-up the source
// could poll for; it is seen gone all the same.
TEST_F(PipeSourceOnAFifo, AWriterFromBeforeTheSourceOpenedIsSeenLeaving) {
    const int writer = ::open(fifo.c_str(), O_RDWR);  // reader and writer at once: no need to wait for the source
    ASSERT_GE(writer, 0);
    write_all(writer, "20000014\n");
    source.start(queue);
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"20000014"});
    ::close(writer);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});
}

// A FIFO removed and made again at the path (a service restarted) is the one followed.
TEST_F(PipeSourceOnAFifo, FollowsAFifoMadeAnewAtThePath) {
    source.start(queue);
    ::close(writer_with("1\n"));
    take_until(queue, has_status(SourceStatus::lost));
    ASSERT_EQ(::unlink(fifo.c_str()), 0);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const int writer = writer_with("2\n");
    EXPECT_EQ(scan_texts(take_until(queue, has_scans(1))), Texts{"2"});
    ::close(writer);
}

TEST(PipeSource, ReadsARegularFileOnceThenEnds) {
    TempDir dir;
    std::ofstream(dir / "scans.txt") << "1\n2\n3";
    EventQueue queue;
    PipeSource source("pipe", dir / "scans.txt", quick);
    source.start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::ended));
    EXPECT_EQ(scan_texts(events), (Texts{"1", "2", "3"}));
    EXPECT_EQ(statuses(events), (std::vector{SourceStatus::connected, SourceStatus::ended}));
}

TEST(PipeSource, ReportsAMissingPathAndPicksItUpWhenItAppears) {
    TempDir dir;
    const auto fifo = dir / "later";
    EventQueue queue;
    PipeSource source("pipe", fifo, quick);
    source.start(queue);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const int writer = ::open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(writer, 0);
    write_all(writer, "42424242\n");
    ::close(writer);
    const auto events = take_until(queue, has_scans(1));
    EXPECT_EQ(scan_texts(events), Texts{"42424242"});
    EXPECT_EQ(statuses(events), std::vector{SourceStatus::connected});
}

TEST(PipeSource, StopsAtOnceWhileWaitingForAWriter) {
    TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "idle").c_str(), 0600), 0);
    EventQueue queue;
    PipeSource source("pipe", dir / "idle", quick);
    source.start(queue);
    take_until(queue, has_status(SourceStatus::connected));
    const auto before = std::chrono::steady_clock::now();
    source.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace kitap::devices
