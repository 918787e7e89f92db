#include "kiosk/sip2/transport/sip2_server.hpp"

#include "tests/kiosk/sip2/transport/transport_test_support.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace kitap::sip2 {
namespace {

using testing::Received;
using testing::RunningServer;
using testing::TestTerminal;
using namespace std::chrono_literals;

class Sip2ServerTls : public ::testing::Test {
protected:
    kitap::testing::TempDir folder;
    TlsFiles files = testing::make_test_certificate(folder.path());
};

TEST_F(Sip2ServerTls, AnswersATlsTerminal) {
    RunningServer server({}, files);
    auto terminal = TestTerminal::tls(server.port(), files.certificate);
    ASSERT_TRUE(terminal.send("9900302.00AY1AZFCA5\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:9900302.00AY1AZFCA5\r");
    ASSERT_TRUE(terminal.send("one\rtwo\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:one\r");
    EXPECT_EQ(terminal.read_answer(), "ECHO:two\r");
    ASSERT_TRUE(terminal.send("BIG\r"));
    EXPECT_EQ(terminal.read_answer().size(), testing::big_answer_bytes);
    ASSERT_TRUE(terminal.send("BYE\r"));
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "ECHO:BYE\r");
}

TEST_F(Sip2ServerTls, ClosesAPlainTerminalWithoutAnAnswer) {
    RunningServer server({}, files);
    auto terminal = TestTerminal::plain(server.port());
    terminal.send("9900302.00AY1AZFCA5\r");
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes.find("ECHO"), std::string::npos) << received.bytes;
    // The server goes on with the next terminal.
    auto tls_terminal = TestTerminal::tls(server.port(), files.certificate);
    ASSERT_TRUE(tls_terminal.send("next\r"));
    EXPECT_EQ(tls_terminal.read_answer(), "ECHO:next\r");
}

TEST_F(Sip2ServerTls, ClosesATerminalSilentThroughTheHandshakeTimeout) {
    RunningServer server({.handshake_timeout = 1s}, files);
    auto terminal = TestTerminal::plain(server.port());
    const auto start = std::chrono::steady_clock::now();
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "");
    EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);
}

TEST_F(Sip2ServerTls, OutlivesATlsTerminalGoneBeforeItsAnswer) {
    RunningServer server({}, files);
    for (int i = 0; i < 3; ++i) {
        auto gone = TestTerminal::tls(server.port(), files.certificate);
        ASSERT_TRUE(gone.send("BIG\r"));
        gone.close();  // OpenSSL's writes meet a reset connection: SIGPIPE would end this test program
    }
    std::this_thread::sleep_for(200ms);
    auto terminal = TestTerminal::tls(server.port(), files.certificate);
    ASSERT_TRUE(terminal.send("still here\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:still here\r");
}

TEST_F(Sip2ServerTls, StopsPromptlyWithTlsConnectionsOpen) {
    RunningServer server({}, files);
    auto answered = TestTerminal::tls(server.port(), files.certificate);
    ASSERT_TRUE(answered.send("hello\r"));
    EXPECT_EQ(answered.read_answer(), "ECHO:hello\r");
    auto in_handshake = TestTerminal::plain(server.port());  // never says hello
    std::this_thread::sleep_for(100ms);
    EXPECT_LT(server.stop(), 1000ms);
    EXPECT_TRUE(answered.read_until_closed().closed);
    EXPECT_TRUE(in_handshake.read_until_closed().closed);
}

TEST_F(Sip2ServerTls, RefusesAMissingKeyNamingIt) {
    const auto missing = folder / "missing.key";
    const auto server =
        Sip2Server::listen({.host = "127.0.0.1", .port = 0}, TlsFiles{.certificate = files.certificate, .key = missing},
                           testing::echo_conversations());
    ASSERT_FALSE(server);
    EXPECT_NE(server.error().find(missing.string()), std::string::npos) << server.error();
}

TEST_F(Sip2ServerTls, RefusesAMissingCertificateNamingIt) {
    const auto missing = folder / "missing.crt";
    const auto server =
        Sip2Server::listen({.host = "127.0.0.1", .port = 0}, TlsFiles{.certificate = missing, .key = files.key},
                           testing::echo_conversations());
    ASSERT_FALSE(server);
    EXPECT_NE(server.error().find(missing.string()), std::string::npos) << server.error();
}

TEST_F(Sip2ServerTls, RefusesAKeyOfAnotherCertificate) {
    kitap::testing::TempDir other_folder;
    const auto other = testing::make_test_certificate(other_folder.path());
    const auto server =
        Sip2Server::listen({.host = "127.0.0.1", .port = 0},
                           TlsFiles{.certificate = files.certificate, .key = other.key}, testing::echo_conversations());
    ASSERT_FALSE(server);
    EXPECT_NE(server.error().find(other.key.string()), std::string::npos) << server.error();
}

}  // namespace
}  // namespace kitap::sip2
