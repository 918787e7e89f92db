#pragma once

#include "kiosk/gui/screens/screen_context.hpp"

#include <string>
#include <vector>

namespace kitap::kiosk {

// The first start of a kiosk whose server is https and not trusted yet: the fingerprint
// of the certificate the server showed, for the librarian to compare with the one
// `kitap serve` printed when it started. Trusted, it is kept; another is refused later.
struct TrustScreen {
    std::string server;       // https://kitap-pc:8443
    std::string fingerprint;  // what the server showed, "3A:F0:..."
};

struct TrustIntent {
    bool trust = false;
    bool refuse = false;
};

TrustIntent draw(const TrustScreen& screen, const ScreenContext& context);

// The fingerprint in lines of eight bytes, to compare by eye.
std::vector<std::string> fingerprint_lines(const std::string& fingerprint);

}  // namespace kitap::kiosk
