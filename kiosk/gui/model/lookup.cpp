#include "kiosk/gui/model/lookup.hpp"

#include <algorithm>

namespace kitap::kiosk {

LookupResult look_up(core::LibraryStore& store, std::string_view raw, const core::CodeRules& rules) {
    core::ClassifiedCode code = core::classify_code(raw, rules, store);
    LookupResult result{.kind = code.kind, .code = code.code, .command = code.command};
    if (code.reader) {
        result.reader = ReaderFacts{*code.reader, store.held_items(code.reader->id),
                                    core::reader_history(store.db(), code.reader->id, lookup_history_lines)};
    } else if (code.copy) {
        CopyFacts facts{.copy = *code.copy,
                        .history = core::copy_history(store.db(), code.copy->id, lookup_history_lines)};
        if (const auto loan = store.open_loan_of_copy(code.copy->id)) {
            if (const auto holder = store.reader_by_card(loan->reader_card)) {
                facts.holder = core::summary_of(*holder);
                const auto held = store.held_items(holder->id);
                const auto item = std::find_if(held.begin(), held.end(),
                                               [&](const core::HeldItem& h) { return h.code == code.copy->barcode; });
                if (item != held.end()) facts.due = item->due;
            }
        }
        result.copy = std::move(facts);
    } else if (code.title) {
        result.title = TitleFacts{*code.title, store.title_quantity_on_loan(code.title->id)};
    } else if (code.isbn) {
        result.uncatalogued_isbn = code.isbn;
    }
    return result;
}

}  // namespace kitap::kiosk
