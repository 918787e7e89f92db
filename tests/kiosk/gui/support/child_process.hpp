#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace kitap::testing {

// A program the end-to-end tests start: stdout and stderr to a file, extra
// environment on top of the test's own. Killed (SIGKILL) and reaped if still
// running when destroyed.
class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                 const std::filesystem::path& output, int keep_fd = -1);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    void signal(int number);
    // The exit code (128 + signal when killed by one), or nullopt on timeout.
    std::optional<int> wait_for_exit(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

// The full path of `program` on $PATH, if it is installed.
std::optional<std::filesystem::path> find_program(const std::string& program);

// An X server of its own (Xvfb -displayfd, 1280x800x24) for one test.
class VirtualDisplay {
public:
    explicit VirtualDisplay(const std::filesystem::path& log);
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    const std::string& name() const { return name_; }  // ":99"

private:
    std::optional<ChildProcess> server_;
    std::string name_;
};

}  // namespace kitap::testing
