#include "core/reports/label_records.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kitap::core {
namespace {

constexpr const char* copy_columns = "SELECT c.barcode, t.title FROM copy c JOIN title t ON t.id = c.title_id ";

CopyLabelRecord read_copy_label(SQLite::Statement& query) {
    return {query.getColumn(0).getString(), query.getColumn(1).getString()};
}

constexpr const char* reader_columns = R"(
    SELECT r.card, r.full_name, r.category, coalesce(c.grade || c.letter, '')
    FROM reader r LEFT JOIN school_class c ON c.id = r.class_id )";

constexpr const char* reader_order = R"(
    ORDER BY r.category <> 'pupil', r.category, c.grade, c.letter, r.full_name, r.card)";

ReaderCardRecord read_reader_card(SQLite::Statement& query) {
    return {query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
            query.getColumn(3).getString()};
}

std::vector<ReaderCardRecord> all_rows(SQLite::Statement& query) {
    std::vector<ReaderCardRecord> readers;
    while (query.executeStep()) readers.push_back(read_reader_card(query));
    return readers;
}

}  // namespace

CopyLabelLookup copy_labels_by_code(SQLite::Database& db, const std::vector<std::string>& codes) {
    SQLite::Statement query(db, std::string(copy_columns) + "WHERE c.barcode = ?");
    CopyLabelLookup lookup;
    for (const auto& code : codes) {
        if (rebind(query, code).executeStep())
            lookup.found.push_back(read_copy_label(query));
        else
            lookup.unknown.push_back(code);
    }
    return lookup;
}

std::vector<CopyLabelRecord> copy_labels_in_range(SQLite::Database& db, const std::string& from,
                                                  const std::string& to) {
    SQLite::Statement query(db, std::string(copy_columns) + R"(
        WHERE c.status = 'in_fund' AND length(c.barcode) = length(?1) AND c.barcode BETWEEN min(?1, ?2) AND max(?1, ?2)
        ORDER BY c.barcode)");
    rebind(query, from, to);
    std::vector<CopyLabelRecord> labels;
    while (query.executeStep()) labels.push_back(read_copy_label(query));
    return labels;
}

std::vector<ReaderCardRecord> reader_cards_of_class(SQLite::Database& db, const ClassName& name,
                                                    const std::string& school_year) {
    SQLite::Statement query(db, std::string(reader_columns) + R"(
        WHERE r.status = 'active' AND c.school_year = ? AND c.grade = ? AND c.letter = ?)" +
                                    reader_order);
    rebind(query, school_year, name.grade, name.letter);
    return all_rows(query);
}

ReaderCardLookup reader_cards_by_card(SQLite::Database& db, const std::vector<std::string>& cards) {
    SQLite::Statement query(db, std::string(reader_columns) + "WHERE r.card = ?");
    ReaderCardLookup lookup;
    for (const auto& card : cards) {
        if (rebind(query, card).executeStep())
            lookup.found.push_back(read_reader_card(query));
        else
            lookup.unknown.push_back(card);
    }
    return lookup;
}

std::vector<ReaderCardRecord> all_reader_cards(SQLite::Database& db) {
    SQLite::Statement query(db, std::string(reader_columns) + "WHERE r.status = 'active'" + reader_order);
    return all_rows(query);
}

}  // namespace kitap::core
