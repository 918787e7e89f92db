#include "kiosk/sip2/codec/message.hpp"

#include "tests/kiosk/sip2/codec/sip2_printers.hpp"

#include <gtest/gtest.h>

namespace kitap::sip2 {
namespace {

// A transaction date as terminals send it, and one left blank.
const std::string date = "20250901    081500";
const std::string no_date(18, ' ');

Message parsed(std::string_view bytes) {
    auto message = parse_request(bytes);
    EXPECT_TRUE(message.has_value()) << bytes << "\n -> " << (message ? "" : ::testing::PrintToString(message.error()));
    return message.value_or(Message{});
}

ParseProblem refused(std::string_view bytes) {
    auto message = parse_request(bytes);
    EXPECT_FALSE(message.has_value()) << bytes;
    return message ? ParseProblem{} : message.error();
}

// --- every request, as terminals send it ---

TEST(ParseRequestTest, Login93) {
    EXPECT_EQ(parsed("9300CNkiosk-1|COsecret|CPmektep-7|AY0AZF2B6"),
              (Message{.command = "93",
                       .fixed = {{"uid_algorithm", "0"}, {"pwd_algorithm", "0"}},
                       .fields = {{"CN", "kiosk-1"}, {"CO", "secret"}, {"CP", "mektep-7"}},
                       .sequence = 0,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, ScStatus99AsFolioSendsIt) {
    EXPECT_EQ(parsed("9900401.00AY1AZFCA5"),
              (Message{.command = "99",
                       .fixed = {{"status_code", "0"}, {"max_print_width", "040"}, {"protocol_version", "1.00"}},
                       .sequence = 1,
                       .had_checksum = true}));
    EXPECT_EQ(parsed("9900302.00"),
              (Message{.command = "99",
                       .fixed = {{"status_code", "0"}, {"max_print_width", "030"}, {"protocol_version", "2.00"}}}));
}

TEST(ParseRequestTest, RequestAcsResend97HasAChecksumButNoSequence) {
    EXPECT_EQ(parsed("97AZFEF5"), (Message{.command = "97", .had_checksum = true}));
    EXPECT_EQ(parsed("97"), (Message{.command = "97"}));
}

TEST(ParseRequestTest, PatronStatus23) {
    EXPECT_EQ(parsed("23000" + date + "AOmektep-7|AA0451|AC|AD1234|AY1AZF1DB"),
              (Message{.command = "23",
                       .fixed = {{"language", "000"}, {"transaction_date", date}},
                       .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AC", ""}, {"AD", "1234"}},
                       .sequence = 1,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, PatronInformation63FromTheSpec) {
    EXPECT_EQ(
        parsed("6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83"),
        (Message{.command = "63",
                 .fixed = {{"language", "001"}, {"transaction_date", "19980723    091905"}, {"summary", "Y         "}},
                 .fields = {{"AO", "InstitutionID"}, {"AA", "PatronID"}, {"BP", "00001"}, {"BQ", "00005"}},
                 .sequence = 1,
                 .had_checksum = true}));
}

TEST(ParseRequestTest, Checkout11) {
    const Message checkout{
        .command = "11",
        .fixed = {{"sc_renewal_policy", "Y"}, {"no_block", "N"}, {"transaction_date", date}, {"nb_due_date", no_date}},
        .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AB", "9785001234567"}, {"AC", ""}}};
    EXPECT_EQ(parsed("11YN" + date + no_date + "AOmektep-7|AA0451|AB9785001234567|AC|"), checkout);
    EXPECT_EQ(parsed("11YN" + date + no_date + "AOmektep-7|AA0451|AB9785001234567|AC"), checkout);  // no last '|'
    auto with_error_detection = checkout;
    with_error_detection.sequence = 3;
    with_error_detection.had_checksum = true;
    EXPECT_EQ(parsed("11YN" + date + no_date + "AOmektep-7|AA0451|AB9785001234567|AC|AY3AZEDA8"), with_error_detection);
    EXPECT_EQ(parsed("11YN" + date + no_date + "AOmektep-7|AA0451|AB9785001234567|ACAY3AZEE24"), with_error_detection);
}

TEST(ParseRequestTest, Checkin09FromTheSpec) {
    EXPECT_EQ(
        parsed("09N19980821    085721                  APCertification Terminal Location|"
               "AOCertification Institute ID|ABCheckInBook|ACTPWord|BIN|AY2AZD6A5"),
        (Message{.command = "09",
                 .fixed = {{"no_block", "N"}, {"transaction_date", "19980821    085721"}, {"return_date", no_date}},
                 .fields = {{"AP", "Certification Terminal Location"},
                            {"AO", "Certification Institute ID"},
                            {"AB", "CheckInBook"},
                            {"AC", "TPWord"},
                            {"BI", "N"}},
                 .sequence = 2,
                 .had_checksum = true}));
}

TEST(ParseRequestTest, ItemInformation17FromTheSpec) {
    EXPECT_EQ(parsed("1719980723    100000AOCertification Institute ID|ABItemBook|AY1AZEBEB"),
              (Message{.command = "17",
                       .fixed = {{"transaction_date", "19980723    100000"}},
                       .fields = {{"AO", "Certification Institute ID"}, {"AB", "ItemBook"}},
                       .sequence = 1,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, Renew29) {
    EXPECT_EQ(parsed("29NN" + date + no_date + "AOmektep-7|AA0451|AB9785001234567|AY2AZEEAB"),
              (Message{.command = "29",
                       .fixed = {{"third_party_allowed", "N"},
                                 {"no_block", "N"},
                                 {"transaction_date", date},
                                 {"nb_due_date", no_date}},
                       .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AB", "9785001234567"}},
                       .sequence = 2,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, RenewAll65WithASequenceButNoChecksum) {
    EXPECT_EQ(parsed("65" + date + "AOmektep-7|AA0451|AY7"), (Message{.command = "65",
                                                                      .fixed = {{"transaction_date", date}},
                                                                      .fields = {{"AO", "mektep-7"}, {"AA", "0451"}},
                                                                      .sequence = 7}));
    EXPECT_EQ(parsed("65" + date + "AOmektep-7|AA0451|AY8AZF529").sequence, 8);
}

TEST(ParseRequestTest, EndPatronSession35FromTheSpec) {
    EXPECT_EQ(parsed("3519980723    094014AOCertification Institute ID|AAPatronID|AY3AZEBF2"),
              (Message{.command = "35",
                       .fixed = {{"transaction_date", "19980723    094014"}},
                       .fields = {{"AO", "Certification Institute ID"}, {"AA", "PatronID"}},
                       .sequence = 3,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, FeePaid37FromTheSpec) {
    EXPECT_EQ(
        parsed("3719980723    0932110401USDBV111.11|AOCertification Institute ID|AAPatronID|BKTransactionID|AY2AZE1EF"),
        (Message{.command = "37",
                 .fixed = {{"transaction_date", "19980723    093211"},
                           {"fee_type", "04"},
                           {"payment_type", "01"},
                           {"currency_type", "USD"}},
                 .fields = {{"BV", "111.11"},
                            {"AO", "Certification Institute ID"},
                            {"AA", "PatronID"},
                            {"BK", "TransactionID"}},
                 .sequence = 2,
                 .had_checksum = true}));
}

TEST(ParseRequestTest, BlockPatron01FromTheSpec) {
    EXPECT_EQ(parsed("01N19960213    162352AO|ALCARD BLOCK TEST|AA104000000705|AC|AY2AZF02F"),
              (Message{.command = "01",
                       .fixed = {{"card_retained", "N"}, {"transaction_date", "19960213    162352"}},
                       .fields = {{"AO", ""}, {"AL", "CARD BLOCK TEST"}, {"AA", "104000000705"}, {"AC", ""}},
                       .sequence = 2,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, Hold15) {
    EXPECT_EQ(parsed("15+" + date + "AOmektep-7|AA0451|AB9785001234567|AY5AZF15E"),
              (Message{.command = "15",
                       .fixed = {{"hold_mode", "+"}, {"transaction_date", date}},
                       .fields = {{"AO", "mektep-7"}, {"AA", "0451"}, {"AB", "9785001234567"}},
                       .sequence = 5,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, ItemStatusUpdate19) {
    EXPECT_EQ(parsed("19" + date + "AOmektep-7|AB9785001234567|CHnew shelf|AY6AZEEC9"),
              (Message{.command = "19",
                       .fixed = {{"transaction_date", date}},
                       .fields = {{"AO", "mektep-7"}, {"AB", "9785001234567"}, {"CH", "new shelf"}},
                       .sequence = 6,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, PatronEnable25FromTheSpec) {
    EXPECT_EQ(parsed("2519980723    094240AOCertification Institute ID|AAPatronID|AY4AZEBF1"),
              (Message{.command = "25",
                       .fixed = {{"transaction_date", "19980723    094240"}},
                       .fields = {{"AO", "Certification Institute ID"}, {"AA", "PatronID"}},
                       .sequence = 4,
                       .had_checksum = true}));
}

TEST(ParseRequestTest, TheLastFieldMayRunStraightIntoTheTrailer) {
    const auto message = parsed("25" + date + "AOmektep-7|AA0451AY4AZF5AD");
    EXPECT_EQ(message.fields, (std::vector<Field>{{"AO", "mektep-7"}, {"AA", "0451"}}));
    EXPECT_EQ(message.sequence, 4);
}

TEST(ParseRequestTest, AValueEndingInAzAndFourCharactersIsNoChecksum) {
    EXPECT_EQ(parsed("17" + date + "AOmektep-7|AFKAZAKH|").fields,
              (std::vector<Field>{{"AO", "mektep-7"}, {"AF", "KAZAKH"}}));
    EXPECT_EQ(parsed("17" + date + "AOmektep-7|AFKAZAKHS").fields,
              (std::vector<Field>{{"AO", "mektep-7"}, {"AF", "KAZAKHS"}}));
}

TEST(ParseRequestTest, AChecksumInLowercaseHexIsAccepted) { EXPECT_TRUE(parsed("9900401.00AY1AZfca5").had_checksum); }

TEST(ParseRequestTest, Utf8ValuesPassThroughAsBytesAndCountInTheChecksum) {
    const auto message = parsed("23000" + date + "AOmektep-7|AAАйгерим Сапарова|AFҚазақ тілі|");
    EXPECT_EQ(message.field("AA"), "Айгерим Сапарова");
    EXPECT_EQ(message.field("AF"), "Қазақ тілі");
    EXPECT_TRUE(parsed("17" + date + "AB9785001234567|AFКітап қайтарылды|AY1AZ" +
                       checksum("17" + date + "AB9785001234567|AFКітап қайтарылды|AY1AZ"))
                    .had_checksum);
}

TEST(ParseRequestTest, ABarInTheFixedPartIsJustACharacterThere) {
    // The fixed part is cut by position; only the variable part is split at '|'.
    const auto message = parsed("99||||2.00AOx|");
    EXPECT_EQ(message.fixed_value("status_code"), "|");
    EXPECT_EQ(message.fixed_value("max_print_width"), "|||");
    EXPECT_EQ(message.fixed_value("protocol_version"), "2.00");
    EXPECT_EQ(message.fields, (std::vector<Field>{{"AO", "x"}}));
}

// --- the message's accessors ---

TEST(ParseRequestTest, AccessorsFindFixedAndVariableFields) {
    const auto message = parsed("6300020250901    081500 Y        AOmektep-7|AA0451|AUone|AUtwo|AU|");
    EXPECT_EQ(message.fixed_value("summary"), " Y        ");
    EXPECT_EQ(message.fixed_value("language"), "000");
    EXPECT_EQ(message.fixed_value("no_such_field"), "");
    EXPECT_EQ(message.field("AA"), "0451");
    EXPECT_EQ(message.field("AU"), "one");
    EXPECT_EQ(message.field("AB"), std::nullopt);
    EXPECT_EQ(message.fields_of("AU"), (std::vector<std::string_view>{"one", "two", ""}));
    EXPECT_TRUE(message.fields_of("AB").empty());
}

// --- refusals, one kind at a time, with where it went wrong ---

TEST(ParseRequestTest, NothingIsEmpty) {
    const auto problem = refused("");
    EXPECT_EQ(problem.kind, ParseProblemKind::empty);
    EXPECT_EQ(problem.offset, 0U);
}

TEST(ParseRequestTest, AnAnswerOrAnUnknownCodeIsAnUnknownCommand) {
    for (const std::string& bytes :
         std::vector<std::string>{"941", "42", "9", "XX" + date, "96AZFEF6", " 9900401.00"}) {
        const auto problem = refused(bytes);
        EXPECT_EQ(problem.kind, ParseProblemKind::unknown_command) << bytes;
        EXPECT_EQ(problem.offset, 0U) << bytes;
    }
}

TEST(ParseRequestTest, AFixedPartCutShortIsRefusedWhereItEnds) {
    auto problem = refused("23000" + date.substr(0, 8));
    EXPECT_EQ(problem.kind, ParseProblemKind::short_fixed_part);
    EXPECT_EQ(problem.offset, 13U);

    problem = refused("93");
    EXPECT_EQ(problem.kind, ParseProblemKind::short_fixed_part);
    EXPECT_EQ(problem.offset, 2U);

    // The trailer is not part of the fixed part: it ends where the trailer starts.
    problem = refused("23000AY1AZFDA5");
    EXPECT_EQ(problem.kind, ParseProblemKind::short_fixed_part);
    EXPECT_EQ(problem.offset, 5U);
}

TEST(ParseRequestTest, AFieldWithoutATwoLetterIdIsABadField) {
    const std::string head = "65" + date + "AOmektep-7|";  // the next field starts at 31
    for (const std::string rest : {"aa0451|", "A|", "A", "|AA0451|", "4A0451|", "ÄA0451|", "AA0451||"}) {
        const auto problem = refused(head + rest);
        EXPECT_EQ(problem.kind, ParseProblemKind::bad_field) << rest;
        EXPECT_EQ(problem.offset, rest == "AA0451||" ? 38U : 31U) << rest;
    }
    // A variable part right after the fixed part that starts with a separator.
    const auto problem = refused("65" + date + "|AOmektep-7|");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_field);
    EXPECT_EQ(problem.offset, 20U);
}

TEST(ParseRequestTest, AWrongChecksumIsRefusedAtItsDigits) {
    const std::string spec_example =
        "09N19980821    085721                  APCertification Terminal Location|AOCertification Institute ID|"
        "ABCheckInBook|ACTPWord|BIN|AY2AZD6A6";
    auto problem = refused(spec_example);
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, spec_example.size() - 4);
    EXPECT_EQ(problem.detail, "checksum D6A6, the bytes sum to D6A5");

    // One byte of the body changed, the checksum kept.
    problem = refused("9900401.01AY1AZFCA5");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, 15U);
}

TEST(ParseRequestTest, TheBriefsVariantOfTheSpecExampleDoesNotSumToEb80) {
    // The checkin example with AB1565921879 and ACPassword at sequence 1 sums to D8F3.
    const std::string body =
        "09N19980821    085721                  APCertification Terminal Location|AOCertification Institute ID|"
        "AB1565921879|ACPassword|AY1AZ";
    EXPECT_EQ(checksum(body), "D8F3");
    EXPECT_EQ(refused(body + "EB80").kind, ParseProblemKind::bad_checksum);
    EXPECT_TRUE(parsed(body + "D8F3").had_checksum);
}

TEST(ParseRequestTest, AChecksumThatIsNotFourHexDigitsIsABadChecksum) {
    auto problem = refused("9900401.00AY1AZFCAG");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, 15U);

    problem = refused("9900401.00AY1AZFCA");  // three digits
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, 15U);

    problem = refused("9900401.00AZFCA5x");  // not at the very end
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, 10U);
}

TEST(ParseRequestTest, AzAnywhereButTheEndIsABadChecksum) {
    const auto problem = refused("65" + date + "AZF529|AOmektep-7|");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_checksum);
    EXPECT_EQ(problem.offset, 20U);
}

TEST(ParseRequestTest, ASequenceThatIsNotOneDigitBeforeAzIsABadSequence) {
    auto problem = refused("65" + date + "AOmektep-7|AY12AZF6C6");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_sequence);
    EXPECT_EQ(problem.offset, 31U);

    problem = refused("65" + date + "AOmektep-7|AYx");
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_sequence);
    EXPECT_EQ(problem.offset, 31U);

    problem = refused("65" + date + "AY1|AOmektep-7|");  // not at the end
    EXPECT_EQ(problem.kind, ParseProblemKind::bad_sequence);
    EXPECT_EQ(problem.offset, 20U);
}

TEST(ParseRequestTest, AControlCharacterIsRefusedWhereItIs) {
    const std::vector<std::pair<std::string, std::size_t>> cases{
        {"9900401.00\r", 10},
        {"99\t0401.00", 2},
        {std::string("9900401.00AOa\0b|", 16), 13},
        {"9900401.00AOmektep\x7F|", 18},
        {"\n9900401.00", 0},
        {"65" + date + "AOmektep-7|AA0451|\x1b[2J", 38},
    };
    for (const auto& [bytes, offset] : cases) {
        const auto problem = refused(bytes);
        EXPECT_EQ(problem.kind, ParseProblemKind::control_character) << offset;
        EXPECT_EQ(problem.offset, offset);
    }
}

TEST(ParseRequestTest, ProblemKindsHaveStableWords) {
    EXPECT_EQ(to_string(ParseProblemKind::empty), "empty");
    EXPECT_EQ(to_string(ParseProblemKind::unknown_command), "unknown_command");
    EXPECT_EQ(to_string(ParseProblemKind::short_fixed_part), "short_fixed_part");
    EXPECT_EQ(to_string(ParseProblemKind::bad_field), "bad_field");
    EXPECT_EQ(to_string(ParseProblemKind::bad_checksum), "bad_checksum");
    EXPECT_EQ(to_string(ParseProblemKind::bad_sequence), "bad_sequence");
    EXPECT_EQ(to_string(ParseProblemKind::control_character), "control_character");
}

}  // namespace
}  // namespace kitap::sip2
