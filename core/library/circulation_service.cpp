#include "core/library/circulation_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<std::optional<ReaderRecord>> CirculationService::reader(const std::string& card) {
    return guarded([&] { return core_.store.reader_by_card(card); });
}

OrFault<std::vector<HeldItem>> CirculationService::held_items(const std::string& card) {
    return guarded([&] {
        const auto reader = core_.store.reader_by_card(card);
        return reader ? core_.store.held_items(reader->id) : std::vector<HeldItem>{};
    });
}

OrFault<DeskReturnOutcome> CirculationService::return_from_reader(const DeskReturn& request) {
    return guarded([&] {
        Holds holds(core_.store, core_.rules.loans.hold_days);
        return core::return_from_reader(core_.store, holds, request);
    });
}

OrFault<std::optional<Clearance>> CirculationService::clearance(const std::string& card) {
    return guarded([&] { return clearance_for(core_.store, card); });
}

OrFault<int> CirculationService::settle_compensations(RowId reader_id, std::optional<RowId> compensation_id,
                                                      Settlement settlement, Timestamp now) {
    return guarded(
        [&] { return core::settle_compensations(core_.store, reader_id, compensation_id, settlement, now); });
}

OrFault<FeePaymentOutcome> CirculationService::pay_compensations(const FeePayment& payment) {
    return guarded([&] { return core::pay_compensations(core_.store, payment); });
}

OrFault<CardBlockChange> CirculationService::block_card(const std::string& card, Timestamp now,
                                                        const std::string& station) {
    return guarded([&] { return core::block_card(core_.store, card, now, station); });
}

OrFault<CardBlockChange> CirculationService::unblock_card(const std::string& card, Timestamp now,
                                                          const std::string& station) {
    return guarded([&] { return core::unblock_card(core_.store, card, now, station); });
}

OrFault<ReaderPinChange> CirculationService::set_reader_pin(const std::string& card, std::string_view pin,
                                                            Timestamp now, const std::string& station) {
    return guarded([&] { return core::set_reader_pin(core_.store, card, pin, now, station); });
}

OrFault<ReaderPinChange> CirculationService::clear_reader_pin(const std::string& card, Timestamp now,
                                                              const std::string& station) {
    return guarded([&] { return core::clear_reader_pin(core_.store, card, now, station); });
}

OrFault<std::vector<ReaderCardRecord>> CirculationService::reader_cards_of_class(const ClassName& name,
                                                                                 const std::string& school_year) {
    return guarded([&] { return core::reader_cards_of_class(core_.db, name, school_year); });
}

OrFault<ReaderCardLookup> CirculationService::reader_cards_by_card(const std::vector<std::string>& cards) {
    return guarded([&] { return core::reader_cards_by_card(core_.db, cards); });
}

OrFault<std::vector<ReaderCardRecord>> CirculationService::all_reader_cards() {
    return guarded([&] { return core::all_reader_cards(core_.db); });
}

}  // namespace kitap::core
