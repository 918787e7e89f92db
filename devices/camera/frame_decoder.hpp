#pragma once

#include "devices/camera/barcode_locator.hpp"
#include "devices/camera/code_validator.hpp"
#include "devices/device_error.hpp"
#include "devices/symbology.hpp"

#include <opencv2/core.hpp>
#include <tl/expected.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kitap::devices {

struct DecoderOptions {
    // Code128, Codabar, EAN-13 and QR by default; Code39, ITF, DataMatrix and the
    // others by configuration.
    std::vector<Symbology> formats = {Symbology::code128, Symbology::codabar, Symbology::ean13, Symbology::qr};
    ValidationRules validation;
    // When the frame yields nothing, decode upright crops of barcode-like regions:
    // 1D codes held at more than ~15 degrees are otherwise never read.
    bool angled_pass = true;
    std::size_t angled_candidates = 2;
    // Larger images are first reduced to this many pixels on their longer side by
    // us (zxing's own down-scaling is what aborts Debian's build, see frame_decoder.cpp).
    int max_side = 2560;
};

enum class DecodePass {
    plain,   // the whole frame, as zxing sees it
    masked,  // the whole frame again, with a rejected code painted over
    angled,  // an upright crop of a tilted barcode
};
std::string_view to_string(DecodePass pass);

struct CodeRead {
    std::string text;  // valid reads: as the library uses it; rejected ones: as decoded
    Symbology symbology = Symbology::unknown;
    std::array<cv::Point2f, 4> outline{};  // in the frame's pixels
    DecodePass pass = DecodePass::plain;
    std::string rejected_because;  // empty for a valid read
};

struct FrameDecode {
    std::optional<CodeRead> read;    // the valid code in the frame, if any
    std::vector<CodeRead> rejected;  // codes decoded but not valid (price codes, partial Codabar)
    double milliseconds = 0;
};

// The single-frame decoder of the kiosk and `kitap decode`: zxing-cpp 1.4 with
// tryHarder, one symbol and no down-scaling, then validation per format, then a
// pass without a rejected code and passes over tilted barcodes. Never throws and
// never aborts, on any image. Const and thread-compatible: one per thread.
class FrameDecoder {
public:
    // Fails when a validation pattern is not a regular expression or no format is enabled.
    static tl::expected<FrameDecoder, DeviceError> make(DecoderOptions options = {});

    // 8-bit gray, BGR or BGRA; any size (an empty image yields nothing).
    FrameDecode decode(const cv::Mat& image) const;

private:
    FrameDecoder(DecoderOptions options, CodeValidator validator);

    std::optional<CodeRead> read_whole(const cv::Mat& gray, FrameDecode& result, DecodePass pass) const;
    std::optional<CodeRead> read_masked(const cv::Mat& gray, FrameDecode& result) const;
    std::optional<CodeRead> read_angled(const cv::Mat& gray, FrameDecode& result) const;
    std::optional<CodeRead> judge(CodeRead read, FrameDecode& result) const;

    DecoderOptions options_;
    CodeValidator validator_;
    BarcodeLocator locator_;
};

}  // namespace kitap::devices
