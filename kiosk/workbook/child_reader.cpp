#include "kiosk/workbook/child_reader.hpp"

#include "kiosk/workbook/workbook_failure.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>

extern char** environ;

namespace kitap::workbook {
namespace {

// The child's messages: 'S' name | 'C' row column text | 'E' key count (name value)* | 'Z' (the end).
class Message {
public:
    void tag(char c) { bytes_ += c; }
    void number(std::uint64_t value) { bytes_.append(reinterpret_cast<const char*>(&value), sizeof value); }
    void text(const std::string& value) {
        number(value.size());
        bytes_ += value;
    }
    const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
};

class MessageReader {
public:
    explicit MessageReader(std::string_view bytes) : rest_(bytes) {}

    bool done() const { return rest_.empty(); }
    char tag() { return take(1).front(); }
    std::uint64_t number() {
        std::uint64_t value = 0;
        std::memcpy(&value, take(sizeof value).data(), sizeof value);
        return value;
    }
    std::string text() {
        const auto size = number();
        if (size > rest_.size()) refuse_broken("the .xls reader sent a broken table");
        return std::string(take(static_cast<std::size_t>(size)));
    }

private:
    std::string_view take(std::size_t size) {
        if (size > rest_.size()) refuse_broken("the .xls reader sent a broken table");
        const auto taken = rest_.substr(0, size);
        rest_.remove_prefix(size);
        return taken;
    }
    std::string_view rest_;
};

std::string encoded(const core::SourceTable& table) {
    Message message;
    for (const auto& sheet : table.sheets) {
        message.tag('S');
        message.text(sheet.name);
        for (const auto& row : sheet.rows)
            for (std::size_t column = 0; column < row.fields.size(); ++column) {
                if (row.fields[column].empty()) continue;
                message.tag('C');
                message.number(row.line);
                message.number(column + 1);
                message.text(row.fields[column]);
            }
    }
    message.tag('Z');
    return message.bytes();
}

std::string encoded(const WorkbookError& error) {
    Message message;
    message.tag('E');
    message.text(error.key);
    message.number(error.args.size());
    for (const auto& [name, value] : error.args) {
        message.text(name);
        message.text(value);
    }
    message.tag('Z');
    return message.bytes();
}

void write_all(int fd, const std::string& bytes) {
    for (std::size_t written = 0; written < bytes.size();) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        written += static_cast<std::size_t>(n);
    }
}

#if defined(__SANITIZE_ADDRESS__)
#define KITAP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KITAP_SANITIZED 1
#endif
#endif

// The sanitizers' hook for a fatal error they find (libFuzzer sets it to save the
// input as a finding); absent from a release build.
extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

void end_child() { _exit(1); }

// A crash in the child ends the child only, as in a release build: the default
// signal actions, and (under the sanitizers and libFuzzer) no crash report handler.
void crash_alone() {
    for (const int signal : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) ::signal(signal, SIG_DFL);
    if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(end_child);
}

}  // namespace

void serve_as_child(const std::function<void(SheetBuilder&)>& read, const WorkbookLimits& limits, int out) {
    crash_alone();
    const rlimit cpu{30, 30};
    setrlimit(RLIMIT_CPU, &cpu);
#ifndef KITAP_SANITIZED  // the sanitizers reserve terabytes of address space
    const rlimit memory{2ull << 30, 2ull << 30};
    setrlimit(RLIMIT_AS, &memory);
#endif
    int status = 0;
    try {
        core::SourceTable table;
        SheetBuilder sheets(table, limits);
        read(sheets);
        write_all(out, encoded(table));
    } catch (const WorkbookFailure& failure) {
        write_all(out, encoded(failure.error));
    } catch (...) {
        status = 1;
    }
    _exit(status);
}

namespace {

// Everything the child sends, at most `limit` bytes (more is a broken child).
std::string read_all(int fd, std::size_t limit) {
    std::string bytes;
    char buffer[64 * 1024];
    for (;;) {
        const auto n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return bytes;
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > limit) return bytes;
    }
}

void rebuild(std::string_view bytes, SheetBuilder& sheets) {
    MessageReader message(bytes);
    for (;;) {
        const char tag = message.tag();
        if (tag == 'Z' && message.done()) return;
        if (tag == 'S') {
            sheets.start_sheet(message.text());
        } else if (tag == 'C') {
            const auto row = message.number();
            const auto column = message.number();
            sheets.set_cell(static_cast<std::size_t>(row), static_cast<std::size_t>(column), message.text());
        } else if (tag == 'E') {
            WorkbookError error{message.text(), {}};
            for (auto count = message.number(); count > 0; --count) {
                auto name = message.text();
                error.args[std::move(name)] = message.text();
            }
            if (!error.key.starts_with("import.error.workbook_")) refuse_broken("the .xls reader sent a broken table");
            throw WorkbookFailure(std::move(error));
        } else {
            refuse_broken("the .xls reader sent a broken table");
        }
    }
}

// The child's cells, once it has ended well; `fd` is the pipe's reading end.
void collect(pid_t child, int fd, SheetBuilder& sheets, const WorkbookLimits& limits) {
    const auto bytes = read_all(fd, limits.text_bytes + limits.cells * 32 + (1u << 20));
    ::close(fd);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) refuse_broken("the .xls reader stopped on this file");
    rebuild(bytes, sheets);
}

struct Pipe {
    int read_end = -1;
    int write_end = -1;
};

Pipe make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    return {fds[0], fds[1]};
}

// posix_spawn's settings, released however the spawn ends.
class SpawnActions {
public:
    SpawnActions() { posix_spawn_file_actions_init(&actions_); }
    ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_;
};

}  // namespace

void read_in_child(const std::function<void(SheetBuilder&)>& read, SheetBuilder& sheets, const WorkbookLimits& limits) {
    const auto pipe = make_pipe();
    const pid_t child = fork();
    if (child < 0) {
        ::close(pipe.read_end);
        ::close(pipe.write_end);
        throw std::system_error(errno, std::generic_category(), "fork");
    }
    if (child == 0) {
        ::close(pipe.read_end);
        serve_as_child(read, limits, pipe.write_end);
    }
    ::close(pipe.write_end);
    collect(child, pipe.read_end, sheets, limits);
}

void read_in_process(const std::filesystem::path& program, const std::vector<std::string>& args, int input_fd,
                     SheetBuilder& sheets, const WorkbookLimits& limits) {
    std::vector<std::string> words{program.string()};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);

    const auto pipe = make_pipe();
    SpawnActions actions;
    posix_spawn_file_actions_adddup2(actions.get(), input_fd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(actions.get(), pipe.write_end, STDOUT_FILENO);
    posix_spawn_file_actions_addclosefrom_np(actions.get(), STDERR_FILENO + 1);
    pid_t child = 0;
    const int failed = posix_spawn(&child, argv[0], actions.get(), nullptr, argv.data(), environ);
    ::close(pipe.write_end);
    if (failed != 0) {
        ::close(pipe.read_end);
        throw std::system_error(failed, std::generic_category(), "posix_spawn " + words.front());
    }
    collect(child, pipe.read_end, sheets, limits);
}

bool has_several_threads() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("Threads:")) return std::stoi(line.substr(8)) > 1;
    return true;  // unknown: the safe way
}

}  // namespace kitap::workbook
