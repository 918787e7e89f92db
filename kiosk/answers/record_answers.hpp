#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/answers/problem.hpp"

#include <optional>
#include <ostream>
#include <string>

// What the librarian reads back and sets: the audit log (`kitap audit --json`), the
// write-off acts (`kitap acts --json`), the settings and the kiosk's librarian PIN.
namespace kitap::answers {

// `--since` / `?since=`: a day or a time; none is the audit's default window before `now`.
ProblemOr<core::Timestamp> audit_since(const app::Translator& tr, const std::optional<std::string>& since_text,
                                       core::Timestamp now);
// `kitap audit --json`: one array, an entry to a line, oldest first, written to `out`
// as the entries come (years of class issuances need not fit in memory).
core::OrFault<void> write_audit_json(core::Library& library, core::Timestamp since, std::ostream& out);
// GET /api/audit?since=: the same bytes, as a JSON document.
AnswerOr audit_answer(const AnswerContext& context, const std::optional<std::string>& since_text);

// `kitap acts --json`: [{"number", "date", "reason", "rows", "copies", "sum"}] (sum in tenge).
AnswerOr acts_answer(const AnswerContext& context);

// GET /api/settings: {"school_name", "config_file" (null: the built-in defaults),
// "loan_days": {kind: days}, "loan_limits": {category: loans}, "kiosk": {"kiosk_language"
// (null: the kiosk's own start language), "kiosk_idle_timeout_seconds", "kiosk_librarian_lock_seconds"}}.
AnswerOr settings_answer(const AnswerContext& context);

// A kiosk setting changed (checked, stored and audited in one transaction):
// {"key", "value"}; a refused value is bad_request with the setting problem as its code.
AnswerOr change_setting_answer(const AnswerContext& context, const std::string& key, const std::string& value,
                               const std::string& station);

// `kitap librarian set-pin`'s rules: 6 to 8 digits, stored as an argon2id hash and audited.
// {"pin_set": true}; a PIN of the wrong form is bad_request "bad_pin".
AnswerOr librarian_pin_answer(const AnswerContext& context, const std::string& pin, const std::string& station);

}  // namespace kitap::answers
