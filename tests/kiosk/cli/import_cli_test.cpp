// End to end: what `kitap import` refuses before it reads a row (issue 18, findings 8 and 9).
#include "kiosk/cli/kitap_process.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <string>
#include <thread>

namespace {

class ImportCli : public kitap::testing::KitapProcessTest {};

TEST_F(ImportCli, AnEscapeSequenceInANameIsRefusedWithFileLineAndField) {
    write("readers.csv", "ФИО;Класс\nҚасымова Әлия;5Ә\n\"Evil\x1b]2;pwned\x07\";5Ә\n");
    const auto run = kitap({"import", "readers", "readers.csv"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("readers.csv:3: the name holds the control character U+001B"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << "the message itself never carries it";
    EXPECT_EQ(kitap({"reader", "20000016"}).exit_code, 2) << "nothing was imported";
}

TEST_F(ImportCli, AHugeFieldIsRefusedWithItsLength) {
    write("readers.csv", "ФИО;Класс\n" + std::string(3'000'000, 'A') + ";5Ә\n");
    const auto run = kitap({"--lang", "en", "import", "readers", "readers.csv"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("readers.csv:2: the name is 3 000 000 characters long; at most 200"), std::string::npos)
        << run.err.substr(0, 300);
}

TEST_F(ImportCli, AFileOverTwentyMegabytesIsRefusedFromAFileOrAPipe) {
    {
        std::ofstream big(dir_ / "big.csv", std::ios::binary);
        big << "ФИО;Класс\n";
        const std::string row = std::string(1000, 'A') + ";5Ә\n";
        for (int i = 0; i < 21'000; ++i) big << row;
    }
    auto size = std::to_string(std::filesystem::file_size(dir_ / "big.csv"));  // "21 084 010", as messages group it
    for (auto at = static_cast<int>(size.size()) - 3; at > 0; at -= 3) size.insert(static_cast<std::size_t>(at), " ");
    const auto from_file = kitap({"import", "readers", "big.csv"});
    EXPECT_EQ(from_file.exit_code, 2);
    EXPECT_NE(from_file.err.find("big.csv:1: the file is " + size + " bytes"), std::string::npos) << from_file.err;
    EXPECT_NE(from_file.err.find("at most 20 971 520 (20 MB)"), std::string::npos) << from_file.err;

    // A pipe has no size to ask for: it is counted as it streams past, never held whole.
    const auto fifo = dir_ / "pipe.csv";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << kitap::testing::slurp(dir_ / "big.csv"); });
    const auto from_pipe = kitap({"import", "catalog", "pipe.csv"});
    writer.join();
    EXPECT_EQ(from_pipe.exit_code, 2);
    EXPECT_NE(from_pipe.err.find("pipe.csv:1: the file is " + size + " bytes"), std::string::npos) << from_pipe.err;
}

TEST_F(ImportCli, TooManyColumnsOrRowsAreRefused) {
    write("wide.csv", "ФИО;Класс\nҚасымова Әлия;5Ә" + std::string(150, ';') + "\n");
    const auto wide = kitap({"import", "readers", "wide.csv"});
    EXPECT_EQ(wide.exit_code, 2);
    EXPECT_NE(wide.err.find("wide.csv:2: more than 100 columns in this row"), std::string::npos) << wide.err;

    std::string rows = "ФИО;Класс\n";
    for (int i = 0; i <= 100'000; ++i) rows += "Ә;5Ә\n";
    write("long.csv", rows);
    const auto run = kitap({"import", "readers", "long.csv"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("long.csv:100002: more than 100 000 rows after the header"), std::string::npos) << run.err;
}

}  // namespace
