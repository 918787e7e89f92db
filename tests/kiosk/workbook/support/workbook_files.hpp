#pragma once

// .xlsx written by libxlsxwriter as Excel would, beside the hand-made workbooks.
#include "handmade_workbooks.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

namespace kitap::testing {

// Writes an .xlsx with libxlsxwriter (which writes files only) and returns its bytes.
class XlsxWriter {
public:
    XlsxWriter()
        : path_(std::filesystem::temp_directory_path() /
                ("kitap-xlsx-" + std::to_string(std::random_device{}()) + ".xlsx")),
          workbook_(workbook_new(path_.c_str())) {}
    ~XlsxWriter() { std::filesystem::remove(path_); }
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    lxw_workbook* workbook() { return workbook_; }
    lxw_worksheet* sheet(const std::string& name) { return workbook_add_worksheet(workbook_, name.c_str()); }

    std::string bytes() {
        if (workbook_close(workbook_) != LXW_NO_ERROR) throw std::runtime_error("workbook_close failed");
        return file_bytes(path_);
    }

private:
    std::filesystem::path path_;
    lxw_workbook* workbook_;
};

}  // namespace kitap::testing
