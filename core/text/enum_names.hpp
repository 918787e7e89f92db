#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace kitap::core {

// The words an enum is written as (CLI JSON, audit log, settings, the database):
// one table per enum, read both ways, so a value and its word cannot drift apart
// between a to_string and its parser. The words are contracts: keep them as they are.
template <typename Enum, std::size_t N>
class EnumNames {
public:
    using Entry = std::pair<Enum, std::string_view>;

    constexpr explicit EnumNames(const std::array<Entry, N>& entries) : entries_(entries) {}

    // "?" for a value missing from the table (a cast from a number), never an empty word.
    constexpr std::string_view name_of(Enum value) const {
        for (const auto& [candidate, name] : entries_)
            if (candidate == value) return name;
        return "?";
    }

    constexpr std::optional<Enum> value_of(std::string_view name) const {
        for (const auto& [value, candidate] : entries_)
            if (candidate == name) return value;
        return std::nullopt;
    }

    constexpr const std::array<Entry, N>& entries() const { return entries_; }

private:
    std::array<Entry, N> entries_;
};

// constexpr auto names = enum_names<Colour>({{Colour::red, "red"}, {Colour::blue, "blue"}});
template <typename Enum, std::size_t N>
constexpr EnumNames<Enum, N> enum_names(const std::pair<Enum, std::string_view> (&entries)[N]) {
    std::array<std::pair<Enum, std::string_view>, N> table{};
    for (std::size_t i = 0; i < N; ++i) table[i] = entries[i];
    return EnumNames<Enum, N>(table);
}

}  // namespace kitap::core
