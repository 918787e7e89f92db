#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/reader_account.hpp"
#include "core/library/fault.hpp"
#include "core/reports/label_records.hpp"
#include "core/security/reader_pins.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// Readers and what they hold beyond a station's scans: desk returns, compensations,
// clearance, reader PINs and reader cards.
class CirculationService {
public:
    explicit CirculationService(LibraryCore& core) : core_(core) {}

    OrFault<std::optional<ReaderRecord>> reader(const std::string& card);
    // What the reader with this card holds (nothing for an unknown card).
    OrFault<std::vector<HeldItem>> held_items(const std::string& card);
    OrFault<DeskReturnOutcome> return_from_reader(const DeskReturn& request);
    OrFault<std::optional<Clearance>> clearance(const std::string& card);
    OrFault<int> settle_compensations(RowId reader_id, std::optional<RowId> compensation_id, Settlement settlement,
                                      Timestamp now);
    OrFault<FeePaymentOutcome> pay_compensations(const FeePayment& payment);
    OrFault<CardBlockChange> block_card(const std::string& card, Timestamp now, const std::string& station);
    OrFault<CardBlockChange> unblock_card(const std::string& card, Timestamp now, const std::string& station);
    OrFault<ReaderPinChange> set_reader_pin(const std::string& card, std::string_view pin, Timestamp now,
                                            const std::string& station);
    OrFault<ReaderPinChange> clear_reader_pin(const std::string& card, Timestamp now, const std::string& station);
    OrFault<std::vector<ReaderCardRecord>> reader_cards_of_class(const ClassName& name, const std::string& school_year);
    OrFault<ReaderCardLookup> reader_cards_by_card(const std::vector<std::string>& cards);
    OrFault<std::vector<ReaderCardRecord>> all_reader_cards();

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
