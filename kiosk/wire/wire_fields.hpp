#pragma once

#include "kiosk/wire/station_wire.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// How the wire's from_json functions read a field: for the .cpp files of kiosk/wire only,
// so that every value of the station wire is checked the same way and a refusal names
// its field path ("lines[2].grade") wherever the value sits.
namespace kitap::wire {

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};
template <typename T>
struct is_vector : std::false_type {};
template <typename T>
struct is_vector<std::vector<T>> : std::true_type {};
template <typename T>
struct is_string_map : std::false_type {};
template <typename T>
struct is_string_map<std::map<std::string, T>> : std::true_type {};

// One value as T; a hostile one is a BadField (its field filled in by the callers up the tree).
template <typename T>
T value_of(const nlohmann::json& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        if (!value.is_string()) throw BadField("", "expected a string");
        return value.get<std::string>();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!value.is_boolean()) throw BadField("", "expected true or false");
        return value.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        // Checked here: nlohmann would cast a fraction or an out-of-range number silently.
        if (!value.is_number_integer()) throw BadField("", "expected a whole number");
        const bool fits = value.is_number_unsigned()
                              ? std::cmp_less_equal(value.get<std::uint64_t>(), std::numeric_limits<T>::max())
                              : std::in_range<T>(value.get<std::int64_t>());
        if (!fits) throw BadField("", "the number is out of range");
        return value.is_number_unsigned() ? static_cast<T>(value.get<std::uint64_t>())
                                          : static_cast<T>(value.get<std::int64_t>());
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!value.is_number()) throw BadField("", "expected a number");
        return value.get<T>();
    } else if constexpr (is_optional<T>::value) {
        if (value.is_null()) return std::nullopt;
        return value_of<typename T::value_type>(value);
    } else if constexpr (is_vector<T>::value) {
        if (!value.is_array()) throw BadField("", "expected a list");
        T list;
        list.reserve(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) {
            try {
                list.push_back(value_of<typename T::value_type>(value[i]));
            } catch (const BadField& bad) {
                throw bad.within("[" + std::to_string(i) + "]");
            }
        }
        return list;
    } else if constexpr (is_string_map<T>::value) {
        if (!value.is_object()) throw BadField("", "expected an object");
        T map;
        for (const auto& [key, item] : value.items()) {
            try {
                map.emplace(key, value_of<typename T::mapped_type>(item));
            } catch (const BadField& bad) {
                throw bad.within(key);
            }
        }
        return map;
    } else {
        return value.get<T>();  // a from_json of the wire's
    }
}

inline const nlohmann::json& object_of(const nlohmann::json& value) {
    if (!value.is_object()) throw BadField("", "expected an object");
    return value;
}

// The member `key` of an object as T. Every field is written, so a missing one is refused.
template <typename T>
T field(const nlohmann::json& object, const std::string& key) {
    const auto found = object_of(object).find(key);
    if (found == object.end()) throw BadField(key, "missing");
    try {
        return value_of<T>(*found);
    } catch (const BadField& bad) {
        throw bad.within(key);
    }
}

template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// An enum by its stable name. The name itself is not repeated: it may be anything.
template <typename Enum, typename From>
Enum named(const nlohmann::json& value, From from, const char* what) {
    if (!value.is_string()) throw BadField("", std::string("expected the name of ") + what);
    const auto found = from(value.get_ref<const std::string&>());
    if (!found) throw BadField("", std::string("not the name of ") + what);
    return *found;
}

}  // namespace kitap::wire
