#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// One title of a pupil's class set and how many of it the pupil holds.
struct SetLine {
    RowId title_id = 0;
    std::string isbn;
    std::string title;
    std::string subject;
    int per_pupil = 1;
    int held = 0;

    int missing() const { return held >= per_pupil ? 0 : per_pupil - held; }

    friend bool operator==(const SetLine&, const SetLine&) = default;
};

// What the curriculum says a pupil should hold, and what they do: the rules of
// textbook issuance at the desk, at the kiosk and for whole classes.
class TextbookLedger {
public:
    explicit TextbookLedger(SQLite::Database& db);

    // The pupil's class set (curriculum of the class's grade and language), empty
    // for readers without a class.
    std::vector<SetLine> class_set(RowId reader_id);
    // The curriculum line of this title for the pupil's class, if it has one.
    std::optional<SetLine> set_line(RowId reader_id, RowId title_id);
    // Copies of the title the reader holds, title-level and labelled.
    int held(RowId reader_id, RowId title_id);
    // A textbook of the same subject still out from an earlier school year: that
    // debt blocks the subject's new book until it is returned.
    std::optional<HeldItem> earlier_year_debt(RowId reader_id, const std::string& subject, Date year_start);

private:
    PreparedStatement class_set_;
    PreparedStatement set_line_;
    PreparedStatement held_;
    PreparedStatement debt_;
};

// 1 September of the school year `today` falls in.
Date school_year_start(Date today);

}  // namespace kitap::core
