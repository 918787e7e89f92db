#pragma once

#include "core/db/private_files.hpp"
#include "kiosk/print/print_error.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string_view>

namespace kitap::printing {

// A document on its way to `target`: written by name at partial(), in a private
// folder beside the target (see core::StagedFile), and renamed into place when
// complete, so nobody ever opens half a document, and a document holding pupils'
// names is readable by its owner only (0600) whatever the umask. A target that
// is a symbolic link is refused: a link planted in a shared folder must not
// lead a report into someone else's file.
class PendingFile {
public:
    static tl::expected<PendingFile, PrintError> stage(const std::filesystem::path& target);

    const std::filesystem::path& partial() const { return staged_.path(); }
    tl::expected<void, PrintError> commit();
    PrintError cannot_write() const;

private:
    explicit PendingFile(core::StagedFile staged) : staged_(std::move(staged)) {}

    core::StagedFile staged_;
};

// "print.error.cannot_write" for `target`.
PrintError cannot_write(const std::filesystem::path& target);

// Writes `bytes` as `target` through a pending file.
tl::expected<void, PrintError> write_document_file(const std::filesystem::path& target, std::string_view bytes);

}  // namespace kitap::printing
