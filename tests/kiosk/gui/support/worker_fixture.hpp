#pragma once

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/model/local_kiosk_library.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace kitap::testing {

// The sample library opened by a kiosk's worker, for the flows' tests: what a flow
// posts runs on the worker as in the kiosk, and settle() drains every answer, as
// the kiosk's frames would, summing the effects the flows return.
class WorkerFixture : public ::testing::Test {
protected:
    explicit WorkerFixture(std::optional<std::string> pin = std::nullopt) {
        create_sample_library(dir.path() / "kitap.db", pin);
        worker.post([](kiosk::KioskLibrary& library) { return library.open(); }, kiosk::fault_effects);
        EXPECT_FALSE(settle().fault);
    }

    kiosk::Effects settle() {
        kiosk::Effects effects;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (worker.busy() && std::chrono::steady_clock::now() < deadline) {
            worker.drain([&](kiosk::Effects answer) { effects += std::move(answer); });
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        EXPECT_FALSE(worker.busy()) << "the worker never answered";
        return effects;
    }

    // Reads the library on the worker, as a flow would.
    template <typename Read>
    auto read(Read read_library) {
        std::optional<decltype(read_library(std::declval<kiosk::KioskLibrary&>()))> value;
        worker.post(read_library, [&value](auto result) {
            value = std::move(result);
            return kiosk::Effects{};
        });
        settle();
        return *value;
    }

    static devices::ScanEvent scanned(const std::string& code) {
        return {.text = code, .source = "test", .time = devices::Clock::now()};
    }

    TempDir dir;
    kiosk::LibraryWorker worker{
        std::make_unique<kiosk::LocalKioskLibrary>(dir.path() / "kitap.db", core::Rules{}, "kiosk"), [] {}};
};

}  // namespace kitap::testing
