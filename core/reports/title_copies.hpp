#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// A labelled copy of a title and where it is: on its shelf, with a reader (and until
// when), lost or written off.
struct TitleCopy {
    std::string code;
    CopyStatus status = CopyStatus::in_fund;
    std::string shelf;
    std::optional<std::string> holder_card;  // while on loan
    std::optional<std::string> holder_name;
    std::optional<Date> due;
};

// Every labelled copy of the title `title_id`, by inventory number.
std::vector<TitleCopy> title_copies(SQLite::Database& db, RowId title_id);

}  // namespace kitap::core
