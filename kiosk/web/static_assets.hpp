#pragma once

#include "core/embedded_file.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace kitap::web {

// The console's pages, scripts, styles and images (assets/web/**) compiled into the binary.
std::span<const EmbeddedFile> web_assets();

struct StaticAsset {
    std::string_view contents;
    std::string_view content_type;
};

// The asset a request path names ("/" is index.html, "/js/desk.js" is js/desk.js), or
// nullopt: no such asset. Only names in `assets` are ever served, so no path reaches the file system.
std::optional<StaticAsset> find_asset(std::span<const EmbeddedFile> assets, std::string_view request_path);

// By the file's extension; application/octet-stream for any other.
std::string_view content_type_of(std::string_view name);

}  // namespace kitap::web
