#pragma once

#include "core/fund/receipts.hpp"
#include "core/fund/writeoffs.hpp"
#include "core/library/fault.hpp"
#include "core/reports/inventory_numbers.hpp"
#include "core/reports/label_records.hpp"
#include "core/reports/writeoff_act_sheet.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// The fund's books: receipts, write-offs and their acts, inventory numbers and labels.
class FundService {
public:
    explicit FundService(LibraryCore& core) : core_(core) {}

    OrFault<Checked<ReceiptDone>> receive(const ReceiptRequest& request, const ActionStamp& by);
    OrFault<Checked<WriteoffDone>> write_off(const WriteoffRequest& request, const ActionStamp& by);
    OrFault<std::vector<ActSummary>> writeoff_acts();
    OrFault<std::optional<WriteoffActSheet>> writeoff_act_sheet(const std::string& number);
    OrFault<InventoryOutcome> allocate_inventory_numbers(const InventoryRequest& request);
    OrFault<CopyLabelLookup> copy_labels_by_code(const std::vector<std::string>& codes);
    OrFault<std::vector<CopyLabelRecord>> copy_labels_in_range(const std::string& from, const std::string& to);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
