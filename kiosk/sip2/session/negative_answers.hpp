#pragma once

#include "kiosk/sip2/codec/message.hpp"

#include <string>

namespace kitap::sip2 {

// The answer of `request`'s kind that says no: ok=0 (or its kind's equivalent), the
// ids the request named echoed back, and `screen_message` as AF. What a message gets
// before its terminal logs in, for another institution, when the library is not
// reachable, and for the messages Kitap does not serve (15 hold, 19 item status
// update, 25 patron enable): a terminal never waits on silence.
Message negative_answer(const Message& request, const std::string& date, const std::string& institution,
                        std::string screen_message);

// The language a patron answer echoes: the request's, "000" (unknown) when it had none.
std::string answer_language(const Message& request);

// Fourteen spaces: nothing denied. Positions are SIP2's patron status flags.
inline constexpr std::size_t patron_status_length = 14;
namespace patron_status_flag {
inline constexpr std::size_t charge_denied = 0;
inline constexpr std::size_t renewal_denied = 1;
inline constexpr std::size_t recall_denied = 2;
inline constexpr std::size_t hold_denied = 3;
inline constexpr std::size_t card_reported_lost = 4;
inline constexpr std::size_t too_many_charged = 5;
inline constexpr std::size_t too_many_overdue = 6;
}  // namespace patron_status_flag

// Every privilege denied: a patron the library does not know or will not serve.
std::string all_denied();

}  // namespace kitap::sip2
