#pragma once

#include <tl/expected.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace kitap::marc {

// What a Z39.50 server answered to a search: how many records it has and the
// first of them as it sent them (ISO 2709 bytes).
struct ServerAnswer {
    long long found = 0;
    std::vector<std::string> records;
};

struct SearchFailure {
    std::string reason;  // what ZOOM said: "Connect failed (127.0.0.1:210)"
};

struct IsbnSearch {
    std::string server;  // HOST:PORT/DATABASE, as yaz takes it
    std::string isbn;    // digits only (the query is built from it)
    std::size_t max_records = 5;
    std::chrono::seconds timeout{10};  // for each step: connect, search, present
};

// Searches `server` by ISBN (Bib-1 use attribute 7) with yaz's ZOOM API, asking for
// MARC 21 records; a server of another flavour may still send its own.
tl::expected<ServerAnswer, SearchFailure> search_by_isbn(const IsbnSearch& search);

}  // namespace kitap::marc
