#include "core/library/fund_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<Checked<ReceiptDone>> FundService::receive(const ReceiptRequest& request, const ActionStamp& by) {
    return guarded([&] { return core::receive(core_.db, request, by); });
}

OrFault<Checked<WriteoffDone>> FundService::write_off(const WriteoffRequest& request, const ActionStamp& by) {
    return guarded([&] {
        Holds holds(core_.store, core_.rules.loans.hold_days);
        return core::write_off(core_.db, holds, request, by);
    });
}

OrFault<std::vector<ActSummary>> FundService::writeoff_acts() {
    return guarded([&] { return core::writeoff_acts(core_.db); });
}

OrFault<std::optional<WriteoffActSheet>> FundService::writeoff_act_sheet(const std::string& number) {
    return guarded([&] { return core::writeoff_act_sheet(core_.db, number); });
}

OrFault<InventoryOutcome> FundService::allocate_inventory_numbers(const InventoryRequest& request) {
    return guarded([&] { return core::allocate_inventory_numbers(core_.db, request); });
}

OrFault<CopyLabelLookup> FundService::copy_labels_by_code(const std::vector<std::string>& codes) {
    return guarded([&] { return core::copy_labels_by_code(core_.db, codes); });
}

OrFault<std::vector<CopyLabelRecord>> FundService::copy_labels_in_range(const std::string& from,
                                                                        const std::string& to) {
    return guarded([&] { return core::copy_labels_in_range(core_.db, from, to); });
}

}  // namespace kitap::core
