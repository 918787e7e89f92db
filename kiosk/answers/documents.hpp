#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/print/print_error.hpp"
#include "kiosk/print/report_document.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace kitap::answers {

using DocumentOr = tl::expected<Document, Problem>;

inline constexpr const char* pdf_type = "application/pdf";
inline constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* csv_type = "text/csv; charset=utf-8";
inline constexpr const char* text_type = "text/plain; charset=utf-8";
// JSON whose keys keep the order a report lays them out in (nlohmann::json sorts them).
inline constexpr const char* ordered_json_type = "application/json";

// A kitap_print writer, which writes its document to a named file.
using DocumentWriter = std::function<tl::expected<void, printing::PrintError>(const std::filesystem::path&)>;

// The bytes `write` makes, written in a private scratch folder (libxlsxwriter can only
// write a named file) and read back. A print error (a code no barcode can carry) is
// bad_request "cannot_print"; no scratch folder is a fault.
DocumentOr written_document(const DocumentWriter& write, const app::Translator& tr, std::string content_type,
                            std::string filename);

// `text` (a class, a card, a year) made safe in a file name offered for download:
// anything but letters, digits, '-' and '_' becomes '_'.
std::string filename_part(const std::string& text);

// A report as PDF or XLSX (`format`), named `name` and the format's extension.
DocumentOr report_file(const printing::ReportDocument& document, const std::string& format, const app::Translator& tr,
                       const std::string& name);

}  // namespace kitap::answers
