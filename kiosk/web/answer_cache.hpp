#pragma once

#include "core/library.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace kitap::web {

// The JSON answers of one Library that take milliseconds to make (the dashboard's
// figures, a debtors list), kept as the text sent while the database stays as it was:
// twenty teachers opening the debtors list cost one report, and any commit, by this
// server or by the kiosk, makes the next request build it afresh. A Library is lent to
// one request at a time, and so is its cache: no lock.
class AnswerCache {
public:
    // Bounds of its own, so the server stays small (web_rss_mb): longer answers are never
    // kept, and the cache starts empty again past `max_bytes`.
    static constexpr std::size_t max_bytes = 2 * 1024 * 1024;
    static constexpr std::size_t max_answer_bytes = 512 * 1024;

    // The text kept under `key` (which names everything the answer depends on besides the
    // data: the route, its parameters, the language, the day), while the library's data is
    // as it was when it was kept; nullptr otherwise.
    const std::string* find(core::Library& library, const std::string& key);
    // Keeps an answer made from the data as find() last saw it.
    void keep(const std::string& key, std::string json_text);

private:
    std::optional<core::DataVersion> version_;  // the data the kept answers were made from
    std::map<std::string, std::string> answers_;
    std::size_t bytes_ = 0;
};

}  // namespace kitap::web
