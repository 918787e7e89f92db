#include "tests/kiosk/gui/support/child_process.hpp"

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kitap::testing {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                           const std::filesystem::path& output, int keep_fd) {
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        for (const auto& variable : environment) putenv(const_cast<char*>(variable.c_str()));
        const int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        const int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, STDIN_FILENO);
        for (int other = 3; other < 256; ++other)
            if (other != keep_fd) close(other);
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
}

ChildProcess::~ChildProcess() {
    if (running()) {
        ::kill(pid_, SIGKILL);
        wait_for_exit(std::chrono::seconds(10));
    }
}

bool ChildProcess::running() {
    if (status_ || pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

void ChildProcess::signal(int number) {
    if (running()) ::kill(pid_, number);
}

std::optional<int> ChildProcess::wait_for_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return status_;
}

std::optional<std::filesystem::path> find_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const auto candidate = std::filesystem::path(dirs.substr(start, end - start)) / program;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

VirtualDisplay::VirtualDisplay(const std::filesystem::path& log) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    server_.emplace(std::vector<std::string>{"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0",
                                             "1280x800x24", "-nolisten", "tcp", "-noreset"},
                    std::vector<std::string>{}, log, fds[1]);
    close(fds[1]);
    // Xvfb writes the display number it chose once it accepts clients.
    std::string number;
    pollfd wait{.fd = fds[0], .events = POLLIN};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (number.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        if (poll(&wait, 1, 200) <= 0) continue;
        char buffer[32];
        const auto n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        number.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    if (number.find('\n') == std::string::npos) throw std::runtime_error("Xvfb did not start; see " + log.string());
    name_ = ":";  // (not ":" + ...: g++ 12 warns falsely, -Wrestrict)
    name_ += number.substr(0, number.find('\n'));
}

VirtualDisplay::~VirtualDisplay() {
    // SIGTERM lets Xvfb remove its lock file and socket.
    server_->signal(SIGTERM);
    server_->wait_for_exit(std::chrono::seconds(5));
}

}  // namespace kitap::testing
