#include "kiosk/workbook/xls_reader.hpp"

#include "kiosk/workbook/cell_text.hpp"
#include "kiosk/workbook/child_reader.hpp"
#include "kiosk/workbook/workbook_failure.hpp"

#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <system_error>
#include <type_traits>
#include <vector>

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
    // The descriptor, read from the start (a spawned child's standard input).
    int rewound() const {
        if (::lseek(fd_, 0, SEEK_SET) != 0) throw std::system_error(errno, std::generic_category(), "lseek");
        return fd_;
    }

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

// The limits a spawned child works under travel as its arguments, in this order.
static_assert(std::is_same_v<std::size_t, std::uint64_t>);
std::array<std::uint64_t*, 8> limit_fields(WorkbookLimits& limits) {
    return {&limits.input_bytes, &limits.uncompressed_bytes, &limits.sheets, &limits.rows,
            &limits.columns,     &limits.cell_bytes,         &limits.cells,  &limits.text_bytes};
}

std::vector<std::string> limit_arguments(WorkbookLimits limits) {
    std::vector<std::string> args{std::string(xls_child_command)};
    for (const auto* field : limit_fields(limits)) args.push_back(std::to_string(*field));
    return args;
}

std::optional<WorkbookLimits> limits_from(int argc, const char* const* argv) {
    WorkbookLimits limits;
    const auto fields = limit_fields(limits);
    if (argc != static_cast<int>(fields.size())) return std::nullopt;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view text(argv[i]);
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *fields[i]);
        if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    }
    return limits;
}

// Standard input, up to one byte past `limit` (then the workbook is too large).
std::string read_standard_input(std::size_t limit) {
    std::string bytes;
    char buffer[64 * 1024];
    while (bytes.size() <= limit) {
        const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) refuse_broken("cannot read the workbook");
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return bytes;
}

}  // namespace

void read_xls(std::string_view bytes, SheetBuilder& sheets, const WorkbookLimits& limits, const XlsChild& xls_child) {
    const bool spawn = xls_child.start == XlsChild::Start::spawn ||
                       (xls_child.start == XlsChild::Start::automatic && has_several_threads());
    if (!spawn)
        return read_in_child([&](SheetBuilder& child_sheets) { read_with_freexl(bytes, child_sheets, limits); }, sheets,
                             limits);
    const MemoryFile input(bytes);
    read_in_process(xls_child.program, limit_arguments(limits), input.rewound(), sheets, limits);
}

void run_xls_child(int argc, const char* const* argv) {
    const auto limits = limits_from(argc, argv);
    if (!limits) _exit(2);
    serve_as_child(
        [&](SheetBuilder& sheets) {
            const auto bytes = read_standard_input(limits->input_bytes);
            if (bytes.size() > limits->input_bytes)
                refuse("import.error.workbook_too_large",
                       {{"limit", std::to_string(limits->input_bytes >> 20) + " MiB"}});
            read_with_freexl(bytes, sheets, *limits);
        },
        *limits, STDOUT_FILENO);
}

}  // namespace kitap::workbook
