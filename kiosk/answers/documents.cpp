#include "kiosk/answers/documents.hpp"

#include "kiosk/print/pdf_report.hpp"
#include "kiosk/print/xlsx_report.hpp"

#include <stdlib.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <optional>

namespace kitap::answers {
namespace {

namespace fs = std::filesystem;

// A folder only this process's user can enter, removed with what is in it.
class ScratchFolder {
public:
    static std::optional<ScratchFolder> make() {
        std::string pattern = (fs::temp_directory_path() / "kitap-print-XXXXXX").string();
        if (!mkdtemp(pattern.data())) return std::nullopt;
        return ScratchFolder(pattern);
    }
    ScratchFolder(ScratchFolder&& other) noexcept : path_(std::exchange(other.path_, {})) {}
    ScratchFolder& operator=(ScratchFolder&&) = delete;
    ~ScratchFolder() {
        std::error_code ignored;
        if (!path_.empty()) fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

private:
    explicit ScratchFolder(fs::path path) : path_(std::move(path)) {}
    fs::path path_;
};

std::optional<std::string> file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) return std::nullopt;
    return bytes;
}

Problem print_problem(const printing::PrintError& error, const app::Translator& tr) {
    return {ProblemKind::bad_request, "cannot_print", tr(error.key, error.args)};
}

}  // namespace

std::string filename_part(const std::string& text) {
    std::string part;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        part += byte >= 0x80 || std::isalnum(byte) || c == '-' || c == '_' ? c : '_';
    }
    return part;
}

DocumentOr written_document(const DocumentWriter& write, const app::Translator& tr, std::string content_type,
                            std::string filename) {
    const auto scratch = ScratchFolder::make();
    if (!scratch)
        return tl::unexpected(Problem{ProblemKind::fault, "io",
                                      tr("print.error.cannot_write", {{"file", fs::temp_directory_path().string()}})});
    // The scratch file's name is ours: `filename` may carry a card or class a client sent.
    const fs::path file = scratch->path() / ("document" + fs::path(filename).extension().string());
    if (const auto written = write(file); !written) return tl::unexpected(print_problem(written.error(), tr));
    auto bytes = file_bytes(file);
    if (!bytes)
        return tl::unexpected(
            Problem{ProblemKind::fault, "io", tr("print.error.cannot_write", {{"file", file.string()}})});
    return Document{std::move(*bytes), std::move(content_type), std::move(filename)};
}

DocumentOr report_file(const printing::ReportDocument& document, const std::string& format, const app::Translator& tr,
                       const std::string& name) {
    if (format == "xlsx")
        return written_document([&](const fs::path& path) { return printing::write_xlsx_report(path, document); }, tr,
                                xlsx_type, name + ".xlsx");
    return written_document([&](const fs::path& path) { return printing::write_pdf_report(path, document); }, tr,
                            pdf_type, name + ".pdf");
}

}  // namespace kitap::answers
