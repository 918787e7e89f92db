#include "devices/io/line_splitter.hpp"

namespace kitap::devices {

LineSplitter::LineSplitter(std::size_t max_line_length) : max_line_length_(max_line_length) {}

std::vector<std::string> LineSplitter::feed(std::string_view bytes) {
    std::vector<std::string> lines;
    for (const char c : bytes) {
        if (c == '\n' || c == '\r') {
            if (!line_.empty() && !overlong_) lines.push_back(line_);
            reset();
        } else if (line_.size() == max_line_length_) {
            overlong_ = true;
        } else if (!overlong_) {
            line_ += c;
        }
    }
    return lines;
}

std::optional<std::string> LineSplitter::finish() {
    std::optional<std::string> last;
    if (!line_.empty() && !overlong_) last = line_;
    reset();
    return last;
}

void LineSplitter::reset() {
    line_.clear();
    overlong_ = false;
}

}  // namespace kitap::devices
