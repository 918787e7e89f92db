#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::sip2 {

// Splits a byte stream into messages: each ends at CR, LF or CRLF (terminators not part of the message; empty
// lines between are skipped). Terminals differ in which they send, and some send CRLF split over two packets:
// the LF of a split CRLF is an empty line, skipped.
class MessageFramer {
public:
    explicit MessageFramer(std::size_t max_message_bytes = 8192);

    void feed(std::string_view bytes);
    // The next whole message, if one has arrived.
    std::optional<std::string> next();
    // A message longer than the limit arrived (with or without its end): the connection is to be answered with
    // nothing more and closed.
    bool overflowed() const { return overflowed_; }
    // Bytes of a message begun but not ended (a half message when the peer goes away).
    bool has_partial() const { return unended_bytes_ > 0; }

private:
    std::size_t max_message_bytes_;
    std::string buffer_;
    // Bytes since the last terminator: a message that has not ended yet, counted as it arrives, so that an
    // endless one is refused without waiting for (or keeping) its end.
    std::size_t unended_bytes_ = 0;
    bool overflowed_ = false;
};

}  // namespace kitap::sip2
