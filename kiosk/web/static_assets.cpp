#include "kiosk/web/static_assets.hpp"

#include <array>
#include <utility>
#include <vector>

namespace kitap::web {

extern const std::vector<kitap::EmbeddedFile> web_asset_files;  // generated from assets/web

std::span<const EmbeddedFile> web_assets() { return web_asset_files; }

std::string_view content_type_of(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> types{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
    }};
    for (const auto& [extension, type] : types)
        if (name.ends_with(extension)) return type;
    return "application/octet-stream";
}

std::optional<StaticAsset> find_asset(std::span<const EmbeddedFile> assets, std::string_view request_path) {
    if (!request_path.starts_with('/')) return std::nullopt;
    request_path.remove_prefix(1);
    const auto name = request_path.empty() ? std::string_view("index.html") : request_path;
    for (const auto& asset : assets)
        if (asset.name == name) return StaticAsset{asset.contents, content_type_of(asset.name)};
    return std::nullopt;
}

}  // namespace kitap::web
