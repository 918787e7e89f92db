#include "core/reports/inventory_numbers.hpp"

#include "core/circulation/library_store.hpp"
#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/demo/demo_codes.hpp"
#include "core/settings/setting_store.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <charconv>

namespace kitap::core {
namespace {

constexpr const char* reserved_key = "inventory.last_sequence";
constexpr int last_sequence = 999'999;

int sequence_of(std::string_view number) {
    int sequence = 0;
    std::from_chars(number.data() + 1, number.data() + 7, sequence);
    return sequence;
}

// The largest sequence in use: on a copy, on a reader card of the same shape, or reserved earlier.
int largest_sequence(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT barcode FROM copy WHERE barcode GLOB '1[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
        UNION ALL
        SELECT card FROM reader WHERE card GLOB '1[0-9][0-9][0-9][0-9][0-9][0-9][0-9]')");
    int largest = 0;
    while (query.executeStep()) {
        const auto number = query.getColumn(0).getString();
        if (luhn_valid(number)) largest = std::max(largest, sequence_of(number));
    }
    const auto reserved = SettingStore(db).get(reserved_key);
    return std::max(largest, reserved ? std::stoi(*reserved) : 0);
}

std::vector<std::string> next_numbers(int after, int count) {
    std::vector<std::string> numbers;
    for (int sequence = after + 1; sequence <= after + count; ++sequence)
        numbers.push_back(demo::numbered_label('1', sequence));
    return numbers;
}

void add_copies(LibraryStore& store, const TitleRecord& title, const std::vector<std::string>& numbers,
                const InventoryRequest& request) {
    SQLite::Statement insert(store.db(), "INSERT INTO copy (barcode, title_id) VALUES (?, ?)");
    for (const auto& number : numbers) {
        rebind(insert, number, title.id).exec();
        store.log_event({.at = request.now,
                         .station = request.station,
                         .actor = {ActorRole::librarian},
                         .action = "copy_added",
                         .title_id = title.id,
                         .copy_id = store.db().getLastInsertRowid(),
                         .detail = number});
    }
}

}  // namespace

constexpr auto inventory_refusal_names = enum_names<InventoryRefusal>({
    {InventoryRefusal::bad_count, "bad_count"},
    {InventoryRefusal::unknown_title, "unknown_title"},
    {InventoryRefusal::numbers_exhausted, "numbers_exhausted"},
});

std::string_view to_string(InventoryRefusal refusal) { return inventory_refusal_names.name_of(refusal); }

InventoryOutcome allocate_inventory_numbers(SQLite::Database& db, const InventoryRequest& request) {
    if (request.count < 1 || request.count > max_inventory_request) return {.refusal = InventoryRefusal::bad_count};
    WriteTransaction transaction(db);
    LibraryStore store(db);
    std::optional<TitleRecord> title;
    if (request.isbn) {
        const auto isbn = normalize_isbn(*request.isbn);
        title = isbn ? store.title_by_isbn(*isbn) : std::nullopt;
        if (!title) return {.refusal = InventoryRefusal::unknown_title};
    }
    const int after = largest_sequence(db);
    if (after + request.count > last_sequence) return {.refusal = InventoryRefusal::numbers_exhausted};
    InventoryOutcome outcome{.numbers = next_numbers(after, request.count), .title = title ? title->title : ""};
    SettingStore(db).set(reserved_key, std::to_string(after + request.count));
    if (title) add_copies(store, *title, outcome.numbers, request);
    store.log_event({.at = request.now,
                     .station = request.station,
                     .actor = {ActorRole::librarian},
                     .action = "inventory_numbers",
                     .title_id = title ? std::optional(title->id) : std::nullopt,
                     .quantity = request.count,
                     .detail = outcome.numbers.front() + ".." + outcome.numbers.back()});
    transaction.commit();
    return outcome;
}

}  // namespace kitap::core
