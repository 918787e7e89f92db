#pragma once

#include "kiosk/answers/desk_answers.hpp"
#include "kiosk/answers/hold_answers.hpp"
#include "kiosk/answers/import_answer.hpp"
#include "kiosk/answers/year_answers.hpp"
#include "kiosk/web/api_requests.hpp"

#include <string_view>

namespace kitap::web {

// The librarian's actions as the wire brings them: the answers' request structs with
// what the client asked, checked for shape and limits (the rules are the answers' and
// core's to apply). Who acts and when (`now`, the station) the route fills in.
// An optional key given as null or "" is as if left out, as the console's forms send them.

// Far above any real delivery, class set or write-off.
inline constexpr int max_count = 100000;

// POST /api/import/{readers|catalog|curriculum}?dry_run=1&filename=NAME&class=&sheet=&all_sheets=1
// with the file's bytes as the body: the request views `body`, which must outlive it.
Parsed<answers::ImportRequest> parse_import_request(std::string_view kind, const QueryParameters& query,
                                                    std::string_view body);

// POST /api/issue-set {"class", "title"?, "dry_run"?}
Parsed<answers::IssueSetRequest> parse_issue_set(std::string_view body);

// POST /api/return {"card", "isbn" | "copy", "count"?, "condition"?}
Parsed<answers::ReturnRequest> parse_return(std::string_view body);

// POST /api/settle {"card", "id"?, "as"?}
Parsed<answers::SettleRequest> parse_settle(std::string_view body);

// POST /api/holds {"card", "title" | "title_id"}
Parsed<answers::HoldRequest> parse_hold(std::string_view body);

// POST /api/receive {"isbn", "count" | "copies": [...], "price", "source"?, "date"?, "shelf"?}
Parsed<answers::ReceiveRequest> parse_receive(std::string_view body);

// POST /api/catalog/fetch {"isbn"}: the ISBN as typed or scanned; the answer checks it.
Parsed<std::string> parse_catalog_fetch(std::string_view body);

// POST /api/writeoff {"reason", "act"?, "isbn" and "count" | "copies": [...]}
Parsed<answers::WriteoffRequest> parse_writeoff(std::string_view body);

// POST /api/stocktake/start {"scope"?}
Parsed<answers::StocktakeStartRequest> parse_stocktake_start(std::string_view body);

// POST /api/year/close {"year"?, "dry_run"?, "early"?}
Parsed<answers::YearCloseRequest> parse_year_close(std::string_view body);

}  // namespace kitap::web
