#include "kiosk/district/district_database.hpp"

#include "core/embedded_file.hpp"

#include <pqxx/pqxx>

#include <charconv>
#include <vector>

namespace kitap::district {

extern const std::vector<kitap::EmbeddedFile> migrations;  // generated from kiosk/district/sql

namespace {

// Any number: it only has to be the same in every Kitap that migrates a district.
constexpr long long migration_lock = 0x6b69746170;  // "kitap"

int migration_number(std::string_view name) {
    int number = 0;
    std::from_chars(name.data(), name.data() + name.size(), number);
    return number;
}

int schema_version(pqxx::transaction_base& transaction) {
    transaction.exec("CREATE TABLE IF NOT EXISTS kitap_schema (version integer NOT NULL)");
    const auto rows = transaction.exec("SELECT max(version) FROM kitap_schema");
    return rows[0][0].is_null() ? 0 : rows[0][0].as<int>();
}

void refuse_newer(int version) {
    if (version > latest_district_schema())
        throw DistrictError("the district's schema is version " + std::to_string(version) +
                            ", newer than this Kitap understands (" + std::to_string(latest_district_schema()) +
                            "); sync with the newer Kitap that wrote it");
}

}  // namespace

int latest_district_schema() {
    int latest = 0;
    for (const auto& migration : migrations) latest = std::max(latest, migration_number(migration.name));
    return latest;
}

SchemaChange migrate_district(pqxx::connection& connection) {
    SchemaChange change{.from = -1};
    for (const auto& migration : migrations) {
        pqxx::work transaction(connection);
        transaction.exec("SELECT pg_advisory_xact_lock(" + std::to_string(migration_lock) + ")");
        const int version = schema_version(transaction);
        if (change.from < 0) change.from = version;
        change.to = version;
        refuse_newer(version);
        const int number = migration_number(migration.name);
        if (number <= version) continue;
        transaction.exec(std::string(migration.contents));
        transaction.exec("INSERT INTO kitap_schema (version) VALUES (" + std::to_string(number) + ")");
        transaction.commit();
        change.to = number;
    }
    return change;
}

void require_current_schema(pqxx::connection& connection) {
    pqxx::read_transaction transaction(connection);
    const auto exists = transaction.exec("SELECT to_regclass('kitap_schema') IS NOT NULL");
    const int version = exists[0][0].as<bool>()
                            ? transaction.exec("SELECT coalesce(max(version), 0) FROM kitap_schema")[0][0].as<int>()
                            : 0;
    refuse_newer(version);
    if (version < latest_district_schema())
        throw DistrictError("the district's schema is version " + std::to_string(version) + ", this Kitap's is " +
                            std::to_string(latest_district_schema()) + ": run `kitap district init` first");
}

}  // namespace kitap::district
