#include "kiosk/marc/marc_writer.hpp"

#include "kiosk/marc/marc_reader.hpp"
#include "tests/kiosk/marc/marc_test_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::marc {
namespace {

std::vector<MarcRecord> records_of(const MarcReadResult& read) {
    std::vector<MarcRecord> records;
    for (const auto& numbered : read.records) records.push_back(numbered.record);
    return records;
}

std::vector<std::vector<MarcField>> fields_of(const std::vector<MarcRecord>& records) {
    std::vector<std::vector<MarcField>> fields;
    for (const auto& record : records) fields.push_back(record.fields);
    return fields;
}

TEST(MarcWriterTest, WhatIsWrittenReadsBackTheSameInBothFormats) {
    const auto original = records_of(read_marc(testing::marc_file("marc21.xml"), {}));
    ASSERT_EQ(original.size(), 3U);

    for (const auto output : {MarcOutput::marcxml, MarcOutput::iso2709}) {
        const auto written = write_marc(original, output);
        ASSERT_TRUE(written.has_value());
        const auto read = read_marc(*written, {});
        EXPECT_TRUE(read.problems.empty());
        EXPECT_EQ(fields_of(records_of(read)), fields_of(original));
    }
}

TEST(MarcWriterTest, Iso2709IsWhatYazMarcdumpWrites) {
    const auto original = records_of(read_marc(testing::marc_file("rusmarc.xml"), {}));

    const auto written = write_marc(original, MarcOutput::iso2709);

    ASSERT_TRUE(written.has_value());
    EXPECT_EQ(*written, testing::marc_file("rusmarc_utf8.mrc"));
}

TEST(MarcWriterTest, NoRecordsIsAnEmptyCollection) {
    const auto written = write_marc({}, MarcOutput::marcxml);

    ASSERT_TRUE(written.has_value());
    EXPECT_TRUE(read_marc(*written, {}).records.empty());
}

TEST(MarcWriterTest, ARecordTooLongForIso2709IsNamed) {
    MarcRecord huge{.leader = "00000nam a2200000 i 4500"};
    for (int i = 0; i < 5000; ++i)
        huge.fields.push_back({.tag = "952", .subfields = {{'p', std::to_string(1'000'000 + i)}, {'c', "Shelf"}}});

    const auto written = write_marc({MarcRecord{.leader = huge.leader}, huge}, MarcOutput::iso2709);

    ASSERT_FALSE(written.has_value());
    EXPECT_EQ(written.error().index, 1U);
}

}  // namespace
}  // namespace kitap::marc
