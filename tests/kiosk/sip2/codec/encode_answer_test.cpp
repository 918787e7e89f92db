#include "kiosk/sip2/codec/message.hpp"

#include "tests/kiosk/sip2/codec/sip2_printers.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kitap::sip2 {
namespace {

const std::string date = "20250901    081500";
const std::string blank_status(14, ' ');

struct Golden {
    Message answer;
    std::string plain;           // without error detection
    std::string error_detected;  // with sequence 4
    std::string sequence_unset;  // with error detection and no sequence: AY0
};

// Every answer the codec writes, as a terminal must read it.
std::vector<Golden> goldens() {
    return {
        {{.command = "94", .fixed = {{"ok", "1"}}}, "941\r", "941AY4AZFDF9\r", "941AY0AZFDFD\r"},
        {{.command = "98",
          .fixed = {{"online_status", "Y"},
                    {"checkin_ok", "Y"},
                    {"checkout_ok", "Y"},
                    {"acs_renewal_policy", "N"},
                    {"status_update_ok", "N"},
                    {"offline_ok", "N"},
                    {"timeout_period", "030"},
                    {"retries_allowed", "003"},
                    {"date_time_sync", date},
                    {"protocol_version", "2.00"}},
          .fields = {{"AO", "mektep-7"}, {"AM", "Mektep 7 kitaphanasy"}, {"BX", "YYYYYYYYYYYYYYYY"}}},
         "98YYYNNN03000320250901    0815002.00AOmektep-7|AMMektep 7 kitaphanasy|BXYYYYYYYYYYYYYYYY|\r",
         "98YYYNNN03000320250901    0815002.00AOmektep-7|AMMektep 7 kitaphanasy|BXYYYYYYYYYYYYYYYY|AY4AZE3EA\r",
         "98YYYNNN03000320250901    0815002.00AOmektep-7|AMMektep 7 kitaphanasy|BXYYYYYYYYYYYYYYYY|AY0AZE3EE\r"},
        // Request SC Resend never carries a sequence number, whatever the answer holds.
        {{.command = "96"}, "96\r", "96AZFEF6\r", "96AZFEF6\r"},
        {{.command = "24",
          .fixed = {{"patron_status", "  Y           "}, {"language", "000"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AE", "Айгерим Сапарова"}, {"BL", "Y"}}},
         "24  Y           00020250901    081500AOmektep-7|AA0451|AEАйгерим Сапарова|BLY|\r",
         "24  Y           00020250901    081500AOmektep-7|AA0451|AEАйгерим Сапарова|BLY|AY4AZD9ED\r",
         "24  Y           00020250901    081500AOmektep-7|AA0451|AEАйгерим Сапарова|BLY|AY0AZD9F1\r"},
        {{.command = "64",
          .fixed = {{"patron_status", blank_status},
                    {"language", "000"},
                    {"transaction_date", date},
                    {"hold_items_count", "0000"},
                    {"overdue_items_count", "0001"},
                    {"charged_items_count", "0002"},
                    {"fine_items_count", "0000"},
                    {"recall_items_count", "0000"},
                    {"unavailable_holds_count", "0000"}},
          .fields = {{"AO", "mektep-7"},
                     {"AA", "0451"},
                     {"AE", "Айгерим Сапарова"},
                     {"AT", "9785001234567"},
                     {"AU", "9785001234567"},
                     {"AU", "9785007654321"},
                     {"BL", "Y"}}},
         "64              00020250901    081500000000010002000000000000AOmektep-7|AA0451|AEАйгерим Сапарова|"
         "AT9785001234567|AU9785001234567|AU9785007654321|BLY|\r",
         "64              00020250901    081500000000010002000000000000AOmektep-7|AA0451|AEАйгерим Сапарова|"
         "AT9785001234567|AU9785001234567|AU9785007654321|BLY|AY4AZCA6F\r",
         "64              00020250901    081500000000010002000000000000AOmektep-7|AA0451|AEАйгерим Сапарова|"
         "AT9785001234567|AU9785001234567|AU9785007654321|BLY|AY0AZCA73\r"},
        {{.command = "12",
          .fixed = {{"ok", "1"},
                    {"renewal_ok", "N"},
                    {"magnetic_media", "U"},
                    {"desensitize", "Y"},
                    {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"},
                     {"AA", "0451"},
                     {"AB", "9785001234567"},
                     {"AJ", "Абай жолы"},
                     {"AH", "20250915    235959"}}},
         "121NUY20250901    081500AOmektep-7|AA0451|AB9785001234567|AJАбай жолы|AH20250915    235959|\r",
         "121NUY20250901    081500AOmektep-7|AA0451|AB9785001234567|AJАбай жолы|AH20250915    235959|AY4AZDEF6\r",
         "121NUY20250901    081500AOmektep-7|AA0451|AB9785001234567|AJАбай жолы|AH20250915    235959|AY0AZDEFA\r"},
        {{.command = "10",
          .fixed =
              {{"ok", "1"}, {"resensitize", "Y"}, {"magnetic_media", "U"}, {"alert", "N"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"},
                     {"AB", "9785001234567"},
                     {"AQ", "mektep-7"},
                     {"AJ", "Абай жолы"},
                     {"AF", "Кітап қайтарылды"}}},
         "101YUN20250901    081500AOmektep-7|AB9785001234567|AQmektep-7|AJАбай жолы|AFКітап қайтарылды|\r",
         "101YUN20250901    081500AOmektep-7|AB9785001234567|AQmektep-7|AJАбай жолы|AFКітап қайтарылды|AY4AZCA6F\r",
         "101YUN20250901    081500AOmektep-7|AB9785001234567|AQmektep-7|AJАбай жолы|AFКітап қайтарылды|AY0AZCA73\r"},
        {{.command = "18",
          .fixed =
              {{"circulation_status", "03"}, {"security_marker", "00"}, {"fee_type", "01"}, {"transaction_date", date}},
          .fields = {{"AB", "9785001234567"}, {"AJ", "Абай жолы"}}},
         "1803000120250901    081500AB9785001234567|AJАбай жолы|\r",
         "1803000120250901    081500AB9785001234567|AJАбай жолы|AY4AZE915\r",
         "1803000120250901    081500AB9785001234567|AJАбай жолы|AY0AZE919\r"},
        {{.command = "30",
          .fixed = {{"ok", "0"},
                    {"renewal_ok", "N"},
                    {"magnetic_media", "U"},
                    {"desensitize", "N"},
                    {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AB", "9785001234567"}, {"AF", "Кітап басқа оқушыда"}}},
         "300NUN20250901    081500AOmektep-7|AA0451|AB9785001234567|AFКітап басқа оқушыда|\r",
         "300NUN20250901    081500AOmektep-7|AA0451|AB9785001234567|AFКітап басқа оқушыда|AY4AZD6AE\r",
         "300NUN20250901    081500AOmektep-7|AA0451|AB9785001234567|AFКітап басқа оқушыда|AY0AZD6B2\r"},
        {{.command = "66",
          .fixed = {{"ok", "1"}, {"renewed_count", "0002"}, {"unrenewed_count", "0000"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"BM", "9785001234567"}, {"BM", "9785007654321"}}},
         "6610002000020250901    081500AOmektep-7|BM9785001234567|BM9785007654321|\r",
         "6610002000020250901    081500AOmektep-7|BM9785001234567|BM9785007654321|AY4AZEDD9\r",
         "6610002000020250901    081500AOmektep-7|BM9785001234567|BM9785007654321|AY0AZEDDD\r"},
        {{.command = "36",
          .fixed = {{"end_session", "Y"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}}},
         "36Y20250901    081500AOmektep-7|AA0451|\r",
         "36Y20250901    081500AOmektep-7|AA0451|AY4AZF4D6\r",
         "36Y20250901    081500AOmektep-7|AA0451|AY0AZF4DA\r"},
        {{.command = "38",
          .fixed = {{"payment_accepted", "N"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AF", "Төлем қабылданбайды"}}},
         "38N20250901    081500AOmektep-7|AA0451|AFТөлем қабылданбайды|\r",
         "38N20250901    081500AOmektep-7|AA0451|AFТөлем қабылданбайды|AY4AZD8E2\r",
         "38N20250901    081500AOmektep-7|AA0451|AFТөлем қабылданбайды|AY0AZD8E6\r"},
        {{.command = "16",
          .fixed = {{"ok", "0"}, {"available", "N"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}}},
         "160N20250901    081500AOmektep-7|AA0451|\r",
         "160N20250901    081500AOmektep-7|AA0451|AY4AZF4B3\r",
         "160N20250901    081500AOmektep-7|AA0451|AY0AZF4B7\r"},
        {{.command = "20",
          .fixed = {{"item_properties_ok", "0"}, {"transaction_date", date}},
          .fields = {{"AB", "9785001234567"}}},
         "20020250901    081500AB9785001234567|\r",
         "20020250901    081500AB9785001234567|AY4AZF71C\r",
         "20020250901    081500AB9785001234567|AY0AZF720\r"},
        {{.command = "26",
          .fixed = {{"patron_status", blank_status}, {"language", "000"}, {"transaction_date", date}},
          .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"BL", "Y"}}},
         "26              00020250901    081500AOmektep-7|AA0451|BLY|\r",
         "26              00020250901    081500AOmektep-7|AA0451|BLY|AY4AZF17D\r",
         "26              00020250901    081500AOmektep-7|AA0451|BLY|AY0AZF181\r"},
    };
}

TEST(EncodeAnswerTest, EveryAnswerIsWrittenByteForByte) {
    for (const auto& golden : goldens()) EXPECT_EQ(encode_answer(golden.answer, false), golden.plain);
}

TEST(EncodeAnswerTest, EveryAnswerWithErrorDetectionEndsInItsSequenceAndChecksum) {
    for (auto golden : goldens()) {
        golden.answer.sequence = 4;
        EXPECT_EQ(encode_answer(golden.answer, true), golden.error_detected);
    }
}

TEST(EncodeAnswerTest, AnUnsetSequenceIsZero) {
    for (const auto& golden : goldens()) EXPECT_EQ(encode_answer(golden.answer, true), golden.sequence_unset);
}

TEST(EncodeAnswerTest, ASequenceWithoutErrorDetectionIsNotWritten) {
    EXPECT_EQ(encode_answer({.command = "94", .fixed = {{"ok", "0"}}, .sequence = 3}, false), "940\r");
}

TEST(EncodeAnswerTest, TheSpecsLoginAnswer) {
    EXPECT_EQ(encode_answer({.command = "94", .fixed = {{"ok", "1"}}, .sequence = 3}, true), "941AY3AZFDFA\r");
}

TEST(EncodeAnswerTest, BarsAndLineBreaksInAValueBecomeSpaces) {
    const Message answer{.command = "36",
                         .fixed = {{"end_session", "Y"}, {"transaction_date", date}},
                         .fields = {{"AF", "Сау бол|кел\r\nқайта\tкел"}}};
    EXPECT_EQ(encode_answer(answer, false), "36Y20250901    081500AFСау бол кел  қайта кел|\r");
}

TEST(EncodeAnswerTest, ControlCharactersInAFixedValueBecomeSpacesKeepingItsLength) {
    const Message answer{.command = "36",
                         .fixed = {{"end_session", "Y"}, {"transaction_date", "20250901\r\n  081500"}}};
    EXPECT_EQ(encode_answer(answer, false), "36Y20250901    081500\r");
}

TEST(EncodeAnswerTest, ALongKazakhValueIsCutAt255BytesBetweenCharacters) {
    std::string kazakh;
    for (int i = 0; i < 30; ++i) kazakh += "Қазақ";  // 10 bytes each: 300 in all
    ASSERT_EQ(kazakh.size(), 300U);
    std::string expected_value;
    for (int i = 0; i < 25; ++i) expected_value += "Қазақ";
    expected_value += "Қа";  // 254 bytes: byte 255 would split the next "з"

    const Message answer{.command = "20",
                         .fixed = {{"item_properties_ok", "1"}, {"transaction_date", date}},
                         .fields = {{"AF", kazakh}, {"AG", "end"}}};

    EXPECT_EQ(encode_answer(answer, false), "20120250901    081500AF" + expected_value + "|AGend|\r");
    EXPECT_EQ(field_value_on_wire(kazakh), expected_value);
}

TEST(EncodeAnswerTest, TheCutBacksUpOverAThreeByteCharacter) {
    const auto value = std::string(254, 'a') + "€";  // € is E2 82 AC, at bytes 254-256
    EXPECT_EQ(field_value_on_wire(value), std::string(254, 'a'));
    EXPECT_EQ(field_value_on_wire(std::string(255, 'a') + "€"), std::string(255, 'a'));
    EXPECT_EQ(field_value_on_wire(std::string(255, 'b')), std::string(255, 'b'));
    EXPECT_EQ(field_value_on_wire(std::string(256, 'b')), std::string(255, 'b'));
    // Not UTF-8 at all: it backs up no more than a character's length and cuts.
    EXPECT_EQ(field_value_on_wire(std::string(300, '\x80')), std::string(252, '\x80'));
}

TEST(EncodeAnswerTest, TheChecksumCoversUtf8Bytes) {
    const Message answer{.command = "10",
                         .fixed = {{"ok", "1"},
                                   {"resensitize", "Y"},
                                   {"magnetic_media", "U"},
                                   {"alert", "N"},
                                   {"transaction_date", date}},
                         .fields = {{"AF", "Кітап қайтарылды"}},
                         .sequence = 1};
    EXPECT_EQ(encode_answer(answer, true), "101YUN20250901    081500AFКітап қайтарылды|AY1AZE314\r");
}

TEST(EncodeAnswerTest, AFixedPartThatIsNotTheLayoutIsAProgrammingError) {
    const Message good{.command = "36", .fixed = {{"end_session", "Y"}, {"transaction_date", date}}};
    EXPECT_NO_THROW(encode_answer(good, false));

    auto too_long = good;
    too_long.fixed[0].value = "YY";
    EXPECT_THROW(encode_answer(too_long, false), std::logic_error);
    auto too_short = good;
    too_short.fixed[1].value = "20250901";
    EXPECT_THROW(encode_answer(too_short, false), std::logic_error);
    auto misnamed = good;
    misnamed.fixed[0].name = "ok";
    EXPECT_THROW(encode_answer(misnamed, false), std::logic_error);
    auto missing = good;
    missing.fixed.pop_back();
    EXPECT_THROW(encode_answer(missing, false), std::logic_error);
    auto reordered = good;
    std::swap(reordered.fixed[0], reordered.fixed[1]);
    EXPECT_THROW(encode_answer(reordered, false), std::logic_error);
    auto extra = good;
    extra.fixed.push_back({"alert", "N"});
    EXPECT_THROW(encode_answer(extra, false), std::logic_error);
}

TEST(EncodeAnswerTest, WhatIsNotAnAnswerIsAProgrammingError) {
    EXPECT_THROW(encode_answer({.command = "97"}, false), std::logic_error);  // a request
    EXPECT_THROW(encode_answer({.command = "42"}, false), std::logic_error);
    EXPECT_THROW(encode_answer({.command = ""}, false), std::logic_error);
    const Message good{.command = "94", .fixed = {{"ok", "1"}}};
    for (const std::string id : {"A", "AAA", "aa", "A1", "AY", "AZ"}) {
        auto bad_id = good;
        bad_id.fields = {{id, "x"}};
        EXPECT_THROW(encode_answer(bad_id, false), std::logic_error) << id;
    }
    for (const int sequence : {-1, 10}) {
        auto bad_sequence = good;
        bad_sequence.sequence = sequence;
        EXPECT_THROW(encode_answer(bad_sequence, true), std::logic_error) << sequence;
    }
}

TEST(EncodeRequestTest, WhatIsWrittenParsesBackTheSame) {
    const Message checkout{.command = "11",
                           .fixed = {{"sc_renewal_policy", "Y"},
                                     {"no_block", "N"},
                                     {"transaction_date", date},
                                     {"nb_due_date", std::string(18, ' ')}},
                           .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AB", "9785001234567"}, {"AC", ""}},
                           .sequence = 3,
                           .had_checksum = true};
    const auto bytes = encode_request(checkout, true);
    EXPECT_EQ(bytes, "11YN20250901    081500                  AOmektep-7|AA0451|AB9785001234567|AC|AY3AZEDA8\r");
    EXPECT_EQ(parse_request(std::string_view(bytes).substr(0, bytes.size() - 1)), checkout);
    EXPECT_EQ(encode_request({.command = "97"}, true), "97AZFEF5\r");
    EXPECT_THROW(encode_request({.command = "96"}, false), std::logic_error);  // an answer
}

}  // namespace
}  // namespace kitap::sip2
