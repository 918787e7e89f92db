#include "kiosk/marc/z3950_search.hpp"

#include <yaz/zoom.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace kitap::marc {
namespace {

struct OptionsFree {
    void operator()(ZOOM_options options) const { ZOOM_options_destroy(options); }
};
struct ConnectionFree {
    void operator()(ZOOM_connection connection) const { ZOOM_connection_destroy(connection); }
};
struct ResultSetFree {
    void operator()(ZOOM_resultset results) const { ZOOM_resultset_destroy(results); }
};
using Options = std::unique_ptr<std::remove_pointer_t<ZOOM_options>, OptionsFree>;
using Connection = std::unique_ptr<std::remove_pointer_t<ZOOM_connection>, ConnectionFree>;
using ResultSet = std::unique_ptr<std::remove_pointer_t<ZOOM_resultset>, ResultSetFree>;

std::optional<SearchFailure> failure_of(ZOOM_connection connection) {
    const char* message = nullptr;
    const char* detail = nullptr;
    if (ZOOM_connection_error(connection, &message, &detail) == 0) return std::nullopt;
    std::string reason = message ? message : "?";
    if (detail && *detail) reason += std::string(" (") + detail + ")";
    return SearchFailure{reason};
}

}  // namespace

tl::expected<ServerAnswer, SearchFailure> search_by_isbn(const IsbnSearch& search) {
    const Options options(ZOOM_options_create());
    ZOOM_options_set(options.get(), "timeout", std::to_string(search.timeout.count()).c_str());
    ZOOM_options_set(options.get(), "preferredRecordSyntax", "usmarc");
    ZOOM_options_set(options.get(), "elementSetName", "F");
    const Connection connection(ZOOM_connection_create(options.get()));
    ZOOM_connection_connect(connection.get(), search.server.c_str(), 0);
    if (auto failure = failure_of(connection.get())) return tl::unexpected(*failure);

    const auto query = "@attr 1=7 " + search.isbn;
    const ResultSet results(ZOOM_connection_search_pqf(connection.get(), query.c_str()));
    if (auto failure = failure_of(connection.get())) return tl::unexpected(*failure);

    ServerAnswer answer{.found = static_cast<long long>(ZOOM_resultset_size(results.get()))};
    const auto wanted = std::min<std::size_t>(ZOOM_resultset_size(results.get()), search.max_records);
    for (std::size_t i = 0; i < wanted; ++i) {
        const auto record = ZOOM_resultset_record(results.get(), i);
        if (auto failure = failure_of(connection.get())) return tl::unexpected(*failure);
        int length = 0;
        const char* raw = record ? ZOOM_record_get(record, "raw", &length) : nullptr;
        if (raw && length > 0) answer.records.emplace_back(raw, static_cast<std::size_t>(length));
    }
    return answer;
}

}  // namespace kitap::marc
