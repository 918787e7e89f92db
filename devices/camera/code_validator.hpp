#pragma once

#include "devices/device_error.hpp"
#include "devices/symbology.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <map>
#include <regex>
#include <string>
#include <string_view>

namespace kitap::devices {

struct ValidationRules {
    // An EAN-13 on a book is its ISBN: 978/979 and a good check digit. This also
    // drops the price and shop codes printed beside ISBNs.
    bool ean13_isbn_only = true;
    // Codabar has no check digit and zxing finds partial reads that look valid;
    // its start/stop characters and a length window are all we can check. Set
    // both to the length of the library's labels to close the window.
    std::size_t codabar_min_length = 6;  // digits between start and stop
    std::size_t codabar_max_length = 20;
    bool codabar_keep_start_stop = false;  // scanners strip them by default; so do we
    // ITF misreads short fragments of itself: at least this many digits.
    std::size_t itf_min_length = 6;
    // Per symbology, an ECMAScript regular expression the whole text must match
    // (for example the library's label format for code128).
    std::map<Symbology, std::string> patterns;
};

// What a read turned out to be.
struct Verdict {
    bool valid = false;
    std::string text;    // the code as the library uses it (Codabar without start/stop)
    std::string reason;  // why not, when not valid: "not an ISBN (prefix 460)"
};

// Accepts a decoded text only when it is plausible for its symbology.
class CodeValidator {
public:
    // Fails when a pattern is not a valid regular expression.
    static tl::expected<CodeValidator, DeviceError> make(ValidationRules rules);

    Verdict check(Symbology symbology, std::string_view text) const;

private:
    explicit CodeValidator(ValidationRules rules) : rules_(std::move(rules)) {}
    Verdict check_format(Symbology symbology, std::string_view text) const;
    Verdict check_ean13(std::string_view text) const;
    Verdict check_codabar(std::string_view text) const;
    Verdict check_itf(std::string_view text) const;

    ValidationRules rules_;
    std::map<Symbology, std::regex> compiled_;
};

// The EAN-13 check digit of the first twelve digits is the thirteenth.
bool ean13_check_digit_ok(std::string_view thirteen_digits);

}  // namespace kitap::devices
