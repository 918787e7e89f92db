#include "kiosk/marc/marc_reader.hpp"

#include "tests/kiosk/marc/marc_test_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::marc {
namespace {

using testing::marc_file;

std::vector<MarcField> fields_of(const MarcReadResult& read, std::size_t index) {
    return read.records.at(index).record.fields;
}

std::vector<std::string> problem_keys(const MarcReadResult& read) {
    std::vector<std::string> keys;
    for (const auto& problem : read.problems) keys.push_back(std::to_string(problem.line) + " " + problem.key);
    return keys;
}

TEST(MarcReaderTest, Iso2709AndMarcxmlOfTheSameRecordsReadAlike) {
    const auto iso = read_marc(marc_file("marc21.mrc"), {});
    const auto xml = read_marc(marc_file("marc21.xml"), {});

    ASSERT_TRUE(iso.problems.empty());
    ASSERT_TRUE(xml.problems.empty());
    ASSERT_EQ(iso.records.size(), 3U);
    ASSERT_EQ(xml.records.size(), 3U);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(iso.records[i].number, i + 1);
        EXPECT_EQ(fields_of(iso, i), fields_of(xml, i));
    }
    EXPECT_EQ(iso.records[0].record.first("245", 'a'), "Абай жолы :");
    EXPECT_EQ(iso.records[0].record.all("952").size(), 2U);
}

TEST(MarcReaderTest, KazakhLettersSurviveUtf8AndCp1251Files) {
    const auto utf8 = read_marc(marc_file("rusmarc_utf8.mrc"), {});
    const auto cp1251 = read_marc(marc_file("rusmarc_cp1251.mrc"), {});

    ASSERT_TRUE(cp1251.problems.empty());
    ASSERT_EQ(cp1251.records.size(), 2U);
    EXPECT_EQ(fields_of(cp1251, 0), fields_of(utf8, 0));
    EXPECT_EQ(fields_of(cp1251, 1), fields_of(utf8, 1));
    EXPECT_EQ(cp1251.records[1].record.first("200", 'a'), "Ана тілі");
    EXPECT_EQ(cp1251.records[0].record.first("899", 'a'), "Мектеп кітапханасы");
}

TEST(MarcReaderTest, AnEncodingGivenOverridesTheGuess) {
    const auto forced = read_marc(marc_file("rusmarc_cp1251.mrc"), {.encoding = MarcEncoding::utf8});

    EXPECT_TRUE(forced.records.empty());
    EXPECT_EQ(problem_keys(forced),
              (std::vector<std::string>{"1 marc.error.bad_encoding", "2 marc.error.bad_encoding"}));
    EXPECT_EQ(forced.problems[0].args.at("encoding"), "utf-8");
}

TEST(MarcReaderTest, MarcEightIsTurnedIntoUtf8) {
    const auto read = read_marc(marc_file("marc8.mrc"), {});

    ASSERT_EQ(read.records.size(), 1U) << ::testing::PrintToString(problem_keys(read));
    // yaz gives MARC-8's diacritic as a combining character after its letter, as MARC-8 means it.
    EXPECT_EQ(read.records[0].record.first("245", 'a'), "Les mise\u0301rables /");
}

TEST(MarcReaderTest, EachBrokenRecordIsReportedAndTheOthersRead) {
    const auto read = read_marc(marc_file("bad.mrc"), {});

    EXPECT_EQ(problem_keys(read), (std::vector<std::string>{"2 marc.error.bad_leader", "4 marc.error.bad_directory",
                                                            "6 marc.error.truncated"}));
    ASSERT_EQ(read.records.size(), 3U);
    EXPECT_EQ(read.records[0].number, 1U);
    EXPECT_EQ(read.records[1].number, 3U);
    EXPECT_EQ(read.records[2].number, 5U);
}

// Found by fuzz_marc_reader: yaz takes the subfield code length from the leader and read
// past the field with 8 (corpus/fuzz_marc_reader/yaz_identifier_length_8).
TEST(MarcReaderTest, ALeaderWithOtherSizesThanMarcsIsRefused) {
    auto file = testing::marc_file("marc21.mrc");
    file[11] = '8';  // the identifier length: a subfield code of 7 characters

    const auto read = read_marc(file, {});

    EXPECT_EQ(problem_keys(read), (std::vector<std::string>{"1 marc.error.bad_leader"}));
    EXPECT_EQ(read.records.size(), 2U) << "the records after it are read";
}

TEST(MarcReaderTest, AMarcxmlLeaderWithOtherSizesThanMarcsIsRefused) {
    auto file = testing::marc_file("marc21.xml");
    const auto leader = file.find("<leader>") + std::string("<leader>").size();
    ASSERT_EQ(file.substr(leader + 10, 2), "22");
    file[leader + 11] = '9';  // the identifier length: subfield codes of 8 bytes, cut through Kazakh letters

    const auto read = read_marc(file, {});

    ASSERT_FALSE(read.problems.empty());
    EXPECT_EQ(read.problems[0].line, 1U);
    EXPECT_EQ(read.problems[0].key, "marc.error.bad_leader");
    EXPECT_EQ(read.records.size(), 2U) << "the records after it are read";
}

TEST(MarcReaderTest, BrokenXmlIsOneProblemOfTheFile) {
    const auto read = read_marc("<collection><record><leader>", {});

    ASSERT_EQ(read.problems.size(), 1U);
    EXPECT_EQ(read.problems[0].line, 0U);
    EXPECT_EQ(read.problems[0].key, "marc.error.bad_xml");
}

TEST(MarcReaderTest, AFileWithoutRecordsIsAProblem) {
    for (const auto* bytes : {"", "\n\n", "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>"}) {
        const auto read = read_marc(bytes, {});
        ASSERT_EQ(read.problems.size(), 1U) << bytes;
        EXPECT_EQ(read.problems[0].key, "marc.error.no_records");
    }
}

TEST(MarcReaderTest, AFormatGivenIsNotGuessed) {
    const auto read = read_marc(marc_file("marc21.xml"), {.format = MarcFormat::iso2709});

    EXPECT_TRUE(read.records.empty());
    ASSERT_FALSE(read.problems.empty());
    EXPECT_EQ(read.problems[0].key, "marc.error.bad_leader");
}

TEST(MarcReaderTest, CommandLineWords) {
    EXPECT_EQ(marc_format_from("marcxml"), MarcFormat::marcxml);
    EXPECT_EQ(marc_encoding_from("marc-8"), MarcEncoding::marc8);
    EXPECT_EQ(marc_encoding_from("cp1251"), MarcEncoding::cp1251);
    EXPECT_EQ(marc_encoding_from("latin1"), std::nullopt);
}

}  // namespace
}  // namespace kitap::marc
