#pragma once

#include "core/calendar.hpp"
#include "kiosk/answers/tables.hpp"
#include "kiosk/app/translator.hpp"

#include <optional>
#include <string>

namespace kitap::cli {

// The report tables live with the answers that make reports; the commands that
// still lay out their own tables use them from there.
using answers::CsvRow;
using answers::format_number;
using answers::Label;
using answers::label_for;
using answers::Table;
using answers::write_csv;
using answers::write_text_table;

// Where a report goes: --out FILE (written whole, 0600, never through a link:
// reports hold pupils' names), else standard output. Returns false (after
// saying why on stderr) when the file cannot be written.
bool write_report(const app::Translator& tr, const std::optional<std::string>& out_file, const std::string& text);

// "2026-11-25 14:22:05", the library's local time, as the tables for people show a moment.
std::string local_time_text(core::Timestamp at);

// The translation of `prefix + word`; a word newer than the translations shows as itself.
std::string word_in(const app::Translator& tr, const std::string& prefix, const std::string& word);

}  // namespace kitap::cli
