// The configuration the Debian package installs as /etc/kitap/kitap.toml loads
// with the real loader and, as its header promises, is exactly the defaults.
#include "kiosk/app/config.hpp"

#include <gtest/gtest.h>

namespace kitap::app {
namespace {

TEST(DefaultConfig, LoadsAndHoldsExactlyTheBuiltInDefaults) {
    const Config shipped = load_config(KITAP_DEFAULT_CONFIG);
    const Config defaults;

    EXPECT_EQ(shipped.school.name, defaults.school.name);
    EXPECT_EQ(shipped.school.opening_hours, defaults.school.opening_hours);
    EXPECT_EQ(shipped.rules.default_class_language, defaults.rules.default_class_language);

    const auto& codes = shipped.rules.codes;
    EXPECT_EQ(codes.command_prefix, defaults.rules.codes.command_prefix);
    EXPECT_EQ(codes.strip_prefixes, defaults.rules.codes.strip_prefixes);
    EXPECT_EQ(codes.strip_suffixes, defaults.rules.codes.strip_suffixes);
    EXPECT_EQ(codes.strip_leading_zeros, defaults.rules.codes.strip_leading_zeros);

    EXPECT_EQ(shipped.rules.station.double_scan_window, defaults.rules.station.double_scan_window);
    EXPECT_EQ(shipped.rules.station.idle_timeout, defaults.rules.station.idle_timeout);
    EXPECT_EQ(shipped.rules.station.reader_pin, defaults.rules.station.reader_pin);

    const auto& loans = shipped.rules.loans;
    EXPECT_EQ(loans.textbook_due, defaults.rules.loans.textbook_due);
    EXPECT_EQ(loans.loan_days, defaults.rules.loans.loan_days);
    EXPECT_EQ(loans.loan_days_by_category, defaults.rules.loans.loan_days_by_category);
    EXPECT_EQ(loans.loan_limits, defaults.rules.loans.loan_limits);

    const auto& camera = shipped.devices.camera;
    const auto& default_camera = defaults.devices.camera;
    EXPECT_EQ(camera.decoder.formats, default_camera.decoder.formats);
    EXPECT_EQ(camera.decoder.validation.ean13_isbn_only, default_camera.decoder.validation.ean13_isbn_only);
    EXPECT_EQ(camera.decoder.validation.codabar_min_length, default_camera.decoder.validation.codabar_min_length);
    EXPECT_EQ(camera.decoder.validation.codabar_max_length, default_camera.decoder.validation.codabar_max_length);
    EXPECT_EQ(camera.decoder.validation.patterns, default_camera.decoder.validation.patterns);
    EXPECT_EQ(camera.confirmation.reads_without_check, default_camera.confirmation.reads_without_check);
    EXPECT_EQ(camera.confirmation.out_of_view, default_camera.confirmation.out_of_view);
    EXPECT_EQ(shipped.devices.wedge.max_key_gap, defaults.devices.wedge.max_key_gap);

    EXPECT_EQ(shipped.labels.layout, defaults.labels.layout);
    EXPECT_EQ(shipped.labels.margin_top_mm, defaults.labels.margin_top_mm);
    EXPECT_EQ(shipped.labels.margin_left_mm, defaults.labels.margin_left_mm);
    EXPECT_EQ(shipped.labels.library_name, defaults.labels.library_name);
}

}  // namespace
}  // namespace kitap::app
