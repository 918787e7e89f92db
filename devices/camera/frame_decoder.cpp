#include "devices/camera/frame_decoder.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

namespace kitap::devices {
namespace {

// --- zxing-cpp 1.4, as Debian builds it -------------------------------------
// Debian's libzxing2 1.4.0 keeps assertions on, and ReadBarcodes() aborts the
// whole process (Result::operator== asserting lineCount() == 1) when it
// compares duplicate 1D results. Measured here on 200 generated frames holding
// one to four 1D codes: the defaults aborted on 15, more than one symbol without
// down-scaling still on 5 of those, one symbol without down-scaling on none
// (tests/devices/data/zxing_abort_hazard.png is one of them; zxing's own sample
// code128-1/4.png is another). Every call goes through these hints.
ZXing::DecodeHints safe_hints(ZXing::BarcodeFormats formats, bool try_rotate) {
    ZXing::DecodeHints hints;
    hints.setFormats(formats);
    hints.setTryHarder(true);  // scans many rows, not a band around the middle: far more 1D reads
    hints.setTryRotate(try_rotate);
    hints.setTryDownscale(false);
    hints.setMaxNumberOfSymbols(1);
    hints.setReturnCodabarStartEnd(true);  // the start/stop characters are Codabar's only sanity check
    return hints;
}

constexpr std::pair<Symbology, ZXing::BarcodeFormat> zxing_formats[] = {
    {Symbology::ean13, ZXing::BarcodeFormat::EAN13},     {Symbology::ean8, ZXing::BarcodeFormat::EAN8},
    {Symbology::upca, ZXing::BarcodeFormat::UPCA},       {Symbology::upce, ZXing::BarcodeFormat::UPCE},
    {Symbology::code128, ZXing::BarcodeFormat::Code128}, {Symbology::code39, ZXing::BarcodeFormat::Code39},
    {Symbology::code93, ZXing::BarcodeFormat::Code93},   {Symbology::codabar, ZXing::BarcodeFormat::Codabar},
    {Symbology::itf, ZXing::BarcodeFormat::ITF},         {Symbology::databar, ZXing::BarcodeFormat::DataBar},
    {Symbology::qr, ZXing::BarcodeFormat::QRCode},       {Symbology::data_matrix, ZXing::BarcodeFormat::DataMatrix},
    {Symbology::pdf417, ZXing::BarcodeFormat::PDF417},   {Symbology::aztec, ZXing::BarcodeFormat::Aztec},
};

ZXing::BarcodeFormats to_zxing(const std::vector<Symbology>& symbologies) {
    ZXing::BarcodeFormats formats;
    for (const auto& [ours, theirs] : zxing_formats)
        if (std::find(symbologies.begin(), symbologies.end(), ours) != symbologies.end()) formats |= theirs;
    return formats;
}

Symbology from_zxing(ZXing::BarcodeFormat format) {
    for (const auto& [ours, theirs] : zxing_formats)
        if (theirs == format) return ours;
    return Symbology::unknown;
}

// zxing-cpp's example/ZXingOpenCV.h in a line: a continuous 8-bit gray cv::Mat is a Lum ImageView.
ZXing::ImageView image_view(const cv::Mat& gray) {
    return {gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, static_cast<int>(gray.step[0])};
}

std::optional<CodeRead> read_one(const cv::Mat& gray, const ZXing::DecodeHints& hints, DecodePass pass) {
    ZXing::Results results;
    try {
        results = ZXing::ReadBarcodes(image_view(gray), hints);
    } catch (...) {
        return std::nullopt;  // nothing zxing throws is worth more than "no code in this frame"
    }
    if (results.empty() || !results.front().isValid()) return std::nullopt;
    const auto& result = results.front();
    CodeRead read{.text = result.text(), .symbology = from_zxing(result.format()), .outline = {}, .pass = pass};
    for (int i = 0; i < 4; ++i)
        read.outline[i] =
            cv::Point2f(static_cast<float>(result.position()[i].x), static_cast<float>(result.position()[i].y));
    return read;
}

constexpr float small_code_width = 480;  // px across the bars

cv::Mat to_gray(const cv::Mat& image) {
    cv::Mat eight_bit = image;
    if (image.depth() != CV_8U) image.convertTo(eight_bit, CV_8U, image.depth() == CV_16U ? 1.0 / 256 : 1.0);
    cv::Mat gray;
    switch (eight_bit.channels()) {
        case 1:
            gray = eight_bit;
            break;
        case 3:
            cv::cvtColor(eight_bit, gray, cv::COLOR_BGR2GRAY);
            break;
        case 4:
            cv::cvtColor(eight_bit, gray, cv::COLOR_BGRA2GRAY);
            break;
        default:
            cv::extractChannel(eight_bit, gray, 0);
            break;
    }
    return gray.isContinuous() ? gray : gray.clone();
}

void scale_outline(CodeRead& read, double factor) {
    for (auto& point : read.outline) point *= static_cast<float>(factor);
}

// The band a 1D read came from, grown to the barcode's likely height: zxing
// reports only the rows it read, but the bars go on above and below them.
cv::Rect mask_region(const CodeRead& read, const cv::Size& frame) {
    const auto box = cv::boundingRect(std::vector<cv::Point2f>(read.outline.begin(), read.outline.end()));
    const int grow_x = box.width / 10 + 4;
    const int grow_y = std::max(box.height / 10, box.width / 2) + 4;
    cv::Rect grown(box.x - grow_x, box.y - grow_y, box.width + 2 * grow_x, box.height + 2 * grow_y);
    return grown & cv::Rect(0, 0, frame.width, frame.height);
}

}  // namespace

std::string_view to_string(DecodePass pass) {
    switch (pass) {
        case DecodePass::plain:
            return "plain";
        case DecodePass::masked:
            return "masked";
        case DecodePass::angled:
            return "angled";
    }
    return "plain";
}

tl::expected<FrameDecoder, DeviceError> FrameDecoder::make(DecoderOptions options) {
    if (to_zxing(options.formats).empty())
        return tl::unexpected(DeviceError{"formats", DeviceError::npos, "no barcode format enabled"});
    auto validator = CodeValidator::make(options.validation);
    if (!validator) return tl::unexpected(validator.error());
    return FrameDecoder(std::move(options), std::move(*validator));
}

FrameDecoder::FrameDecoder(DecoderOptions options, CodeValidator validator)
    : options_(std::move(options)), validator_(std::move(validator)) {}

FrameDecode FrameDecoder::decode(const cv::Mat& image) const {
    const auto started = std::chrono::steady_clock::now();
    FrameDecode result;
    if (!image.empty() && image.dims == 2) {
        try {
            cv::Mat gray = to_gray(image);
            const int longer = std::max(gray.cols, gray.rows);
            const double factor = longer > options_.max_side ? static_cast<double>(longer) / options_.max_side : 1.0;
            if (factor > 1.0) cv::resize(gray, gray, {}, 1 / factor, 1 / factor, cv::INTER_AREA);
            result.read = read_whole(gray, result, DecodePass::plain);
            if (!result.read && !result.rejected.empty()) result.read = read_masked(gray, result);
            if (!result.read && options_.angled_pass) result.read = read_angled(gray, result);
            if (result.read) scale_outline(*result.read, factor);
            for (auto& rejected : result.rejected) scale_outline(rejected, factor);
        } catch (const cv::Exception&) {
            result.read.reset();  // an image OpenCV cannot convert holds no code for us
        }
    }
    result.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::optional<CodeRead> FrameDecoder::read_whole(const cv::Mat& gray, FrameDecode& result, DecodePass pass) const {
    auto read = read_one(gray, safe_hints(to_zxing(options_.formats), true), pass);
    if (!read) return std::nullopt;
    return judge(std::move(*read), result);
}

// One symbol per pass means a price code found first hides the ISBN beside it:
// paint the rejected code over and look again, a few times at most.
std::optional<CodeRead> FrameDecoder::read_masked(const cv::Mat& gray, FrameDecode& result) const {
    cv::Mat masked = gray.clone();
    for (int attempt = 0; attempt < 2; ++attempt) {
        cv::rectangle(masked, mask_region(result.rejected.back(), masked.size()), cv::Scalar(255), cv::FILLED);
        const auto before = result.rejected.size();
        if (auto read = read_whole(masked, result, DecodePass::masked)) return read;
        if (result.rejected.size() == before) return std::nullopt;  // nothing more in the frame
    }
    return std::nullopt;
}

std::optional<CodeRead> FrameDecoder::read_angled(const cv::Mat& gray, FrameDecode& result) const {
    const auto linear = to_zxing(options_.formats) & ZXing::BarcodeFormat::LinearCodes;
    if (linear.empty()) return std::nullopt;
    for (const auto& candidate : locator_.find(gray, options_.angled_candidates)) {
        // Small codes have bars of two or three pixels; rotating them blurs them
        // below what zxing resolves, so small crops are enlarged.
        const double scale = candidate.size.width < small_code_width ? 2 : 1;
        const auto crop = crop_upright(gray, candidate, scale);
        auto read = read_one(crop.image, safe_hints(linear, false), DecodePass::angled);
        if (!read) continue;
        for (auto& point : read->outline) {
            const cv::Vec3d p(point.x, point.y, 1.0);
            const auto mapped = crop.to_source * p;
            point = cv::Point2f(static_cast<float>(mapped[0]), static_cast<float>(mapped[1]));
        }
        if (auto valid = judge(std::move(*read), result)) return valid;
    }
    return std::nullopt;
}

std::optional<CodeRead> FrameDecoder::judge(CodeRead read, FrameDecode& result) const {
    auto verdict = validator_.check(read.symbology, read.text);
    if (!verdict.valid) {
        read.rejected_because = std::move(verdict.reason);
        result.rejected.push_back(std::move(read));
        return std::nullopt;
    }
    read.text = std::move(verdict.text);
    return read;
}

}  // namespace kitap::devices
