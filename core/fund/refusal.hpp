#pragma once

#include <tl/expected.hpp>

#include <map>
#include <string>

namespace kitap::core {

// Why a librarian's command changed nothing. Bad input (a code that names
// nothing, a malformed price) is told apart from a rule that refuses (not enough
// free stock, a year closed already), as the CLI's exit codes 2 and 1 are.
enum class RefusalKind { bad_input, rule };

struct Refusal {
    RefusalKind kind = RefusalKind::rule;
    std::string key;                          // translation key: "fund.error.unknown_isbn"
    std::map<std::string, std::string> args;  // what fills its {placeholders}

    friend bool operator==(const Refusal&, const Refusal&) = default;
};

template <typename T>
using Checked = tl::expected<T, Refusal>;

inline tl::unexpected<Refusal> bad_input(std::string key, std::map<std::string, std::string> args = {}) {
    return tl::unexpected(Refusal{RefusalKind::bad_input, std::move(key), std::move(args)});
}

inline tl::unexpected<Refusal> refused_by_rule(std::string key, std::map<std::string, std::string> args = {}) {
    return tl::unexpected(Refusal{RefusalKind::rule, std::move(key), std::move(args)});
}

}  // namespace kitap::core
