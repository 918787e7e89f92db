#include "tests/devices/support/synthetic_frames.hpp"

#include "devices/camera/code_validator.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace kitap::devices::testing {
namespace {

ZXing::BarcodeFormat writer_format(Symbology symbology) {
    switch (symbology) {
        case Symbology::ean13:
            return ZXing::BarcodeFormat::EAN13;
        case Symbology::ean8:
            return ZXing::BarcodeFormat::EAN8;
        case Symbology::code128:
            return ZXing::BarcodeFormat::Code128;
        case Symbology::code39:
            return ZXing::BarcodeFormat::Code39;
        case Symbology::codabar:
            return ZXing::BarcodeFormat::Codabar;
        case Symbology::itf:
            return ZXing::BarcodeFormat::ITF;
        case Symbology::qr:
            return ZXing::BarcodeFormat::QRCode;
        case Symbology::data_matrix:
            return ZXing::BarcodeFormat::DataMatrix;
        default:
            throw std::invalid_argument("no writer for this symbology");
    }
}

bool is_linear(Symbology symbology) { return symbology != Symbology::qr && symbology != Symbology::data_matrix; }

cv::Mat modules_of(Symbology symbology, const std::string& text) {
    auto writer = ZXing::MultiFormatWriter(writer_format(symbology)).setMargin(0);
    if (symbology == Symbology::qr) writer.setEncoding(ZXing::CharacterSet::UTF8);
    const auto bits = writer.encode(text, 1, 1);
    cv::Mat modules(bits.height(), bits.width(), CV_8U);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x) modules.at<std::uint8_t>(y, x) = bits.get(x, y) ? 0 : 255;
    return modules;
}

void add_clutter(cv::Mat& scene, cv::RNG& rng) {
    for (int i = 0; i < 25; ++i) {
        const cv::Rect box(rng.uniform(0, scene.cols), rng.uniform(0, scene.rows), rng.uniform(40, 400),
                           rng.uniform(30, 300));
        cv::rectangle(scene, box, cv::Scalar(rng.uniform(30, 230), rng.uniform(30, 230), rng.uniform(30, 230)),
                      cv::FILLED);
    }
    for (int i = 0; i < 25; ++i)
        cv::putText(scene, "Kitap 2024 oqulyq", {rng.uniform(0, scene.cols - 100), rng.uniform(10, scene.rows)},
                    cv::FONT_HERSHEY_SIMPLEX, rng.uniform(0.4, 1.2), cv::Scalar::all(rng.uniform(0, 60)), 2);
}

void degrade(cv::Mat& frame, const SceneOptions& options, cv::RNG& rng) {
    if (options.contrast != 1 || options.lighting > 0) {
        cv::Mat light(frame.size(), CV_32F);
        for (int x = 0; x < frame.cols; ++x)
            light.col(x).setTo(1.0 - options.lighting * static_cast<double>(x) / frame.cols);
        cv::Mat as_float;
        frame.convertTo(as_float, CV_32FC3, options.contrast, 128 * (1 - options.contrast));
        std::vector<cv::Mat> channels;
        cv::split(as_float, channels);
        for (auto& channel : channels) channel = channel.mul(light);
        cv::merge(channels, as_float);
        as_float.convertTo(frame, CV_8UC3);
    }
    if (options.blur_sigma > 0) cv::GaussianBlur(frame, frame, {0, 0}, options.blur_sigma);
    if (options.noise_sigma > 0) {
        cv::Mat noise(frame.size(), CV_16SC3);
        rng.fill(noise, cv::RNG::NORMAL, 0, options.noise_sigma);
        cv::Mat wide;
        frame.convertTo(wide, CV_16SC3);
        wide += noise;
        wide.convertTo(frame, CV_8UC3);
    }
    if (options.jpeg_quality > 0) {
        std::vector<std::uint8_t> bytes;
        cv::imencode(".jpg", frame, bytes, {cv::IMWRITE_JPEG_QUALITY, options.jpeg_quality});
        frame = cv::imdecode(bytes, cv::IMREAD_COLOR);
    }
}

}  // namespace

cv::Mat render_barcode(Symbology symbology, const std::string& text, int module_px, int bar_height_px) {
    const cv::Mat modules = modules_of(symbology, text);
    const int quiet = is_linear(symbology) ? 10 : 4;
    cv::Mat scaled;
    if (is_linear(symbology)) {
        cv::resize(modules.row(0), scaled, {modules.cols * module_px, bar_height_px > 0 ? bar_height_px : 1}, 0, 0,
                   cv::INTER_NEAREST);
    } else {
        cv::resize(modules, scaled, {}, module_px, module_px, cv::INTER_NEAREST);
    }
    cv::Mat label;
    cv::copyMakeBorder(scaled, label, quiet * module_px, quiet * module_px, quiet * module_px, quiet * module_px,
                       cv::BORDER_CONSTANT, cv::Scalar(255));
    return label;
}

cv::Mat empty_scene(const SceneOptions& options) {
    cv::RNG rng(options.seed);
    cv::Mat scene(options.frame, CV_8UC3, cv::Scalar(190, 200, 205));
    if (options.clutter) add_clutter(scene, rng);
    degrade(scene, options, rng);
    return scene;
}

cv::Mat scene_with(const cv::Mat& label, const SceneOptions& options) {
    cv::RNG rng(options.seed);
    cv::Mat scene(options.frame, CV_8UC3, cv::Scalar(190, 200, 205));
    if (options.clutter) add_clutter(scene, rng);

    const float w = static_cast<float>(label.cols), h = static_cast<float>(label.rows);
    const float shrink = static_cast<float>(options.perspective) * h / 2;
    const std::vector<cv::Point2f> flat{{0, 0}, {w, 0}, {w, h}, {0, h}};
    std::vector<cv::Point2f> placed{
        {-w / 2, -h / 2}, {w / 2, -h / 2 + shrink}, {w / 2, h / 2 - shrink}, {-w / 2, h / 2}};
    const double radians = options.angle_deg * CV_PI / 180;
    const cv::Point2f center(options.center.x * options.frame.width, options.center.y * options.frame.height);
    for (auto& p : placed) {
        const auto x = p.x, y = p.y;
        p = cv::Point2f(static_cast<float>(x * std::cos(radians) - y * std::sin(radians)),
                        static_cast<float>(x * std::sin(radians) + y * std::cos(radians))) +
            center;
    }
    cv::Mat color;
    cv::cvtColor(label, color, cv::COLOR_GRAY2BGR);
    cv::warpPerspective(color, scene, cv::getPerspectiveTransform(flat, placed), scene.size(), cv::INTER_AREA,
                        cv::BORDER_TRANSPARENT);
    degrade(scene, options, rng);
    return scene;
}

std::string isbn_from_seed(std::uint64_t seed) {
    std::string digits = "978";
    cv::RNG rng(seed);
    for (int i = 0; i < 9; ++i) digits += static_cast<char>('0' + rng.uniform(0, 10));
    for (char check = '0'; check <= '9'; ++check)
        if (ean13_check_digit_ok(digits + check)) return digits + check;
    return digits + '0';
}

}  // namespace kitap::devices::testing
