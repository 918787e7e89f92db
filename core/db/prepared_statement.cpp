#include "core/db/prepared_statement.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kitap::core {

PreparedStatement::PreparedStatement(SQLite::Database& db, const std::string& sql)
    : statement_(std::make_unique<SQLite::Statement>(db, sql)) {}

PreparedStatement::~PreparedStatement() = default;
PreparedStatement::PreparedStatement(PreparedStatement&&) noexcept = default;
PreparedStatement& PreparedStatement::operator=(PreparedStatement&&) noexcept = default;

}  // namespace kitap::core
