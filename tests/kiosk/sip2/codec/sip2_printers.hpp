#pragma once

#include "kiosk/sip2/codec/message.hpp"

#include <ostream>

namespace kitap::sip2 {

// What a failed expectation shows of a message: its parts, not its bytes.
inline void PrintTo(const Message& message, std::ostream* out) {
    *out << "command " << message.command << ", fixed {";
    for (const auto& field : message.fixed) *out << ' ' << field.name << "=\"" << field.value << '"';
    *out << " }, fields {";
    for (const auto& field : message.fields) *out << ' ' << field.id << "=\"" << field.value << '"';
    *out << " }, sequence " << (message.sequence ? std::to_string(*message.sequence) : "none") << ", checksum "
         << (message.had_checksum ? "yes" : "no");
}

inline void PrintTo(const ParseProblem& problem, std::ostream* out) {
    *out << to_string(problem.kind) << " at " << problem.offset << ": " << problem.detail;
}

}  // namespace kitap::sip2
