#include "core/fund/fund_checks.hpp"

#include "core/codes/check_digits.hpp"

#include <set>

namespace kitap::core {

Checked<TitleRecord> catalogued_title(LibraryStore& store, const std::string& typed_isbn) {
    const auto isbn = normalize_isbn(typed_isbn);
    if (!isbn) return bad_input("fund.error.invalid_isbn", {{"isbn", typed_isbn}});
    auto title = store.title_by_isbn(*isbn);
    if (!title) return bad_input("fund.error.unknown_isbn", {{"isbn", *isbn}});
    return *title;
}

std::optional<Refusal> count_or_copies_problem(int count, const std::vector<std::string>& barcodes) {
    if ((count > 0) == !barcodes.empty() || count < 0) return bad_input("fund.error.count_or_copies").value();
    std::set<std::string> seen;
    for (const auto& barcode : barcodes)
        if (!seen.insert(barcode).second) return bad_input("fund.error.copy_twice", {{"code", barcode}}).value();
    return std::nullopt;
}

}  // namespace kitap::core
