#pragma once

#include <string>
#include <string_view>

namespace kitap::sip2 {

// The four uppercase hex digits SIP puts after "AZ": the two's complement of the 16-bit sum of
// every byte before them, "AZ" included ("97AZ" -> "FEF5"). Bytes count as unsigned, so a
// UTF-8 value adds its bytes, not its characters.
std::string checksum(std::string_view bytes_through_az);

// Whether `digits` (four hex digits, either case: terminals differ) are the checksum of
// `bytes_through_az`.
bool checksum_matches(std::string_view bytes_through_az, std::string_view digits);

}  // namespace kitap::sip2
