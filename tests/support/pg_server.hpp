#pragma once

#include <filesystem>
#include <string>

namespace kitap::testing {

// A real PostgreSQL 15 server for one test, in a fresh folder the test owns (a TempDir):
// its data in FOLDER/pg/data, its Unix socket in FOLDER/pg and no TCP (so tests running in
// parallel never share a port), everything it and its tools print in FOLDER/postgres.log.
// A superuser `kitap` with trust authentication and an empty database `kitap`; ready for
// connections once constructed. fsync is off: a killed server still keeps every commit
// (the kernel has the pages), only a machine's crash would lose them, and no test does that.
// As root the server runs as Debian's `postgres` user (PostgreSQL refuses root), otherwise
// as the test's own user.
class PgServer {
public:
    explicit PgServer(const std::filesystem::path& folder);
    ~PgServer();  // an immediate stop; never throws
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // For libpq: "host=FOLDER/pg dbname=DATABASE user=kitap".
    std::string conninfo(const std::string& database = "kitap") const;

    // Starts it on the same data; after kill_now() that is a crash recovery.
    void start();
    // A clean, fast stop (pg_ctl -m fast): sessions are ended, commits kept.
    void stop();
    // SIGKILL to the postmaster, then to each process it left, as a server that crashed;
    // returns once none of them runs.
    void kill_now();

    // PostgreSQL 15's own programs (psql, pg_dump, ...), not Debian's version-picking wrappers.
    static std::filesystem::path program(const std::string& name);

private:
    void prepare_folders() const;
    void stop_immediately() noexcept;  // pg_ctl -m immediate: tests need no clean shutdown
    void run_or_throw(const std::string& command) const;
    void note(const std::string& line) const;  // a line in the log, between the server's own
    std::filesystem::path data() const { return home_ / "data"; }

    std::filesystem::path home_;  // FOLDER/pg: the data and the socket, the server's user's own
    std::filesystem::path log_;
    bool running_ = false;
};

}  // namespace kitap::testing
