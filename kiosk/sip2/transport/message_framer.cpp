#include "kiosk/sip2/transport/message_framer.hpp"

namespace kitap::sip2 {
namespace {

constexpr std::string_view terminators = "\r\n";

bool is_terminator(char c) { return c == '\r' || c == '\n'; }

}  // namespace

MessageFramer::MessageFramer(std::size_t max_message_bytes) : max_message_bytes_(max_message_bytes) {}

void MessageFramer::feed(std::string_view bytes) {
    if (overflowed_) return;
    for (const char c : bytes) {
        unended_bytes_ = is_terminator(c) ? 0 : unended_bytes_ + 1;
        if (unended_bytes_ > max_message_bytes_) {
            // Nothing of this connection is answered any more: what is buffered is dropped with it.
            overflowed_ = true;
            buffer_.clear();
            unended_bytes_ = 0;
            return;
        }
    }
    buffer_.append(bytes);
}

std::optional<std::string> MessageFramer::next() {
    buffer_.erase(0, buffer_.find_first_not_of(terminators));  // empty lines, and the LF of a CRLF
    const auto end = buffer_.find_first_of(terminators);
    if (end == std::string::npos) return std::nullopt;
    std::string message = buffer_.substr(0, end);
    buffer_.erase(0, end + 1);
    return message;
}

}  // namespace kitap::sip2
