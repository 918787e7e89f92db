#pragma once

#include "core/circulation/library_store.hpp"
#include "core/fund/refusal.hpp"

#include <optional>
#include <string>
#include <vector>

// The checks receipts and write-offs share, made before anything is written.
namespace kitap::core {

// The title an ISBN typed by the librarian names: bad input when it is not a
// valid ISBN or not in the catalogue.
Checked<TitleRecord> catalogued_title(LibraryStore& store, const std::string& typed_isbn);

// A command moves either a number of title-level copies or a list of labelled
// copies, each named once.
std::optional<Refusal> count_or_copies_problem(int count, const std::vector<std::string>& barcodes);

}  // namespace kitap::core
