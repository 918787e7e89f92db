#include "devices/camera/read_confirmer.hpp"

#include <algorithm>

namespace kitap::devices {

ReadConfirmer::ReadConfirmer(ConfirmationOptions options) : options_(options) {}

ReadFate ReadConfirmer::observe(const std::optional<ConfirmedCode>& read, Clock::time_point time) {
    forget_old(time);
    if (!read) return ReadFate::none;
    const Key key{read->symbology, read->text};
    if (const auto seen = suppressed_.find(key); seen != suppressed_.end()) {
        seen->second = time;  // still in view: keep ignoring it
        return ReadFate::repeated;
    }
    auto& times = pending_[key];
    times.push_back(time);
    if (static_cast<int>(times.size()) < reads_needed(read->symbology)) return ReadFate::waiting;
    pending_.erase(key);
    suppressed_[key] = time;
    return ReadFate::accepted;
}

void ReadConfirmer::forget_old(Clock::time_point time) {
    std::erase_if(suppressed_, [&](const auto& entry) { return time - entry.second > options_.out_of_view; });
    for (auto& [key, times] : pending_)
        while (!times.empty() && time - times.front() > options_.window) times.pop_front();
    std::erase_if(pending_, [](const auto& entry) { return entry.second.empty(); });
}

int ReadConfirmer::reads_needed(Symbology symbology) const {
    return std::max(1, has_check(symbology) ? options_.reads_with_check : options_.reads_without_check);
}

}  // namespace kitap::devices
