#pragma once

#include "core/library.hpp"
#include "kiosk/web/answer_cache.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace kitap::web {

// A few Libraries on one database (one SQLite connection each; WAL lets readers run
// side by side) for the server's request threads. A Library is not thread-safe, so
// each is lent to one request at a time; a request that cannot get one soon is told
// the server is busy rather than left waiting.
class LibraryPool {
public:
    // Opens `size` Libraries; the fault of the first that cannot open.
    static core::OrFault<std::unique_ptr<LibraryPool>> open(const std::filesystem::path& path,
                                                            const core::LibraryOptions& options, std::size_t size);

    // One Library borrowed until the lease is dropped.
    class Lease {
    public:
        Lease(LibraryPool& pool, std::size_t slot) : pool_(&pool), slot_(slot) {}
        Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), slot_(other.slot_) {}
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();

        core::Library& library() const;
        AnswerCache& answer_cache() const;
        std::size_t slot() const { return slot_; }

    private:
        LibraryPool* pool_;
        std::size_t slot_;
    };

    // Any free Library, or nullopt when none came free within `wait`.
    std::optional<Lease> borrow(std::chrono::milliseconds wait);
    // The Library in `slot` (the one a session's stations belong to), or nullopt.
    std::optional<Lease> borrow(std::size_t slot, std::chrono::milliseconds wait);
    // Slots for new sessions' stations in turn, so sessions spread over the pool.
    std::size_t next_slot();
    std::size_t size() const { return libraries_.size(); }

private:
    explicit LibraryPool(std::vector<core::Library> libraries);
    void give_back(std::size_t slot);

    std::vector<core::Library> libraries_;
    std::vector<AnswerCache> answer_caches_;  // one per Library, lent with it
    std::vector<bool> lent_;
    std::size_t next_slot_ = 0;
    std::mutex mutex_;
    std::condition_variable returned_;
};

}  // namespace kitap::web
