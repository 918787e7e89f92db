#pragma once

#include "kiosk/print/print_error.hpp"

#include <tl/expected.hpp>

#include <filesystem>

namespace kitap::printing {

// A file written beside its target (TARGET.partial) and renamed into place when
// complete, so that nobody ever opens half a document; removed when abandoned.
class PendingFile {
public:
    explicit PendingFile(std::filesystem::path target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    const std::filesystem::path& partial() const { return partial_; }
    const std::filesystem::path& target() const { return target_; }
    tl::expected<void, PrintError> commit();
    PrintError cannot_write() const;

private:
    std::filesystem::path target_;
    std::filesystem::path partial_;
    bool committed_ = false;
};

}  // namespace kitap::printing
