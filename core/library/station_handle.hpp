#pragma once

#include "core/circulation/station.hpp"
#include "core/library/fault.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// A station handed out by Library: core::Station's calls, each giving back what the
// station returns or the Fault that stopped it (nothing of a faulted scan is kept).
// Thin on purpose: it forwards whatever Station returns.
class StationHandle {
public:
    StationHandle(LibraryStore& store, Rules rules, StationMode mode, std::string name)
        : station_(std::make_unique<Station>(store, std::move(rules), mode, std::move(name))) {}

    auto handle(const Scan& scan, Timestamp now, ScanIntent intent = ScanIntent::any) {
        return guarded([&] { return station_->handle(scan, now, intent); });
    }
    auto handle(const StationCommand& command, Timestamp now) {
        return guarded([&] { return station_->handle(command, now); });
    }
    auto submit_pin(std::string_view pin, Timestamp now) {
        return guarded([&] { return station_->submit_pin(pin, now); });
    }
    auto expire_idle_session(Timestamp now) {
        return guarded([&] { return station_->expire_idle_session(now); });
    }
    auto snapshot(Timestamp now) {
        return guarded([&] { return station_->snapshot(now); });
    }
    void cancel_pin() { station_->cancel_pin(); }
    bool awaits_pin() const { return station_->awaits_pin(); }
    StationMode mode() const { return station_->mode(); }
    Condition next_condition() const { return station_->next_condition(); }
    const std::optional<ReaderRecord>& session_reader() const { return station_->session_reader(); }

private:
    std::unique_ptr<Station> station_;  // stays put when the handle moves
};

}  // namespace kitap::core
