#include "kiosk/web/library_pool.hpp"

#include <algorithm>

namespace kitap::web {

core::OrFault<std::unique_ptr<LibraryPool>> LibraryPool::open(const std::filesystem::path& path,
                                                              const core::LibraryOptions& options, std::size_t size) {
    std::vector<core::Library> libraries;
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
        auto library = core::Library::open(path, options);
        if (!library) return tl::unexpected(library.error());
        libraries.push_back(std::move(*library));
    }
    return std::unique_ptr<LibraryPool>(new LibraryPool(std::move(libraries)));
}

LibraryPool::LibraryPool(std::vector<core::Library> libraries)
    : libraries_(std::move(libraries)), answer_caches_(libraries_.size()), lent_(libraries_.size(), false) {}

LibraryPool::Lease::~Lease() {
    if (!pool_) return;
    // The next request on this Library, whoever's, sees the database as it is then.
    library().release_reads();
    pool_->give_back(slot_);
}

core::Library& LibraryPool::Lease::library() const { return pool_->libraries_[slot_]; }

AnswerCache& LibraryPool::Lease::answer_cache() const { return pool_->answer_caches_[slot_]; }

std::optional<LibraryPool::Lease> LibraryPool::borrow(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    const auto free = [this] { return std::find(lent_.begin(), lent_.end(), false); };
    if (!returned_.wait_for(lock, wait, [&] { return free() != lent_.end(); })) return std::nullopt;
    const auto slot = static_cast<std::size_t>(free() - lent_.begin());
    lent_[slot] = true;
    return std::optional<Lease>(std::in_place, *this, slot);
}

std::optional<LibraryPool::Lease> LibraryPool::borrow(std::size_t slot, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    if (!returned_.wait_for(lock, wait, [&] { return !lent_[slot]; })) return std::nullopt;
    lent_[slot] = true;
    return std::optional<Lease>(std::in_place, *this, slot);
}

std::size_t LibraryPool::next_slot() {
    const std::scoped_lock lock(mutex_);
    return next_slot_++ % libraries_.size();
}

void LibraryPool::give_back(std::size_t slot) {
    {
        const std::scoped_lock lock(mutex_);
        lent_[slot] = false;
    }
    returned_.notify_all();
}

}  // namespace kitap::web
