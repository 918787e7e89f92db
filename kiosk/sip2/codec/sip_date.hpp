#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::sip2 {

// SIP's 18-character date "YYYYMMDDZZZZHHMMSS" for a clock reading at the school; the zone
// ZZZZ is four spaces, which SIP defines as the library's own local time. Years outside
// 0000-9999 do not fit and are a programming error (std::logic_error).
std::string sip_date(std::chrono::local_seconds local_time);

// The clock reading an 18-character SIP date holds, checked for a real calendar day and time
// of day. The zone may be "    " (local) or "   Z" (UTC): a Z time is returned as written, the
// codec knows no zones. nullopt for blanks (terminals send 18 spaces for "no date") and for
// anything else.
std::optional<std::chrono::local_seconds> parse_sip_date(std::string_view text);

}  // namespace kitap::sip2
