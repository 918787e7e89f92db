#pragma once

#include <pqxx/connection>

#include <stdexcept>
#include <string>

namespace kitap::district {

// The district's server cannot be used as asked: its schema is missing or newer
// than this Kitap's, or a school's records there contradict the school's own.
// Failures to reach the server are libpq's own (pqxx::failure); both end a command
// with exit code 3.
class DistrictError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The newest district schema this Kitap knows (kiosk/district/sql).
int latest_district_schema();

struct SchemaChange {
    int from = 0;  // 0: there was none
    int to = 0;
};

// Creates the district's tables or brings them up to date, each migration in its
// own transaction, under a lock so that two `kitap district init` cannot interleave.
// Refuses a schema newer than this Kitap's (DistrictError).
SchemaChange migrate_district(pqxx::connection& connection);

// The district's schema is the one this Kitap writes, else DistrictError saying
// what to run (`kitap district init`, or a newer Kitap).
void require_current_schema(pqxx::connection& connection);

}  // namespace kitap::district
