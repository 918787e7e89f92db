#include "kiosk/app/config.hpp"

#include <gtest/gtest.h>

namespace kitap::app {
namespace {

using core::ReaderCategory;
using core::TitleKind;

std::string error_of(std::string_view text) {
    try {
        parse_config(text, "kitap.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(Config, EmptyFileKeepsTheDefaults) {
    const Config config = parse_config("", "kitap.toml");
    EXPECT_EQ(config.rules.station.idle_timeout, std::chrono::seconds(30));
    EXPECT_EQ(config.rules.station.double_scan_window, std::chrono::seconds(3));
    EXPECT_EQ(config.rules.loans.loan_days_for(ReaderCategory::pupil, TitleKind::fiction), 14);
    EXPECT_EQ(config.rules.default_class_language, core::ClassLanguage::kk);
    EXPECT_EQ(config.rules.loans.max_renewals, 2);
}

TEST(Config, MaxRenewalsIsAWholeNumberInLoans) {
    EXPECT_EQ(parse_config("[loans]\nmax_renewals = 0\n", "kitap.toml").rules.loans.max_renewals, 0);
    EXPECT_EQ(parse_config("[loans]\nmax_renewals = 5\n", "kitap.toml").rules.loans.max_renewals, 5);
    EXPECT_EQ(error_of("[loans]\nmax_renewals = -1\n"),
              "kitap.toml:2: loans.max_renewals: must be a whole number from 0");
    EXPECT_EQ(error_of("[loans]\nmax_renewals = \"two\"\n"), "kitap.toml:2: loans.max_renewals: has the wrong type");
    EXPECT_EQ(error_of("[loans]\nmax_renewal = 2\n"), "kitap.toml:2: loans.max_renewal: unknown key");
}

TEST(Config, ReadsEverySection) {
    const Config config = parse_config(R"(
[school]
name = "№ 12 мектеп-гимназия"
opening_hours = "Дс–Жм 8:30–17:00"
default_class_language = "ru"

[codes]
command_prefix = "CMD:"
strip_prefixes = ["]C1", "]E0"]
strip_suffixes = ["#"]
strip_leading_zeros = true

[station]
double_scan_seconds = 2
idle_timeout_seconds = 45

[loans]
textbook_due = "06-15"
[loans.days]
fiction = 21
[loans.days.teacher]
reference = 60
[loans.limits]
pupil = 3
)",
                                       "kitap.toml");
    EXPECT_EQ(config.school.name, "№ 12 мектеп-гимназия");
    EXPECT_EQ(config.school.opening_hours, "Дс–Жм 8:30–17:00");
    EXPECT_EQ(config.rules.default_class_language, core::ClassLanguage::ru);
    EXPECT_EQ(config.rules.codes.command_prefix, "CMD:");
    EXPECT_EQ(config.rules.codes.strip_prefixes.size(), 2u);
    EXPECT_TRUE(config.rules.codes.strip_leading_zeros);
    EXPECT_EQ(config.rules.station.idle_timeout, std::chrono::seconds(45));
    EXPECT_EQ(config.rules.loans.textbook_due, std::chrono::June / 15);
    EXPECT_EQ(config.rules.loans.loan_days_for(ReaderCategory::pupil, TitleKind::fiction), 21);
    EXPECT_EQ(config.rules.loans.loan_days_for(ReaderCategory::teacher, TitleKind::reference), 60);
    EXPECT_EQ(config.rules.loans.loan_limit_for(ReaderCategory::pupil), 3);
}

TEST(Config, ReadsWhatTheDevicesAccept) {
    const Config config = parse_config(R"(
[devices]
formats = ["code128", "ean13", "code39"]
codabar_min_length = 8
codabar_max_length = 8
reads_without_check = 3
out_of_view_ms = 1500
scanner_key_gap_ms = 20
[devices.patterns]
code128 = "^1[0-9]{7}$"
)",
                                       "kitap.toml");
    EXPECT_EQ(config.devices.camera.decoder.formats.size(), 3u);
    EXPECT_EQ(config.devices.camera.decoder.validation.codabar_min_length, 8u);
    EXPECT_EQ(config.devices.camera.confirmation.reads_without_check, 3);
    EXPECT_EQ(config.devices.wedge.max_key_gap, std::chrono::milliseconds(20));
    EXPECT_EQ(config.devices.camera.decoder.validation.patterns.at(devices::Symbology::code128), "^1[0-9]{7}$");
    EXPECT_EQ(error_of("[devices]\nformats = [\"ean13\", \"morse\"]\n"),
              "kitap.toml:2: devices.formats: \"morse\" is not a barcode format (code128, codabar, ean13, qr, code39, "
              "itf, datamatrix...)");
    EXPECT_EQ(error_of("[devices.patterns]\ncode128 = \"[unclosed\"\n"),
              "kitap.toml:2: devices.patterns.code128: must be a regular expression in quotes");
}

TEST(Config, ErrorsNameTheLineAndKey) {
    EXPECT_EQ(error_of("[station]\nidle_timeout_seconds = \"long\"\n"),
              "kitap.toml:2: station.idle_timeout_seconds: has the wrong type");
    EXPECT_EQ(error_of("[loans.days]\nnovels = 3\n"),
              "kitap.toml:2: loans.days.novels: is not one of textbook, fiction, reference, methodical, periodical, "
              "electronic");
    EXPECT_EQ(error_of("[loans.limits]\npupils = 3\n"),
              "kitap.toml:2: loans.limits.pupils: is not one of pupil, teacher, staff, other");
    EXPECT_EQ(error_of("[loans]\ntextbook_due = \"31-05\"\n"),
              "kitap.toml:2: loans.textbook_due: must be a month and day such as \"05-31\"");
    EXPECT_EQ(error_of("colour = 1\n"), "kitap.toml:1: colour: unknown key");
    EXPECT_EQ(error_of("[devices]\nscanner_key_gap_ms = \"fast\"\n"),
              "kitap.toml:2: devices.scanner_key_gap_ms: has the wrong type");
    EXPECT_NE(error_of("[station\n").find("kitap.toml:1:"), std::string::npos);
}

// A kiosk whose station is the school's server: `kitap-kiosk --server` and the rest win over these.
TEST(Config, TheServerTableNamesTheKiosksServer) {
    const Config none = parse_config("", "kitap.toml");
    EXPECT_FALSE(none.server.url);
    const Config config = parse_config(R"([server]
url = "https://kitap-pc:8443"
station = "reading-room"
token_file = "/etc/kitap/station.token"
trust = "3A:F0"
)",
                                       "kitap.toml");
    EXPECT_EQ(config.server.url, "https://kitap-pc:8443");
    EXPECT_EQ(config.server.station, "reading-room");
    EXPECT_EQ(config.server.token_file, std::filesystem::path("/etc/kitap/station.token"));
    EXPECT_EQ(config.server.trust, "3A:F0");
    EXPECT_EQ(error_of("[server]\ntoken = \"abc\"\n"), "kitap.toml:2: server.token: unknown key");
    EXPECT_EQ(error_of("[server]\nurl = 8443\n"), "kitap.toml:2: server.url: has the wrong type");
}

TEST(Config, TheCatalogueServersAreHostPortAndDatabase) {
    EXPECT_TRUE(parse_config("", "kitap.toml").catalogue_servers.empty());
    const Config config =
        parse_config("[catalogue]\nservers = [\"z3950.nlrk.kz:210/KAZNB\", \"lx2.loc.gov:210/LCDB\"]\n", "kitap.toml");
    EXPECT_EQ(config.catalogue_servers, (std::vector<std::string>{"z3950.nlrk.kz:210/KAZNB", "lx2.loc.gov:210/LCDB"}));
    EXPECT_EQ(error_of("[catalogue]\nservers = [\"lx2.loc.gov:210/LCDB\",\n  \"lx2.loc.gov/LCDB\"]\n"),
              "kitap.toml:3: catalogue.servers: \"lx2.loc.gov/LCDB\" is not HOST:PORT/DATABASE");
    for (const char* bad : {"host:210", "host:210/", ":210/DB", "host:21x/DB", "host:/DB"})
        EXPECT_NE(error_of("[catalogue]\nservers = [\"" + std::string(bad) + "\"]\n"), "") << bad;
    EXPECT_EQ(error_of("[catalogue]\nserver = \"a:1/b\"\n"), "kitap.toml:2: catalogue.server: unknown key");
}

// fuzz_config overflowed the stack on this (corpus/fuzz_config/deeply_nested_pattern.toml):
// std::regex compiles nested groups recursively.
TEST(Config, RefusesPatternsLongerThanALine) {
    const std::string nested = std::string(6000, '(') + "a" + std::string(6000, ')');
    EXPECT_EQ(error_of("[devices.patterns]\ncode128 = \"" + nested + "\"\n"),
              "kitap.toml:2: devices.patterns.code128: must be a regular expression of at most 256 characters");
    const std::string longest = "^" + std::string(254, '1') + "$";
    EXPECT_EQ(parse_config("[devices.patterns]\ncode128 = \"" + longest + "\"\n", "kitap.toml")
                  .devices.camera.decoder.validation.patterns.at(devices::Symbology::code128),
              longest);
}

// fuzz_config's UBSan report (corpus/fuzz_config/pattern_count_overflow.toml):
// std::regex overflowed a long reading the count of "{79223372036854775807}".
TEST(Config, RefusesPatternCountsOfMoreThanFourDigits) {
    const auto error = [](std::string_view pattern) {
        return error_of("[devices.patterns]\ncode128 = '" + std::string(pattern) + "'\n");
    };
    const std::string refused =
        "kitap.toml:2: devices.patterns.code128: must be a regular expression whose counts ({n,m}, \\n) have at "
        "most 4 digits";
    EXPECT_EQ(error("^1[0-9]{79223372036854775807}$"), refused);
    EXPECT_EQ(error("^1[0-9]{7,12345}$"), refused);
    EXPECT_EQ(error("(a)\\123456"), refused);
    EXPECT_EQ(error("^97860101234[0-9]{2}$"), "");  // long literal numbers are fine
    EXPECT_EQ(error("^x{1000}$"), "");
}

// Negative and huge times and lengths were taken as given (a negative key gap made
// every scanner burst typing; 2^63 seconds overflow the clock); fuzz_config checks it.
TEST(Config, RefusesNegativeAndHugeTimesAndLengths) {
    EXPECT_EQ(error_of("[station]\nidle_timeout_seconds = -30\n"),
              "kitap.toml:2: station.idle_timeout_seconds: must be a whole number from 0");
    EXPECT_EQ(error_of("[station]\n\ndouble_scan_seconds = 9223372036854775807\n"),
              "kitap.toml:3: station.double_scan_seconds: must be a whole number from 0");
    for (const auto* key :
         {"codabar_min_length", "codabar_max_length", "reads_without_check", "out_of_view_ms", "scanner_key_gap_ms"})
        EXPECT_EQ(error_of("[devices]\n" + std::string(key) + " = -1\n"),
                  "kitap.toml:2: devices." + std::string(key) + ": must be a whole number from 0");
    EXPECT_EQ(parse_config("[station]\nidle_timeout_seconds = 0\n", "kitap.toml").rules.station.idle_timeout,
              std::chrono::seconds(0));
}

TEST(Config, ReaderPinIsOffUnlessTheSchoolTurnsItOn) {
    EXPECT_EQ(parse_config("", "kitap.toml").rules.station.reader_pin, core::ReaderPinPolicy::off);
    for (const auto policy :
         {core::ReaderPinPolicy::off, core::ReaderPinPolicy::when_set, core::ReaderPinPolicy::required})
        EXPECT_EQ(
            parse_config("[station]\nreader_pin = \"" + std::string(core::to_string(policy)) + "\"\n", "kitap.toml")
                .rules.station.reader_pin,
            policy);
    EXPECT_EQ(error_of("[station]\nreader_pin = \"on\"\n"),
              "kitap.toml:2: station.reader_pin: is not one of \"off\", \"when_set\", \"required\"");
    EXPECT_EQ(error_of("[station]\nreader_pin = true\n"), "kitap.toml:2: station.reader_pin: has the wrong type");
}

}  // namespace
}  // namespace kitap::app
