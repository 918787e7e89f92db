#include "kiosk/print/pending_file.hpp"

namespace kitap::printing {

namespace {

PrintError refused(const std::filesystem::path& target, const std::filesystem::filesystem_error& error) {
    if (dynamic_cast<const core::PlantedLinkError*>(&error))
        return {"print.error.symlink", {{"file", target.string()}}};
    return cannot_write(target);
}

}  // namespace

tl::expected<PendingFile, PrintError> PendingFile::stage(const std::filesystem::path& target) {
    try {
        return PendingFile(core::StagedFile(target));
    } catch (const std::filesystem::filesystem_error& e) {
        return tl::unexpected(refused(target, e));
    }
}

tl::expected<void, PrintError> PendingFile::commit() {
    try {
        staged_.commit();
        return {};
    } catch (const std::filesystem::filesystem_error& e) {
        return tl::unexpected(refused(staged_.target(), e));
    }
}

PrintError PendingFile::cannot_write() const { return printing::cannot_write(staged_.target()); }

PrintError cannot_write(const std::filesystem::path& target) {
    return {"print.error.cannot_write", {{"file", target.string()}}};
}

tl::expected<void, PrintError> write_document_file(const std::filesystem::path& target, std::string_view bytes) {
    try {
        core::write_private_file(target, bytes);
        return {};
    } catch (const std::filesystem::filesystem_error& e) {
        return tl::unexpected(refused(target, e));
    }
}

}  // namespace kitap::printing
