// One SIP2 request as a terminal might send it (the transport has cut off CR/LF), through
// sip2::parse_request, which must never crash nor read past its input. What it accepts is a
// known request cut by its layout, with valid field ids, clean values and, when it had one, a
// right checksum; written again by the codec (encode_request, the answers' field rules) it
// parses back to the same message. What it refuses names a problem inside the input.
#include "kiosk/sip2/codec/message.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace {

using namespace kitap;

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7F'; }

bool is_clean(std::string_view value) {
    return std::ranges::none_of(value, [](char c) { return c == '|' || is_control(c); });
}

// Two parses of the same bytes agree; one reads a view whose next byte is a '|' that must not count.
void check_reads_only_its_input(std::string_view bytes) {
    std::string longer(bytes);
    longer += "|AZ0000";
    const auto within = sip2::parse_request(std::string_view(longer).substr(0, bytes.size()));
    const auto alone = sip2::parse_request(bytes);
    fuzz::require(within.has_value() == alone.has_value(), "parse_request reads nothing past its input");
    fuzz::require(!alone || *within == *alone, "parse_request reads nothing past its input (message)");
    fuzz::require(alone || (within.error().kind == alone.error().kind && within.error().offset == alone.error().offset),
                  "parse_request reads nothing past its input (problem)");
}

void check_refusal(const sip2::ParseProblem& problem, std::string_view bytes) {
    fuzz::require(problem.offset <= bytes.size(), "a problem's offset is inside the input",
                  std::string(sip2::to_string(problem.kind)));
    fuzz::require(!problem.detail.empty(), "a problem says what it is");
    fuzz::require(!bytes.empty() || problem.kind == sip2::ParseProblemKind::empty, "only no bytes is empty");
}

void check_accepted(const sip2::Message& message, std::string_view bytes) {
    fuzz::require(sip2::direction_of(message.command) == sip2::Direction::request, "only known requests parse",
                  message.command);
    const auto layout = sip2::fixed_layout(message.command);
    fuzz::require(message.fixed.size() == layout.size(), "the fixed part is the layout's");
    for (std::size_t i = 0; i < layout.size(); ++i)
        fuzz::require(message.fixed[i].name == layout[i].name && message.fixed[i].value.size() == layout[i].length,
                      "each fixed field is the layout's, of its length", message.fixed[i].name);
    for (const auto& field : message.fields) {
        fuzz::require(
            field.id.size() == 2 && std::ranges::all_of(field.id, [](char c) { return c >= 'A' && c <= 'Z'; }),
            "a field id is two capital letters", field.id);
        fuzz::require(field.id != "AY" && field.id != "AZ", "AY and AZ are not fields");
        fuzz::require(is_clean(field.value), "a value has no '|' and no control character");
    }
    fuzz::require(!message.sequence || (*message.sequence >= 0 && *message.sequence <= 9), "a sequence is one digit");
    if (message.had_checksum) {
        const auto through_az = bytes.substr(0, bytes.size() - 4);
        fuzz::require(through_az.ends_with("AZ"), "a checksum follows AZ");
        std::string digits(bytes.substr(bytes.size() - 4));
        std::ranges::transform(digits, digits.begin(), [](char c) { return c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c; });
        fuzz::require(digits == sip2::checksum(through_az), "an accepted checksum is right", digits);
    }
}

// The message as it comes back from the wire: values through the field rules, and the
// trailer as the codec writes it.
sip2::Message as_written(sip2::Message message, bool error_detection) {
    for (auto& field : message.fields) field.value = sip2::field_value_on_wire(field.value);
    const bool resend = message.command == "97";
    message.sequence = error_detection && !resend ? std::optional(message.sequence.value_or(0)) : std::nullopt;
    message.had_checksum = error_detection;
    return message;
}

void check_round_trip(const sip2::Message& message, bool error_detection) {
    const auto written = sip2::encode_request(message, error_detection);
    fuzz::require(written.ends_with('\r'), "a written message ends in CR");
    const std::string_view line(written.data(), written.size() - 1);
    const auto reparsed = sip2::parse_request(line);
    fuzz::require(reparsed.has_value(), "what the codec writes it parses",
                  reparsed ? std::string() : std::string(sip2::to_string(reparsed.error().kind)));
    fuzz::require(*reparsed == as_written(message, error_detection), "what the codec writes parses back the same",
                  written);
}

void check_field_rules(std::string_view bytes) {
    const auto value = sip2::field_value_on_wire(bytes);
    fuzz::require(value.size() <= 255 && value.size() + 3 >= std::min<std::size_t>(bytes.size(), 255),
                  "a value is cut to 255 bytes, at most three bytes short of it");
    fuzz::require(is_clean(value), "a value on the wire has no '|' and no control character");
    fuzz::require(sip2::field_value_on_wire(value) == value, "the field rules change nothing twice");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact copy on the heap, so that AddressSanitizer sees any read past the end.
    const auto copy = std::make_unique<char[]>(size);
    std::copy_n(reinterpret_cast<const char*>(data), size, copy.get());
    const std::string_view bytes(copy.get(), size);

    check_reads_only_its_input(bytes);
    check_field_rules(bytes);
    const auto message = sip2::parse_request(bytes);
    if (!message) {
        check_refusal(message.error(), bytes);
        return 0;
    }
    check_accepted(*message, bytes);
    check_round_trip(*message, true);
    // Without a trailer the message ends in its last field's '|', or in its fixed part, whose
    // last bytes could read as AY and a digit: that one only with error detection.
    if (!message->fields.empty() || sip2::fixed_layout(message->command).empty()) check_round_trip(*message, false);
    return 0;
}
