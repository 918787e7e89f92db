#include "core/fund/receipts.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/fund/fund_checks.hpp"
#include "core/fund/money.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

// A new label must not already mean something when scanned.
std::optional<Refusal> taken_code_problem(LibraryStore& store, const std::vector<std::string>& barcodes) {
    for (const auto& barcode : barcodes) {
        if (auto copy = store.copy_by_barcode(barcode))
            return bad_input("fund.error.copy_exists", {{"code", barcode}, {"title", copy->title.title}}).value();
        if (store.reader_by_card(barcode)) return bad_input("fund.error.code_is_card", {{"code", barcode}}).value();
    }
    return std::nullopt;
}

std::optional<Refusal> request_problem(LibraryStore& store, const ReceiptRequest& request, Date today) {
    if (auto problem = count_or_copies_problem(request.count, request.barcodes)) return problem;
    if (std::chrono::sys_days{request.date} > std::chrono::sys_days{today})
        return bad_input("fund.error.future_date", {{"date", iso_date(request.date)}}).value();
    return taken_code_problem(store, request.barcodes);
}

// Writes the receipt rows, each with its event.
class ReceiptBook {
public:
    ReceiptBook(SQLite::Database& db, LibraryStore& store, const ReceiptRequest& request, const ActionStamp& by)
        : db_(db),
          store_(store),
          request_(request),
          by_(by),
          insert_receipt_(db, R"(
              INSERT INTO receipt (received_on, title_id, copy_id, quantity, price_tiyn, source)
              VALUES (?, ?, ?, ?, ?, ?))"),
          insert_copy_(db, "INSERT INTO copy (barcode, title_id, shelf) VALUES (?, ?, ?)"),
          add_stock_(db, "UPDATE title SET stock = stock + ? WHERE id = ?") {}

    void add_title_stock(const TitleRecord& title) {
        rebind(add_stock_, request_.count, title.id).exec();
        record(title, std::nullopt, request_.count);
    }

    void add_labelled_copies(const TitleRecord& title) {
        for (const auto& barcode : request_.barcodes) {
            rebind(insert_copy_, barcode, title.id, request_.shelf).exec();
            record(title, db_.getLastInsertRowid(), 1);
        }
    }

private:
    void record(const TitleRecord& title, std::optional<RowId> copy_id, int quantity) {
        rebind(insert_receipt_, iso_date(request_.date), title.id, copy_id, quantity, request_.price_tiyn,
               request_.source)
            .exec();
        store_.log_event(stamped(by_, {.action = "receipt",
                                       .title_id = title.id,
                                       .copy_id = copy_id,
                                       .quantity = quantity,
                                       .detail = "receipt " + std::to_string(db_.getLastInsertRowid()) + ", price " +
                                                 tenge_text(request_.price_tiyn) + ", " + request_.source}));
    }

    SQLite::Database& db_;
    LibraryStore& store_;
    const ReceiptRequest& request_;
    const ActionStamp& by_;
    SQLite::Statement insert_receipt_;
    SQLite::Statement insert_copy_;
    SQLite::Statement add_stock_;
};

}  // namespace

Checked<ReceiptDone> receive(SQLite::Database& db, const ReceiptRequest& request, const ActionStamp& by) {
    WriteTransaction transaction(db);
    LibraryStore store(db);
    const auto title = catalogued_title(store, request.isbn);
    if (!title) return tl::unexpected(title.error());
    if (auto problem = request_problem(store, request, local_date(by.at))) return tl::unexpected(*problem);
    ReceiptBook book(db, store, request, by);
    if (request.count > 0)
        book.add_title_stock(*title);
    else
        book.add_labelled_copies(*title);
    transaction.commit();
    const int copies = request.count > 0 ? request.count : static_cast<int>(request.barcodes.size());
    return ReceiptDone{*title->isbn, title->title, copies, copies * request.price_tiyn};
}

}  // namespace kitap::core
