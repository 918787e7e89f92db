#include "kiosk/gui/flows/fault_flow.hpp"

#include "kiosk/gui/model/local_kiosk_library.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace kitap::kiosk {
namespace {

Effects settle(LibraryWorker& worker) {
    Effects effects;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (worker.busy() && std::chrono::steady_clock::now() < deadline) {
        worker.drain([&](Effects answer) { effects += std::move(answer); });
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return effects;
}

// A library that cannot be opened: the fault comes back as an effect, scans are
// lost (said on the fault screen) until it opens, and it is tried again by itself.
TEST(FaultFlow, ALibraryThatCannotOpenIsTriedAgainUntilItOpens) {
    testing::TempDir dir;
    const auto path = dir.path() / "kitap.db";
    std::filesystem::create_directories(path);  // a folder where the database should be
    LibraryWorker worker(std::make_unique<LocalKioskLibrary>(path, core::Rules{}, "kiosk"), [] {});
    FaultFlow faults(worker, false);
    faults.start();
    const Effects started = settle(worker);
    ASSERT_TRUE(started.fault);
    EXPECT_FALSE(started.opened);
    faults.enter(*started.fault, false);
    EXPECT_TRUE(faults.library_closed());
    const Effects lost = faults.scan_lost();
    EXPECT_TRUE(lost.changed);
    EXPECT_TRUE(faults.screen(std::chrono::steady_clock::now()).scan_lost);

    std::filesystem::remove(path);
    EXPECT_FALSE(faults.tick(std::chrono::steady_clock::now()).changed) << "not before the retry time";
    EXPECT_FALSE(worker.busy());
    faults.tick(std::chrono::steady_clock::now() + std::chrono::seconds(4));
    const Effects reopened = settle(worker);
    EXPECT_TRUE(reopened.opened);
    EXPECT_TRUE(reopened.recovered);
    EXPECT_FALSE(faults.active());
    EXPECT_FALSE(faults.library_closed());
}

}  // namespace
}  // namespace kitap::kiosk
