#include "kiosk/print/pending_file.hpp"

namespace kitap::printing {

PendingFile::PendingFile(std::filesystem::path target)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {}

PendingFile::~PendingFile() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
}

tl::expected<void, PrintError> PendingFile::commit() {
    std::error_code error;
    std::filesystem::rename(partial_, target_, error);
    if (error) return tl::unexpected(cannot_write());
    committed_ = true;
    return {};
}

PrintError PendingFile::cannot_write() const { return {"print.error.cannot_write", {{"file", target_.string()}}}; }

}  // namespace kitap::printing
