#include "kiosk/workbook/xls_reader.hpp"

#include "kiosk/workbook/cell_text.hpp"
#include "kiosk/workbook/child_reader.hpp"
#include "kiosk/workbook/workbook_failure.hpp"

#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

namespace kitap::workbook {
namespace {

// freexl opens only paths: the bytes go into an anonymous memory file, never to disk.
class MemoryFile {
public:
    explicit MemoryFile(std::string_view bytes) : fd_(memfd_create("kitap-xls", MFD_CLOEXEC)) {
        if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "memfd_create");
        for (std::size_t written = 0; written < bytes.size();) {
            const auto n = ::write(fd_, bytes.data() + written, bytes.size() - written);
            if (n < 0) {
                ::close(fd_);
                throw std::system_error(errno, std::generic_category(), "writing the workbook to memory");
            }
            written += static_cast<std::size_t>(n);
        }
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
    int fd_;
};

class FreexlHandle {
public:
    explicit FreexlHandle(const std::string& path) {
        const int status = freexl_open(path.c_str(), &handle_);
        if (status != FREEXL_OK) {
            handle_ = nullptr;
            refuse_broken("freexl error " + std::to_string(status));
        }
    }
    ~FreexlHandle() {
        if (handle_) freexl_close(handle_);
    }
    FreexlHandle(const FreexlHandle&) = delete;
    FreexlHandle& operator=(const FreexlHandle&) = delete;

    const void* get() const { return handle_; }

    unsigned int info(unsigned short what) const {
        unsigned int value = 0;
        if (freexl_get_info(handle_, what, &value) != FREEXL_OK) refuse_broken("freexl cannot read the workbook");
        return value;
    }

private:
    const void* handle_ = nullptr;
};

std::string cell_text(const FreeXL_CellValue& cell) {
    switch (cell.type) {
        case FREEXL_CELL_INT:
            return std::to_string(cell.value.int_value);
        case FREEXL_CELL_DOUBLE: {
            char stored[32];
            const auto end = std::to_chars(stored, stored + sizeof stored, cell.value.double_value).ptr;
            const std::string_view text(stored, static_cast<std::size_t>(end - stored));
            return number_text(text).value_or(std::string(text));
        }
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_TIME:
            return cell.value.text_value ? cell.value.text_value : "";
        case FREEXL_CELL_DATETIME:
            return cell.value.text_value ? iso_date_text(cell.value.text_value) : "";
        default:
            return {};
    }
}

// freexl on the workbook, in this process.
void read_with_freexl(std::string_view bytes, SheetBuilder& sheets, const WorkbookLimits& limits) {
    const MemoryFile file(bytes);
    const FreexlHandle workbook(file.path());
    if (workbook.info(FREEXL_BIFF_PASSWORD) != FREEXL_BIFF_PLAIN) refuse("import.error.workbook_encrypted");
    const auto count = workbook.info(FREEXL_BIFF_SHEET_COUNT);
    for (unsigned short index = 0; index < count; ++index) {
        const char* name = nullptr;
        if (freexl_get_worksheet_name(workbook.get(), index, &name) != FREEXL_OK ||
            freexl_select_active_worksheet(workbook.get(), index) != FREEXL_OK)
            refuse_broken("freexl cannot read sheet " + std::to_string(index + 1));
        sheets.start_sheet(name ? name : "");
        unsigned int rows = 0;
        unsigned short columns = 0;
        if (freexl_worksheet_dimensions(workbook.get(), &rows, &columns) != FREEXL_OK)
            refuse_broken("freexl cannot read sheet " + std::to_string(index + 1));
        const auto read_columns = std::min<std::size_t>(columns, limits.columns + 1);
        for (unsigned int row = 0; row < rows; ++row)
            for (unsigned short column = 0; column < read_columns; ++column) {
                FreeXL_CellValue cell;
                if (freexl_get_cell_value(workbook.get(), row, column, &cell) != FREEXL_OK)
                    refuse_broken("freexl cannot read a cell of sheet " + std::to_string(index + 1));
                sheets.set_cell(row + 1, column + 1u, cell_text(cell));
            }
    }
}

}  // namespace

void read_xls(std::string_view bytes, SheetBuilder& sheets, const WorkbookLimits& limits) {
    read_in_child([&](SheetBuilder& child_sheets) { read_with_freexl(bytes, child_sheets, limits); }, sheets, limits);
}

}  // namespace kitap::workbook
