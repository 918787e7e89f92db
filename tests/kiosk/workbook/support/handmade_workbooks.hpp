#pragma once

// Workbooks put together part by part with libzip: hand-written .xlsx and .ods
// (what libxlsxwriter never writes), zip bombs; used by the tests and the fuzzers.
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kitap::testing {

inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A zip of the named entries, in order, each deflated ("mimetype" stored, as ODF wants).
inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip_open_from_source failed");
    zip_source_keep(buffer);
    for (const auto& [name, contents] : entries) {
        zip_source_t* data = zip_source_buffer(archive, contents.data(), contents.size(), 0);
        const auto index = zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("zip_file_add failed");
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 name == "mimetype" ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    const auto size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    return bytes;
}

// A minimal .xlsx from its sheets' <sheetData> contents (and optional shared strings
// and styles), for what libxlsxwriter never writes: 2.0000014E7, inline strings, 1904.
inline std::string handmade_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                                 const std::string& shared_strings = "", const std::string& styles = "",
                                 bool epoch_1904 = false) {
    std::string workbook =
        R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)";
    if (epoch_1904) workbook += R"(<workbookPr date1904="1"/>)";
    workbook += "<sheets>";
    std::string relationships =
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    std::vector<std::pair<std::string, std::string>> entries{
        {"[Content_Types].xml",
         R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"}};
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const auto n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        relationships += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        entries.emplace_back(
            "xl/worksheets/sheet" + n + ".xml",
            R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
                sheets[i].second + "</sheetData></worksheet>");
    }
    entries.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
    entries.emplace_back("xl/_rels/workbook.xml.rels", relationships + "</Relationships>");
    if (!shared_strings.empty()) entries.emplace_back("xl/sharedStrings.xml", shared_strings);
    if (!styles.empty()) entries.emplace_back("xl/styles.xml", styles);
    return zip_of(entries);
}

// An .ods from content.xml's <office:spreadsheet> contents.
inline std::string handmade_ods(const std::string& spreadsheet) {
    return zip_of(
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
         {"content.xml",
          R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)" +
              spreadsheet + "</office:spreadsheet></office:body></office:document-content>"}});
}

}  // namespace kitap::testing
