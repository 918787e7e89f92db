#pragma once

#include "core/audit/event_log.hpp"
#include "core/calendar.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/rules.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct StationQueries;

struct ReaderRecord {
    RowId id = 0;
    std::string card;
    std::string name;
    ReaderCategory category = ReaderCategory::pupil;
    std::string class_name;  // "5Ә", empty for readers without a class
    bool active = true;
    bool card_blocked = false;  // by a SIP2 terminal: self-service refuses the card until the librarian unblocks it

    friend bool operator==(const ReaderRecord&, const ReaderRecord&) = default;
};

// A reader as a screen or an outcome names them.
struct ReaderSummary {
    std::string card;
    std::string name;
    ReaderCategory category = ReaderCategory::pupil;
    std::string class_name;

    friend bool operator==(const ReaderSummary&, const ReaderSummary&) = default;
};

ReaderSummary summary_of(const ReaderRecord& reader);

struct TitleRecord {
    RowId id = 0;
    std::string title;
    std::optional<std::string> isbn;
    TitleKind kind = TitleKind::fiction;
    int stock = 0;        // title-level copies owned
    int item_copies = 0;  // copies with their own inventory barcode
    std::string subject;
    std::int64_t price_tiyn = 0;

    friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

enum class CopyStatus { in_fund, written_off, lost };
std::string_view to_string(CopyStatus status);  // the words of copy.status
std::optional<CopyStatus> copy_status_from(std::string_view name);

struct CopyRecord {
    RowId id = 0;
    std::string barcode;
    CopyStatus status = CopyStatus::in_fund;
    TitleRecord title;

    friend bool operator==(const CopyRecord&, const CopyRecord&) = default;
};

struct OpenLoan {
    RowId id = 0;
    RowId reader_id = 0;
    std::string reader_card;
    int quantity = 1;
    Date due;
    int renewals = 0;  // times the loan was renewed so far
    RowId title_id = 0;
    std::optional<RowId> copy_id;
    std::string code;  // the copy's barcode, or the title's ISBN for title-level loans
};

// One line of what a reader holds.
struct HeldItem {
    std::string code;  // inventory barcode, or ISBN for title-level loans
    std::string title;
    TitleKind kind = TitleKind::fiction;
    int quantity = 1;
    Date due;
    RowId loan_id = 0;  // what a renewal from the session list names
    int renewals = 0;

    friend bool operator==(const HeldItem&, const HeldItem&) = default;
};

// A HeldItem from a row's columns from `first` on: code, title, kind, quantity, due, loan id, renewals.
HeldItem read_held_item(SQLite::Statement& row, int first);

struct NewLoan {
    RowId reader_id = 0;
    RowId title_id = 0;
    std::optional<RowId> copy_id;
    int quantity = 1;
    Timestamp at;
    Date due;
    std::string station;
};

enum class Condition { good, worn, damaged, lost };
std::string_view to_string(Condition condition);
std::optional<Condition> condition_from(std::string_view name);

// What a reader owes for a damaged or lost item until the librarian settles it.
struct Compensation {
    RowId id = 0;
    std::string code;  // inventory barcode or ISBN
    std::string title;
    int quantity = 1;
    Condition condition = Condition::lost;
    std::int64_t amount_tiyn = 0;
    std::string created_at;
};

// The circulation data: every statement prepared once, on one connection.
// Callers own the transactions (one per user action).
class LibraryStore {
public:
    explicit LibraryStore(SQLite::Database& db);
    ~LibraryStore();
    LibraryStore(const LibraryStore&) = delete;
    LibraryStore& operator=(const LibraryStore&) = delete;

    SQLite::Database& db() { return db_; }
    // What the stations on this connection share, prepared on the first call.
    StationQueries& station_queries();

    std::optional<ReaderRecord> reader_by_card(const std::string& card);
    std::optional<CopyRecord> copy_by_barcode(const std::string& barcode);
    std::optional<TitleRecord> title_by_isbn(const std::string& isbn);
    std::optional<TitleRecord> title_by_id(RowId title_id);

    std::optional<OpenLoan> open_loan_of_copy(RowId copy_id);
    std::optional<OpenLoan> open_title_loan(RowId reader_id, RowId title_id);
    std::optional<OpenLoan> open_loan(RowId loan_id);
    int title_quantity_on_loan(RowId title_id);
    int open_main_fund_loans(RowId reader_id);
    std::vector<HeldItem> held_items(RowId reader_id);
    std::vector<HeldItem> overdue_items(RowId reader_id, Date today);

    RowId insert_loan(const NewLoan& loan);
    // One more renewal of an open loan, due on `due` from now on.
    void renew_loan(RowId loan_id, Date due);
    // Returns `quantity` of an open loan: the whole loan, or a part split off as a returned row.
    void return_loan(const OpenLoan& loan, int quantity, Timestamp at, std::optional<Condition> condition = {});
    RowId insert_compensation(RowId reader_id, const TitleRecord& title, std::optional<RowId> copy_id, int quantity,
                              Condition condition, Timestamp at);
    std::vector<Compensation> open_compensations(RowId reader_id);
    void set_copy_status(RowId copy_id, CopyStatus status);
    void remove_title_stock(RowId title_id, int quantity);
    // True when this is the reader's first visit of the day.
    bool record_visit(RowId reader_id, Date day, const std::string& station);
    void log_event(const EventRecord& event);

private:
    SQLite::Database& db_;
    PreparedStatement reader_by_card_;
    PreparedStatement copy_by_barcode_;
    PreparedStatement title_by_isbn_;
    PreparedStatement title_by_id_;
    PreparedStatement open_loan_of_copy_;
    PreparedStatement open_title_loan_;
    PreparedStatement open_loan_;
    PreparedStatement title_on_loan_;
    PreparedStatement open_main_fund_loans_;
    PreparedStatement held_items_;
    PreparedStatement insert_loan_;
    PreparedStatement renew_loan_;
    PreparedStatement close_loan_;
    PreparedStatement reduce_loan_;
    PreparedStatement insert_returned_part_;
    PreparedStatement insert_compensation_;
    PreparedStatement open_compensations_;
    PreparedStatement set_copy_status_;
    PreparedStatement remove_title_stock_;
    PreparedStatement insert_visit_;
    EventLog events_;
    std::unique_ptr<StationQueries> station_queries_;
};

}  // namespace kitap::core
