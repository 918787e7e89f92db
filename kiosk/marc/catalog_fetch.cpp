#include "kiosk/marc/catalog_fetch.hpp"

#include "kiosk/marc/z3950_search.hpp"

namespace kitap::marc {

FetchedRecords fetch_by_isbn(const std::vector<std::string>& servers, const std::string& isbn,
                             std::chrono::seconds timeout) {
    FetchedRecords fetched;
    for (const auto& server : servers) {
        const auto answer = search_by_isbn({.server = server, .isbn = isbn, .timeout = timeout});
        if (!answer) {
            fetched.failures.push_back({server, answer.error().reason});
            continue;
        }
        std::string raw;
        for (const auto& record : answer->records) raw += record;
        auto mapped = raw.empty() ? MappedRecords{} : map_records(read_marc(raw, {}), MarcFlavour::auto_detect);
        for (auto& problem : mapped.problems) fetched.problems.emplace_back(server, std::move(problem));
        fetched.server = server;
        fetched.found = answer->found;
        fetched.records = std::move(mapped.records);
        // Inventory numbers in another library's record are that library's copies, never ours.
        for (auto& record : fetched.records) record.holdings.clear();
        if (!fetched.records.empty()) break;
    }
    return fetched;
}

}  // namespace kitap::marc
