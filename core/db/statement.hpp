#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace kitap::core {

template <typename T>
void bind_value(SQLite::Statement& statement, int index, const T& value) {
    statement.bind(index, value);
}

// An empty optional is bound as NULL.
template <typename T>
void bind_value(SQLite::Statement& statement, int index, const std::optional<T>& value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index);
}

// Readies a statement prepared once for another run, binding `args` to ?1, ?2, ...
// A run that failed (a full disk, a lock) threw then; sqlite3_reset() would report
// that error once more, so this statement would fail again after the cause is gone.
template <typename... Args>
SQLite::Statement& rebind(SQLite::Statement& statement, const Args&... args) {
    statement.tryReset();
    statement.clearBindings();
    int index = 1;
    (bind_value(statement, index++, args), ...);
    return statement;
}

inline std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

inline std::optional<int> optional_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt();
}

}  // namespace kitap::core
