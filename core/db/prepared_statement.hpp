#pragma once

#include "core/db/sqlite_fwd.hpp"

#include <memory>
#include <string>

namespace kitap::core {

// A statement prepared once on a connection, held behind a pointer so that a class
// keeping its statements as members declares them without SQLiteCpp's headers: the
// front ends include such classes' headers (core::Station's) and must not see SQLite.
// It converts to the SQLite::Statement it holds, so core's .cpp files bind and step
// it as before (rebind(statement_, ...)).
class PreparedStatement {
public:
    PreparedStatement(SQLite::Database& db, const std::string& sql);
    ~PreparedStatement();
    PreparedStatement(PreparedStatement&&) noexcept;
    PreparedStatement& operator=(PreparedStatement&&) noexcept;

    operator SQLite::Statement&() { return *statement_; }
    SQLite::Statement* operator->() { return statement_.get(); }

private:
    std::unique_ptr<SQLite::Statement> statement_;
};

}  // namespace kitap::core
