#include "kiosk/workbook/zip_archive.hpp"

#include "kiosk/workbook/workbook_failure.hpp"

#include <zip.h>

#include <array>

namespace kitap::workbook {
namespace {

[[noreturn]] void refuse_too_large(std::uint64_t limit) {
    refuse("import.error.workbook_too_large", {{"limit", std::to_string(limit >> 20) + " MiB"}});
}

struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

zip_t* open_archive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) refuse_broken(zip_error_strerror(&error));
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        refuse_broken(reason);
    }
    return archive;
}

}  // namespace

void ZipArchive::ZipCloser::operator()(zip* archive) const { zip_discard(archive); }

ZipArchive::ZipArchive(std::string_view bytes, const WorkbookLimits& limits)
    : archive_(open_archive(bytes)), budget_(limits.uncompressed_bytes) {}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0; }

void ZipArchive::read(const std::string& name, const std::function<void(std::string_view)>& chunk) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) refuse_broken("no " + name + " in the workbook");
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        refuse("import.error.workbook_encrypted");
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > budget_) refuse_too_large(budget_);
    const std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(archive_.get(), name.c_str(), 0));
    if (!file) refuse_broken(name + ": " + zip_strerror(archive_.get()));
    std::array<char, 64 * 1024> buffer;
    for (;;) {
        const auto got = zip_fread(file.get(), buffer.data(), buffer.size());
        if (got < 0) refuse_broken(name + ": " + zip_file_strerror(file.get()));
        if (got == 0) break;
        if (static_cast<std::uint64_t>(got) > budget_) refuse_too_large(budget_);
        budget_ -= static_cast<std::uint64_t>(got);
        chunk(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    }
}

std::string ZipArchive::read_all(const std::string& name) {
    std::string bytes;
    read(name, [&](std::string_view chunk) { bytes.append(chunk); });
    return bytes;
}

}  // namespace kitap::workbook
