#include "kiosk/web/library_pool.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <future>

namespace kitap::web {
namespace {

using namespace std::chrono_literals;

TEST(LibraryPool, EachLibraryIsLentToOneRequestAtATime) {
    testing::TempDatabase database;
    auto pool = LibraryPool::open(database.path(), {}, 2);
    ASSERT_TRUE(pool);
    auto first = (*pool)->borrow(0ms);
    auto second = (*pool)->borrow(0ms);
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->slot(), second->slot());
    EXPECT_NE(&first->library(), &second->library());
    const auto started = std::chrono::steady_clock::now();
    EXPECT_FALSE((*pool)->borrow(50ms)) << "none free: the request is told at once that the server is busy";
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    const auto slot = first->slot();
    auto waiting = std::async(std::launch::async, [&] { return (*pool)->borrow(slot, 5s).has_value(); });
    first.reset();
    EXPECT_TRUE(waiting.get()) << "a session's own Library, as soon as it is given back";
}

TEST(LibraryPool, SessionsSpreadOverTheLibraries) {
    testing::TempDatabase database;
    auto pool = LibraryPool::open(database.path(), {}, 3);
    ASSERT_TRUE(pool);
    EXPECT_EQ((*pool)->next_slot(), 0u);
    EXPECT_EQ((*pool)->next_slot(), 1u);
    EXPECT_EQ((*pool)->next_slot(), 2u);
    EXPECT_EQ((*pool)->next_slot(), 0u);
}

TEST(LibraryPool, AFolderThatCannotHoldADatabaseIsAFault) {
    EXPECT_FALSE(LibraryPool::open("/proc/no/such/folder/kitap.db", {}, 2));
}

}  // namespace
}  // namespace kitap::web
