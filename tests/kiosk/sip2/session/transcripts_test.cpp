// Golden transcripts: each sessions/*.sip is a terminal's conversation, byte for byte.
//   > a request, as the terminal sends it (without its CR)
//   < the answer Kitap must give (without its CR)
//   @ now 2024-06-05T12:00:00Z | @ terminal checksums=on language=ru   (set before what follows)
//   # a comment
// Each file runs on a fresh school (Sip2SessionFixture) with the clock moving 10 s a
// message. KITAP_SIP2_RECORD=1 writes the answers Kitap gives into the files instead, for
// a person to read through before they are committed.
#include "tests/kiosk/sip2/session/sip2_session_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;

std::vector<std::filesystem::path> transcripts() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(KITAP_SIP2_SESSIONS))
        if (entry.path().extension() == ".sip") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

class Transcript : public Sip2SessionFixture, public ::testing::WithParamInterface<std::filesystem::path> {
protected:
    void apply(const std::string& directive) {
        std::istringstream words(directive);
        std::string word;
        words >> word;
        if (word == "now") {
            words >> word;
            now = core::parse_iso_timestamp(word).value();
            return;
        }
        ASSERT_EQ(word, "terminal") << directive;
        core::TerminalSettings terminal;
        while (words >> word) {
            if (word == "checksums=on") terminal.checksums = true;
            if (word.starts_with("language=")) terminal.language = word.substr(9);
        }
        ASSERT_FALSE(library().accounts().set_terminal(terminal_name, terminal, now).value());
    }
};

TEST_P(Transcript, AnswersByteForByte) {
    add_terminal();
    std::ifstream file(GetParam());
    ASSERT_TRUE(file) << GetParam();
    const bool record = std::getenv("KITAP_SIP2_RECORD") != nullptr;
    std::vector<std::string> written;
    std::string line;
    int number = 0;
    while (std::getline(file, line)) {
        ++number;
        if (line.starts_with("< ")) {
            if (!record) continue;  // checked with its request
            continue;               // replaced by the answer given
        }
        written.push_back(line);
        if (line.starts_with("@ ")) apply(line.substr(2));
        if (!line.starts_with("> ")) continue;
        const auto answer = ask(line.substr(2));
        now += 10s;
        written.push_back("< " + answer);
        if (record) continue;
        std::string expected;
        const auto at = file.tellg();
        if (std::getline(file, expected) && expected.starts_with("< ")) {
            ++number;
            EXPECT_EQ(answer, expected.substr(2))
                << GetParam().filename().string() << ':' << number - 1 << ": " << line;
        } else {
            ADD_FAILURE() << GetParam().filename().string() << ':' << number << ": no expected answer after " << line;
            file.clear();
            file.seekg(at);
        }
    }
    if (record) {
        std::ofstream out(GetParam());
        for (const auto& kept : written) out << kept << '\n';
    }
}

INSTANTIATE_TEST_SUITE_P(Sessions, Transcript, ::testing::ValuesIn(transcripts()),
                         [](const auto& info) { return info.param.stem().string(); });

}  // namespace
}  // namespace kitap::testing
