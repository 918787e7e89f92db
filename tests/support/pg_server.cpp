#include "tests/support/pg_server.hpp"

#include "tests/support/shell.hpp"

#include <pwd.h>
#include <signal.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kServerUser = "postgres";  // made by Debian's postgresql-15 package
constexpr const char* kSocketFile = ".s.PGSQL.5432";

bool running_as_root() { return ::geteuid() == 0; }

// PostgreSQL refuses to run as root, and the tests run as root in CI's containers.
std::string as_server_user(const std::string& command) {
    return running_as_root() ? "runuser -u " + std::string(kServerUser) + " -- " + command : command;
}

void hand_to_server_user(const fs::path& path) {
    const passwd* user = ::getpwnam(kServerUser);
    if (!user) throw std::runtime_error("PgServer: no `postgres` user; install postgresql-15 (deploy/install-deps)");
    if (::chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::system_error(errno, std::generic_category(), "PgServer: chown " + path.string());
}

std::string last_lines(const std::string& text, int count) {
    std::size_t start = text.size();
    for (int lines = 0; start > 0; --start)
        if (text[start - 1] == '\n' && ++lines > count) break;
    return text.substr(start);
}

// A value in a libpq connection string, quoted: a temporary folder may hold a space.
std::string conninfo_value(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

// A server's postmaster and every process it forked work in its data folder, so this
// finds them all, even those the postmaster's death left with another parent. Zombies
// have no working folder and are left out: they hold nothing.
std::vector<pid_t> processes_working_in(const fs::path& folder) {
    std::vector<pid_t> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/proc", error)) {
        const std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        if (fs::read_symlink(entry.path() / "cwd", error) == folder) found.push_back(std::stoi(name));
    }
    return found;
}

}  // namespace

PgServer::PgServer(const std::filesystem::path& folder)
    : home_(fs::absolute(folder) / "pg"), log_(fs::absolute(folder) / "postgres.log") {
    prepare_folders();
    run_or_throw(as_server_user(quoted(program("initdb")) + " -D " + quoted(data()) +
                                " -U kitap --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions"));
    start();
    try {
        run_or_throw(quoted(program("createdb")) + " -h " + quoted(home_) + " -U kitap kitap");
    } catch (...) {
        stop_immediately();  // no destructor runs for a constructor that throws
        throw;
    }
}

PgServer::~PgServer() { stop_immediately(); }

std::string PgServer::conninfo(const std::string& database) const {
    return "host=" + conninfo_value(home_) + " dbname=" + conninfo_value(database) + " user=kitap";
}

void PgServer::start() {
    // No TCP (an empty listen_addresses), only the socket in FOLDER/pg; -F: no fsync.
    const std::string options = "-k " + quoted(home_) + " -c listen_addresses='' -F";
    run_or_throw(as_server_user(quoted(program("pg_ctl")) + " start -w -t 60 -D " + quoted(data()) + " -l " +
                                quoted(log_) + " -o " + quoted(options)));
    running_ = true;
}

void PgServer::stop() {
    run_or_throw(as_server_user(quoted(program("pg_ctl")) + " stop -w -t 60 -m fast -D " + quoted(data())));
    running_ = false;
}

void PgServer::kill_now() {
    const std::string pid_file = slurp(data() / "postmaster.pid");
    if (pid_file.empty()) throw std::runtime_error("PgServer::kill_now: no postmaster.pid; the server is not running");
    const pid_t postmaster = std::stoi(pid_file);
    note("# kill_now: SIGKILL to the postmaster, " + std::to_string(postmaster) + ", and what it forked");
    ::kill(postmaster, SIGKILL);
    // Its processes end once they notice it is gone, a busy backend only later: kill them too,
    // so that no session outlives the crash and start() finds its shared memory free.
    const fs::path data_folder = fs::canonical(data());
    const bool gone = wait_until(
        [&] {
            for (pid_t pid : processes_working_in(data_folder)) ::kill(pid, SIGKILL);
            return processes_working_in(data_folder).empty();
        },
        std::chrono::seconds(10));
    if (!gone) throw std::runtime_error("PgServer::kill_now: the server's processes outlived SIGKILL for 10 s");
    // The killed processes can stay zombies (a container's PID 1 may never reap them), and
    // PostgreSQL takes a pid in its lock files that still answers kill(pid, 0) for a live server.
    fs::remove(data() / "postmaster.pid");
    fs::remove(home_ / (std::string(kSocketFile) + ".lock"));
    running_ = false;
}

std::filesystem::path PgServer::program(const std::string& name) { return fs::path(KITAP_PG_BIN) / name; }

void PgServer::prepare_folders() const {
    const std::string socket = (home_ / kSocketFile).string();
    if (socket.size() >= sizeof(sockaddr_un{}.sun_path))
        throw std::runtime_error("PgServer: the socket path " + socket +
                                 " is longer than a Unix socket's 107 bytes; set TMPDIR to a shorter folder");
    fs::create_directory(home_);
    fs::permissions(home_, fs::perms::owner_all, fs::perm_options::replace);
    std::ofstream{log_};  // made here, so that the server's user can append to it
    if (!running_as_root()) return;
    // mkdtemp made FOLDER 0700: let the server's user through to FOLDER/pg, its own.
    fs::permissions(home_.parent_path(), fs::perms::others_exec, fs::perm_options::add);
    hand_to_server_user(home_);
    hand_to_server_user(log_);
    if (run(as_server_user("test -w " + quoted(home_))) != 0)
        throw std::runtime_error("PgServer: user postgres cannot write to " + home_.string() +
                                 ": a folder above it is closed to others (o+x); set TMPDIR to one that is not");
}

void PgServer::stop_immediately() noexcept {
    if (!running_) return;
    running_ = false;
    try {
        const std::string command =
            as_server_user(quoted(program("pg_ctl")) + " stop -w -m immediate -D " + quoted(data()));
        note("$ " + command);
        run(command + " >> " + quoted(log_) + " 2>&1");
    } catch (...) {
    }
}

void PgServer::note(const std::string& line) const { std::ofstream(log_, std::ios::app) << line << '\n'; }

// Runs a command line with its output added to the log; when it fails, the error says
// what failed and ends with the log's last lines (initdb's or the server's complaint).
void PgServer::run_or_throw(const std::string& command) const {
    note("$ " + command);
    // From FOLDER: the server's user may not enter the test's working folder.
    const int code = run("cd " + quoted(home_.parent_path()) + " && " + command + " >> " + quoted(log_) + " 2>&1");
    if (code != 0)
        throw std::runtime_error("PgServer: `" + command + "` failed (exit " + std::to_string(code) + "); " +
                                 log_.string() + " ends with:\n" + last_lines(slurp(log_), 20));
}

}  // namespace kitap::testing
