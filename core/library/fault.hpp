#pragma once

#include <tl/expected.hpp>

#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kitap::core {

// What broke when the library's storage could not do what was asked: a value every
// front end shows in its own way (the kiosk's fault screen, the CLI's exit code 3),
// never an SQLite exception. Expected outcomes (refusals) are not faults.
enum class FaultKind {
    disk_full,     // no room to write (a full disk, a quota, a file size limit)
    locked,        // another program holds the database locked
    read_only,     // the file or its folder cannot be written
    corrupt,       // the file is not a database or is damaged
    newer_schema,  // written by a newer Kitap
    cannot_open,   // missing folder, no such file, a migration that failed
    io,            // any other failure of the storage
};
std::string_view to_string(FaultKind kind);

struct Fault {
    FaultKind kind = FaultKind::io;
    std::string detail;  // for the librarian: what SQLite or the system said

    friend bool operator==(const Fault&, const Fault&) = default;
};

// What a call into the library gives back: its value, or the fault that stopped it.
template <typename T>
using OrFault = tl::expected<T, Fault>;

// Decodes what the storage threw (an SQLite error code, core::DatabaseError, a
// file system error) into a fault a person can act on.
Fault fault_from(const std::exception& error);

// Runs `action`, turning what broken infrastructure throws into a Fault value.
template <typename Action>
auto guarded(Action&& action) -> OrFault<std::invoke_result_t<Action>> {
    try {
        if constexpr (std::is_void_v<std::invoke_result_t<Action>>) {
            std::forward<Action>(action)();
            return {};
        } else {
            return std::forward<Action>(action)();
        }
    } catch (const std::exception& error) {
        return tl::unexpected(fault_from(error));
    }
}

}  // namespace kitap::core
