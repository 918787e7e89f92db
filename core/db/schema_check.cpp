#include "core/db/schema_check.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <tuple>

namespace kitap::core {
namespace {

auto identity(const SchemaObject& object) { return std::tie(object.type, object.name); }

std::string described(const SchemaObject& object) { return object.type + " " + object.name; }

}  // namespace

std::vector<SchemaObject> read_schema(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema");
    std::vector<SchemaObject> objects;
    while (query.executeStep())
        objects.push_back({.type = query.getColumn(0).getString(),
                           .name = query.getColumn(1).getString(),
                           .table = query.getColumn(2).getString(),
                           .sql = query.getColumn(3).getString()});
    std::sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) { return identity(a) < identity(b); });
    return objects;
}

std::optional<SchemaDifference> first_schema_difference(const std::vector<SchemaObject>& found,
                                                        const std::vector<SchemaObject>& expected) {
    auto have = found.begin();
    auto want = expected.begin();
    while (have != found.end() || want != expected.end()) {
        if (want == expected.end() || (have != found.end() && identity(*have) < identity(*want)))
            return SchemaDifference{SchemaDifferenceKind::unexpected, described(*have)};
        if (have == found.end() || identity(*want) < identity(*have))
            return SchemaDifference{SchemaDifferenceKind::missing, described(*want)};
        if (have->table != want->table || have->sql != want->sql)
            return SchemaDifference{SchemaDifferenceKind::changed, described(*have)};
        ++have;
        ++want;
    }
    return std::nullopt;
}

}  // namespace kitap::core
