#pragma once

#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// One row of sqlite_schema: a table, index, trigger or view and the SQL that makes it.
struct SchemaObject {
    std::string type;
    std::string name;
    std::string table;
    std::string sql;  // empty for the indexes SQLite makes for UNIQUE and PRIMARY KEY
};

// Every object in the database's schema, ordered by type, then name. Leaves out
// rootpage, the one column that depends on the file's history rather than on
// what the object is. The SQL is compared as stored: SQLite keeps each CREATE
// statement's text as it was run (after its own fixed tidying of the first
// keywords), so the same migrations give the same text byte for byte.
std::vector<SchemaObject> read_schema(SQLite::Database& db);

enum class SchemaDifferenceKind { unexpected, missing, changed };

struct SchemaDifference {
    SchemaDifferenceKind kind;
    std::string object;  // "trigger loan_moves": its type and name
};

// The first object, in read_schema's order, that `found` has and `expected`
// lacks, lacks that `expected` has, or has with other SQL or on another table.
std::optional<SchemaDifference> first_schema_difference(const std::vector<SchemaObject>& found,
                                                        const std::vector<SchemaObject>& expected);

}  // namespace kitap::core
