#pragma once

#include "kiosk/marc/catalog_mapping.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace kitap::marc {

// Copy cataloguing: the record of a book in hand from the school's Z39.50 servers
// (`kitap catalog fetch`, the web console's receive page).
struct ServerFailure {
    std::string server;
    std::string reason;  // what ZOOM said
};

struct FetchedRecords {
    std::string server;  // whose records these are: the first with one, else the last that answered
    long long found = 0;
    std::vector<core::CatalogRecord> records;                           // as the server's records say, without holdings
    std::vector<std::pair<std::string, core::ImportProblem>> problems;  // records of any server that map to no title
    std::vector<ServerFailure> failures;                                // servers that could not be asked

    bool answered() const { return !server.empty(); }
};

// Asks `servers` in turn for `isbn` (13 digits) until one has a record that maps to a title.
FetchedRecords fetch_by_isbn(const std::vector<std::string>& servers, const std::string& isbn,
                             std::chrono::seconds timeout = std::chrono::seconds(10));

}  // namespace kitap::marc
