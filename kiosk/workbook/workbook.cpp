#include "kiosk/workbook/workbook.hpp"

#include "kiosk/workbook/ods_reader.hpp"
#include "kiosk/workbook/sheet_builder.hpp"
#include "kiosk/workbook/workbook_failure.hpp"
#include "kiosk/workbook/xls_reader.hpp"
#include "kiosk/workbook/xlsx_reader.hpp"
#include "kiosk/workbook/zip_archive.hpp"

#include <new>

namespace kitap::workbook {
namespace {

constexpr std::string_view ole2_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view zip_magic = "PK\x03\x04";
constexpr std::string_view ods_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
// An Office document saved with a password is an OLE2 file holding this stream (its name in UTF-16LE).
constexpr std::string_view encrypted_package = {"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32};

// A zip is an .ods when its mimetype entry says so, an .xlsx when its content
// types name a spreadsheet; anything else is no workbook Kitap reads.
void read_zip(std::string_view bytes, SheetBuilder& sheets, const WorkbookLimits& limits) {
    ZipArchive archive(bytes, limits);
    if (archive.has("mimetype") && archive.read_all("mimetype").starts_with(ods_mimetype))
        return read_ods(archive, sheets, limits);
    if (archive.has("[Content_Types].xml") && archive.has("xl/workbook.xml")) return read_xlsx(archive, sheets, limits);
    refuse("import.error.workbook_unknown");
}

}  // namespace

FileFormat detect_format(std::string_view bytes) {
    if (bytes.starts_with(ole2_magic)) return FileFormat::ole2;
    if (bytes.starts_with(zip_magic)) return FileFormat::zip;
    return FileFormat::text;
}

tl::expected<core::SourceTable, WorkbookError> read_workbook(std::string_view bytes, const WorkbookLimits& limits,
                                                             const XlsChild& xls_child) {
    core::SourceTable table;
    SheetBuilder sheets(table, limits);
    try {
        if (bytes.size() > limits.input_bytes)
            refuse("import.error.workbook_too_large", {{"limit", std::to_string(limits.input_bytes >> 20) + " MiB"}});
        if (detect_format(bytes) == FileFormat::ole2) {
            if (bytes.find(encrypted_package) != std::string_view::npos) refuse("import.error.workbook_encrypted");
            read_xls(bytes, sheets, limits, xls_child);
        } else {
            read_zip(bytes, sheets, limits);
        }
    } catch (const WorkbookFailure& failure) {
        return tl::unexpected(failure.error);
    } catch (const std::bad_alloc&) {
        return tl::unexpected(WorkbookError{"import.error.workbook_too_large", {{"limit", "memory"}}});
    }
    return table;
}

}  // namespace kitap::workbook
