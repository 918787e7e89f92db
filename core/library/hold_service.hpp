#pragma once

#include "core/circulation/holds.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/library/fault.hpp"
#include "core/reports/catalog_search.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// A title as a person names it: found, or the titles the words match (none, or several
// to choose from).
struct TitleMatch {
    std::optional<TitleRecord> title;
    std::vector<CatalogEntry> candidates;
};

// Reservations: `kitap hold`, the web console's holds page, the kiosk's "Reserve". Each
// call is one transaction; ready holds past their last day expire first, passing their
// copies on, so every answer shows the queues as they stand now.
class HoldService {
public:
    explicit HoldService(LibraryCore& core) : core_(core) {}

    // An ISBN, a copy's inventory barcode, a title exactly as catalogued, or words of it
    // that one title alone matches.
    OrFault<TitleMatch> find_title(std::string_view text);
    // `card` as scanned or typed: read as a station reads a card.
    OrFault<HoldAnswer> place(const std::string& card, RowId title_id, const ActionStamp& by);
    OrFault<HoldAnswer> cancel(RowId hold_id, const ActionStamp& by);
    // Waiting and ready holds, by title and then queue.
    OrFault<std::vector<HoldRecord>> open_holds(const ActionStamp& by);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
