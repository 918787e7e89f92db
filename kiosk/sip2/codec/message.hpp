#pragma once

// The SIP2 codec (3M Standard Interchange Protocol 2.00, how self-check machines and book
// drops talk to a library system): one message's bytes as a Message, and a Message as bytes.
// What it promises:
// - parse_request takes exactly one request as the terminal sent it, its CR/LF already cut
//   off by the transport, and reads nothing past it. It knows the requests' fixed parts and
//   cuts them by position; it does not judge their contents (Y or N, dates): the session does.
// - A request is refused, with the kind of problem and the byte where it went wrong, when it
//   is empty, not a known request, too short for its fixed part, holds a control character,
//   has a malformed variable field or sequence number, or ends in a checksum that is wrong.
//   A message without AY/AZ is accepted: error detection is the terminal's choice.
// - encode_answer writes what parse_request would read: the fixed part exactly as laid out
//   (anything else is a programming error, std::logic_error), each variable field with its '|',
//   values with no '|' or control characters and at most 255 bytes, cut between UTF-8
//   characters; with error detection, AY<sequence>AZ<checksum>; then "\r".
// - Values are bytes: UTF-8 passes through untouched and checksums add bytes, not characters.
// Nothing here touches a socket, a clock or a database; this header brings the whole codec.

#include "kiosk/sip2/codec/checksum.hpp"
#include "kiosk/sip2/codec/layouts.hpp"
#include "kiosk/sip2/codec/sip_date.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::sip2 {

// A variable field: a two-letter identifier ("AA": the patron's barcode) and its value.
struct Field {
    std::string id;
    std::string value;

    friend bool operator==(const Field&, const Field&) = default;
};

// A fixed-length field of a message's fixed part, by the name its layout gives it.
struct FixedField {
    std::string name;  // "transaction_date"
    std::string value;

    friend bool operator==(const FixedField&, const FixedField&) = default;
};

struct Message {
    std::string command;            // "93", "11", "12" ...
    std::vector<FixedField> fixed;  // the fixed part, field by field, as the layout of `command` cuts it
    std::vector<Field> fields;      // the variable fields in order, without AY/AZ
    std::optional<int> sequence;    // AY's digit when the message carried one
    bool had_checksum = false;      // the request ended in AZ (verified by parse_request)

    // The value of the fixed field `name`; "" when the message has none of that name.
    std::string_view fixed_value(std::string_view name) const;
    // The first variable field `id`.
    std::optional<std::string_view> field(std::string_view id) const;
    // Every variable field `id`, in order (a 64's AU lines, one per charged item).
    std::vector<std::string_view> fields_of(std::string_view id) const;

    friend bool operator==(const Message&, const Message&) = default;
};

enum class ParseProblemKind {
    empty,
    unknown_command,
    short_fixed_part,
    bad_field,
    bad_checksum,
    bad_sequence,
    control_character
};
// "empty", "unknown_command", ...: stable words, for logs and tests.
std::string_view to_string(ParseProblemKind kind);

struct ParseProblem {
    ParseProblemKind kind;
    std::size_t offset = 0;  // the byte where it went wrong
    std::string detail;      // what was wrong there, in English, for the log
};

// One request as the terminal sent it, without CR/LF. Known requests only:
// 93 99 97 23 63 11 09 17 29 65 35 37 01 15 19 25.
tl::expected<Message, ParseProblem> parse_request(std::string_view bytes);

// An answer's bytes, with its terminating "\r". `error_detection`: end with AY<seq>AZ<checksum>,
// the sequence being answer.sequence (0 when unset); 96 (Request SC Resend) carries AZ only,
// as the spec asks. A command that is not an answer, a fixed part that is not the answer's
// layout exactly (each field present, in order, of its length), a field id that is not two
// capital letters or is AY/AZ, or a sequence outside 0-9 is a programming error:
// std::logic_error. Values go out as field_value_on_wire makes them (fixed ones keep their
// length: control characters become spaces). Answers: 94 98 96 24 64 12 10 18 30 66 36 38 16 20 26.
std::string encode_answer(const Message& answer, bool error_detection);
// The same for a request, as a terminal would send it (97 carries AZ only): for tests, tools
// and the fuzz target's round trip.
std::string encode_request(const Message& request, bool error_detection);

// What a variable field's value becomes on the wire: '|' (the field separator) and control
// characters (CR and LF end the message) become spaces, and it is cut to 255 bytes, SIP's
// limit, without splitting a UTF-8 character.
std::string field_value_on_wire(std::string_view value);

}  // namespace kitap::sip2
