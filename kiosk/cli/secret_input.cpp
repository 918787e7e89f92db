#include "kiosk/cli/secret_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace kitap::cli {

std::string read_secret_line(const std::string& prompt) {
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n';
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

std::optional<std::string> read_new_secret(const std::string& prompt, const std::string& again_prompt) {
    std::string secret = read_secret_line(prompt);
    if (isatty(STDIN_FILENO) && read_secret_line(again_prompt) != secret) return std::nullopt;
    return secret;
}

}  // namespace kitap::cli
