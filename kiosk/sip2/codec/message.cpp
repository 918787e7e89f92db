#include "kiosk/sip2/codec/message.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace kitap::sip2 {
namespace {

constexpr std::size_t command_length = 2;
constexpr std::size_t max_field_bytes = 255;
constexpr std::string_view checksum_id = "AZ";
constexpr std::string_view sequence_id = "AY";
constexpr std::size_t checksum_trailer_length = 6;  // "AZ" and four hex digits
constexpr std::size_t sequence_trailer_length = 3;  // "AY" and one digit

bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_hex(char c) { return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

bool is_field_id(std::string_view id) {
    return id.size() == 2 && std::ranges::all_of(id, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Requests 96 and 97 ask for the last message again; the spec gives them a checksum when
// error detection is on, but never a sequence number.
bool is_resend(std::string_view command) { return command == "96" || command == "97"; }

std::string replace_control_characters(std::string_view value) {
    std::string clean(value);
    std::ranges::replace_if(clean, is_control, ' ');
    return clean;
}

std::string hex_byte(char c) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned char>(c));
    return text;
}

// --- parsing ---

tl::unexpected<ParseProblem> refuse(ParseProblemKind kind, std::size_t offset, std::string detail) {
    return tl::unexpected(ParseProblem{.kind = kind, .offset = offset, .detail = std::move(detail)});
}

// The AY/AZ error detection a request may end in, found by position as Koha finds it: a
// checksum is "AZ" and four hex digits at the very end, a sequence "AY" and a digit before
// that (or at the very end, when the terminal numbers its messages without summing them).
// Anything less is no trailer: a last field "AFKAZAKH|" ends in "AZ" and four characters.
struct Trailer {
    std::size_t start;  // where the message's own bytes end
    std::optional<int> sequence;
    bool has_checksum = false;
};

Trailer find_trailer(std::string_view bytes) {
    Trailer trailer{.start = bytes.size()};
    const auto ends_with_at = [&](std::size_t end, std::size_t length, std::string_view id) {
        return end >= command_length + length && bytes.substr(end - length, 2) == id;
    };
    if (ends_with_at(trailer.start, checksum_trailer_length, checksum_id) &&
        std::ranges::all_of(bytes.substr(trailer.start - 4), is_hex)) {
        trailer.has_checksum = true;
        trailer.start -= checksum_trailer_length;
    }
    if (ends_with_at(trailer.start, sequence_trailer_length, sequence_id) && is_digit(bytes[trailer.start - 1])) {
        trailer.sequence = bytes[trailer.start - 1] - '0';
        trailer.start -= sequence_trailer_length;
    }
    return trailer;
}

std::optional<ParseProblem> checksum_problem(std::string_view bytes, const Trailer& trailer) {
    if (!trailer.has_checksum) return std::nullopt;
    const auto digits_at = bytes.size() - 4;
    const auto through_az = bytes.substr(0, digits_at);
    if (checksum_matches(through_az, bytes.substr(digits_at))) return std::nullopt;
    return ParseProblem{
        ParseProblemKind::bad_checksum, digits_at,
        "checksum " + std::string(bytes.substr(digits_at)) + ", the bytes sum to " + checksum(through_az)};
}

std::vector<FixedField> cut_fixed_part(std::string_view fixed_part, std::span<const FixedLayout> layout) {
    std::vector<FixedField> fixed;
    std::size_t at = 0;
    for (const auto& field : layout) {
        fixed.push_back({std::string(field.name), std::string(fixed_part.substr(at, field.length))});
        at += field.length;
    }
    return fixed;
}

std::size_t fixed_part_length(std::span<const FixedLayout> layout) {
    std::size_t length = 0;
    for (const auto& field : layout) length += field.length;
    return length;
}

// One "IDvalue" between separators, starting at `offset`; AY and AZ belong at the end only.
tl::expected<Field, ParseProblem> parse_field(std::string_view segment, std::size_t offset) {
    const auto id = segment.substr(0, 2);
    if (!is_field_id(id))
        return refuse(ParseProblemKind::bad_field, offset, "a field must start with two capital letters");
    if (id == sequence_id) {
        // "AY1AZ" and then not four hex digits: the checksum is what is broken, at its digits.
        if (segment.size() > 3 && is_digit(segment[2]) && segment.substr(3, 2) == checksum_id)
            return refuse(ParseProblemKind::bad_checksum, offset + 5, "AZ must be four hex digits at the very end");
        return refuse(ParseProblemKind::bad_sequence, offset, "AY must be one digit just before AZ or the end");
    }
    if (id == checksum_id)
        return refuse(ParseProblemKind::bad_checksum, offset, "AZ must be four hex digits at the very end");
    return Field{std::string(id), std::string(segment.substr(2))};
}

// The variable fields in bytes[begin, end): "IDvalue|" repeated, the last '|' optional.
tl::expected<std::vector<Field>, ParseProblem> parse_fields(std::string_view bytes, std::size_t begin,
                                                            std::size_t end) {
    std::vector<Field> fields;
    for (std::size_t at = begin; at < end;) {
        const auto separator = std::min(bytes.find('|', at), end);
        auto field = parse_field(bytes.substr(at, separator - at), at);
        if (!field) return tl::unexpected(std::move(field.error()));
        fields.push_back(std::move(*field));
        at = separator + 1;
    }
    return fields;
}

// --- encoding ---

[[noreturn]] void misuse(const std::string& what) { throw std::logic_error("SIP2 " + what); }

void append_fixed_part(std::string& out, const Message& message) {
    const auto layout = fixed_layout(message.command);
    if (message.fixed.size() != layout.size())
        misuse(message.command + " has " + std::to_string(layout.size()) + " fixed fields, not " +
               std::to_string(message.fixed.size()));
    for (std::size_t i = 0; i < layout.size(); ++i) {
        const auto& field = message.fixed[i];
        if (field.name != layout[i].name || field.value.size() != layout[i].length)
            misuse(message.command + "'s fixed field " + std::to_string(i + 1) + " is " + std::string(layout[i].name) +
                   " of " + std::to_string(layout[i].length) + " bytes, not " + field.name + " of " +
                   std::to_string(field.value.size()));
        out += replace_control_characters(field.value);
    }
}

void append_fields(std::string& out, const Message& message) {
    for (const auto& field : message.fields) {
        if (!is_field_id(field.id) || field.id == sequence_id || field.id == checksum_id)
            misuse("field id \"" + field.id + "\" is not two capital letters other than AY and AZ");
        out += field.id;
        out += field_value_on_wire(field.value);
        out += '|';
    }
}

void append_error_detection(std::string& out, const Message& message) {
    if (!is_resend(message.command)) {
        const int sequence = message.sequence.value_or(0);
        if (sequence < 0 || sequence > 9) misuse("sequence numbers are 0-9, not " + std::to_string(sequence));
        out += sequence_id;
        out += static_cast<char>('0' + sequence);
    }
    out += checksum_id;
    out += checksum(out);
}

std::string encode(const Message& message, bool error_detection, Direction direction) {
    if (direction_of(message.command) != direction)
        misuse("\"" + message.command + "\" is not a known " + (direction == Direction::answer ? "answer" : "request"));
    std::string out = message.command;
    append_fixed_part(out, message);
    append_fields(out, message);
    if (error_detection) append_error_detection(out, message);
    out += '\r';
    return out;
}

}  // namespace

std::string_view Message::fixed_value(std::string_view name) const {
    const auto found = std::ranges::find(fixed, name, &FixedField::name);
    return found == fixed.end() ? std::string_view{} : std::string_view(found->value);
}

std::optional<std::string_view> Message::field(std::string_view id) const {
    const auto found = std::ranges::find(fields, id, &Field::id);
    return found == fields.end() ? std::nullopt : std::optional<std::string_view>(found->value);
}

std::vector<std::string_view> Message::fields_of(std::string_view id) const {
    std::vector<std::string_view> values;
    for (const auto& field : fields)
        if (field.id == id) values.emplace_back(field.value);
    return values;
}

std::string_view to_string(ParseProblemKind kind) {
    switch (kind) {
        case ParseProblemKind::empty:
            return "empty";
        case ParseProblemKind::unknown_command:
            return "unknown_command";
        case ParseProblemKind::short_fixed_part:
            return "short_fixed_part";
        case ParseProblemKind::bad_field:
            return "bad_field";
        case ParseProblemKind::bad_checksum:
            return "bad_checksum";
        case ParseProblemKind::bad_sequence:
            return "bad_sequence";
        case ParseProblemKind::control_character:
            return "control_character";
    }
    return "unknown";
}

// The checks run from the whole message inwards: a control character or a wrong checksum
// means the bytes were damaged on the way (the session asks for them again), whatever else
// they seem to say.
tl::expected<Message, ParseProblem> parse_request(std::string_view bytes) {
    if (bytes.empty()) return refuse(ParseProblemKind::empty, 0, "no bytes");
    if (const auto control = std::ranges::find_if(bytes, is_control); control != bytes.end())
        return refuse(ParseProblemKind::control_character, static_cast<std::size_t>(control - bytes.begin()),
                      "a control character (" + hex_byte(*control) + ")");
    const auto trailer = find_trailer(bytes);
    if (auto problem = checksum_problem(bytes, trailer)) return tl::unexpected(std::move(*problem));

    Message message{.command = std::string(bytes.substr(0, command_length))};
    if (direction_of(message.command) != Direction::request)
        return refuse(ParseProblemKind::unknown_command, 0, "\"" + message.command + "\" is not a known request");
    const auto layout = fixed_layout(message.command);
    const auto fixed_end = command_length + fixed_part_length(layout);
    if (trailer.start < fixed_end)
        return refuse(ParseProblemKind::short_fixed_part, trailer.start,
                      message.command + "'s fixed part is " + std::to_string(fixed_end - command_length) + " bytes");
    message.fixed = cut_fixed_part(bytes.substr(command_length), layout);
    auto fields = parse_fields(bytes, fixed_end, trailer.start);
    if (!fields) return tl::unexpected(std::move(fields.error()));
    message.fields = std::move(*fields);
    message.sequence = trailer.sequence;
    message.had_checksum = trailer.has_checksum;
    return message;
}

std::string encode_answer(const Message& answer, bool error_detection) {
    return encode(answer, error_detection, Direction::answer);
}

std::string encode_request(const Message& request, bool error_detection) {
    return encode(request, error_detection, Direction::request);
}

std::string field_value_on_wire(std::string_view value) {
    auto clean = replace_control_characters(value);
    std::ranges::replace(clean, '|', ' ');
    if (clean.size() <= max_field_bytes) return clean;
    // Back up over UTF-8 continuation bytes (10xxxxxx) to the start of the character that
    // would be split; at most three, as a character has at most four bytes.
    std::size_t cut = max_field_bytes;
    const auto is_continuation = [&](std::size_t at) { return (static_cast<unsigned char>(clean[at]) & 0xC0) == 0x80; };
    while (cut > max_field_bytes - 3 && is_continuation(cut)) --cut;
    clean.resize(cut);
    return clean;
}

}  // namespace kitap::sip2
