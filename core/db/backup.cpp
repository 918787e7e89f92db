#include "core/db/backup.hpp"

#include "core/db/database.hpp"
#include "core/db/private_files.hpp"
#include "core/db/schema_check.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

fs::path lock_path(const fs::path& db_path) { return fs::path(db_path.string() + ".kiosk-lock"); }

// A URI opening `file` read-only and immutable: SQLite then writes nothing beside
// it (no -wal, no -shm) and replays no journal of its.
std::string immutable_uri(const fs::path& file) {
    std::string uri = "file:";
    for (const char c : fs::absolute(file).lexically_normal().string()) {
        if (c == '%' || c == '?' || c == '#') {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
            uri += escaped;
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

RestoreRefusal refusal_for(SchemaDifferenceKind kind) {
    switch (kind) {
        case SchemaDifferenceKind::unexpected:
            return RestoreRefusal::unexpected_object;
        case SchemaDifferenceKind::missing:
            return RestoreRefusal::missing_object;
        case SchemaDifferenceKind::changed:
            break;
    }
    return RestoreRefusal::changed_object;
}

std::optional<RestoreProblem> differs_from_kitaps_schema(SQLite::Database& db, int version) {
    auto reference = reference_schema(version);
    const auto difference = first_schema_difference(read_schema(db), read_schema(reference));
    if (!difference) return std::nullopt;
    return RestoreProblem{refusal_for(difference->kind), difference->object};
}

// <db>.restoring, a new owner-only copy of the backup. A regular file there is
// what an interrupted restore left and goes; a link is refused.
void copy_to_incoming(const FileDescriptor& backup, const fs::path& incoming) {
    refuse_link(incoming);
    fs::remove(incoming);
    copy_and_sync(backup, create_private_file(incoming), incoming);
}

}  // namespace

void backup_database(SQLite::Database& db, const fs::path& out) {
    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    StagedFile staged(out);
    {
        auto copy = open_connection(staged.path().string(), SQLite::OPEN_READWRITE);
        SQLite::Backup backup(copy, db);
        // A few hundred pages at a time so that a kiosk writing meanwhile only waits briefly.
        while (backup.executeStep(256) != SQLITE_DONE) sqlite3_sleep(1);
    }
    staged.commit();
}

std::string backup_file_name(std::string_view label) {
    std::string name = "kitap-" + std::string(label) + ".db";
    std::replace(name.begin(), name.end(), ':', '-');
    return name;
}

fs::path default_backup_path(const fs::path& db_path, const std::string& timestamp) {
    return db_path.parent_path() / "backups" / backup_file_name(timestamp);
}

constexpr auto restore_refusal_names = enum_names<RestoreRefusal>({
    {RestoreRefusal::unreadable, "unreadable"},
    {RestoreRefusal::integrity_failed, "integrity_failed"},
    {RestoreRefusal::newer_schema, "newer_schema"},
    {RestoreRefusal::unexpected_object, "unexpected_object"},
    {RestoreRefusal::missing_object, "missing_object"},
    {RestoreRefusal::changed_object, "changed_object"},
    {RestoreRefusal::planted_link, "planted_link"},
    {RestoreRefusal::kiosk_running, "kiosk_running"},
});

std::string_view to_string(RestoreRefusal refusal) { return restore_refusal_names.name_of(refusal); }

std::optional<RestoreProblem> check_backup(const fs::path& backup) {
    try {
        auto db = open_connection(immutable_uri(backup), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok") return RestoreProblem{RestoreRefusal::integrity_failed, integrity};
        const int version = schema_version(db);
        if (version > latest_schema_version())
            return RestoreProblem{RestoreRefusal::newer_schema, "schema version " + std::to_string(version)};
        if (version == 0) return RestoreProblem{RestoreRefusal::unreadable, "not a Kitap database"};
        return differs_from_kitaps_schema(db, version);
    } catch (const SQLite::Exception& e) {
        return RestoreProblem{RestoreRefusal::unreadable, e.what()};
    }
}

std::optional<RestoreProblem> restore_database(const fs::path& db_path, const fs::path& backup) {
    if (KioskLock::held_by_someone(db_path))
        return RestoreProblem{RestoreRefusal::kiosk_running, "a kiosk holds " + db_path.string()};
    const FileDescriptor source(::open(backup.c_str(), O_RDONLY | O_CLOEXEC));
    if (source.get() < 0) return RestoreProblem{RestoreRefusal::unreadable, std::strerror(errno)};
    // Copied first and renamed into place, so a failure part-way leaves the old database as it was.
    const fs::path incoming = db_path.string() + ".restoring";
    try {
        copy_to_incoming(source, incoming);
    } catch (const PlantedLinkError&) {
        return RestoreProblem{RestoreRefusal::planted_link, incoming.string()};
    }
    if (auto problem = check_backup(incoming)) {
        fs::remove(incoming);
        return problem;
    }
    if (fs::exists(db_path)) {
        // Fold the WAL into the old database before keeping it aside.
        open_connection(db_path.string(), SQLite::OPEN_READWRITE).exec("PRAGMA wal_checkpoint(TRUNCATE)");
        fs::rename(db_path, db_path.string() + ".replaced");
        for (const char* suffix : {"-wal", "-shm"}) fs::remove(db_path.string() + suffix);
    }
    fs::rename(incoming, db_path);
    open_database(db_path);  // migrates an older backup, with its own backup first
    return std::nullopt;
}

KioskLock::KioskLock(const fs::path& db_path) {
    fd_ = ::open(lock_path(db_path).c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0 && errno == ELOOP)
        throw DatabaseError(lock_path(db_path).string() + " is a symbolic link; Kitap does not follow links there");
    if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (fd_ >= 0) ::close(fd_);
        throw DatabaseError("another kiosk is running on " + db_path.string());
    }
}

KioskLock::~KioskLock() { ::close(fd_); }

bool KioskLock::held_by_someone(const fs::path& db_path) {
    const int fd = ::open(lock_path(db_path).c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

}  // namespace kitap::core
