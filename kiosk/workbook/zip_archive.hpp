#pragma once

#include "kiosk/workbook/workbook.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace kitap::workbook {

// A zip archive read from memory (libzip), whose entries are inflated in chunks
// and counted against one budget: a zip bomb is refused by its declared sizes
// before inflating, and by the bytes actually inflated if the sizes lie.
class ZipArchive {
public:
    ZipArchive(std::string_view bytes, const WorkbookLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    // Passes the entry's bytes to `chunk` as they are inflated.
    void read(const std::string& name, const std::function<void(std::string_view)>& chunk);
    // The whole entry (for small ones: the mimetype, relationships).
    std::string read_all(const std::string& name);

private:
    struct ZipCloser {
        void operator()(zip* archive) const;
    };
    std::unique_ptr<zip, ZipCloser> archive_;
    std::uint64_t budget_;
};

}  // namespace kitap::workbook
