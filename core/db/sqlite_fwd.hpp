#pragma once

// What a core header needs to declare functions over a connection, without
// SQLiteCpp's headers: those stay inside core (a PRIVATE dependency of kitap_core).
namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite
