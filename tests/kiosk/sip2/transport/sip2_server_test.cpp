#include "kiosk/sip2/transport/sip2_server.hpp"

#include "tests/kiosk/sip2/transport/transport_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace kitap::sip2 {
namespace {

using testing::Received;
using testing::RunningServer;
using testing::TestTerminal;
using namespace std::chrono_literals;

std::chrono::milliseconds since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

TEST(Sip2Server, AnswersAMessage) {
    auto log = std::make_shared<testing::EchoLog>();
    RunningServer server({}, std::nullopt, log);
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("9900302.00AY1AZFCA5\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:9900302.00AY1AZFCA5\r");
    ASSERT_TRUE(terminal.send("9300CNuser|\r\n"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:9300CNuser|\r");
    const std::lock_guard lock(log->mutex);
    ASSERT_EQ(log->peers.size(), 1u);
    EXPECT_TRUE(log->peers[0].starts_with("127.0.0.1:")) << log->peers[0];
}

TEST(Sip2Server, AnswersTwoMessagesOfOneWriteInTurn) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("first\rsecond\n"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:first\r");
    EXPECT_EQ(terminal.read_answer(), "ECHO:second\r");
}

TEST(Sip2Server, WaitsForTheRestOfAMessage) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("9900"));
    std::this_thread::sleep_for(150ms);
    ASSERT_TRUE(terminal.send("302.00\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:9900302.00\r");
}

TEST(Sip2Server, SendsNothingForAnEmptyAnswer) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("SILENT\rafter\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:after\r");
}

TEST(Sip2Server, ClosesWithoutAnAnswerAfterAMessageOverTheLimit) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    terminal.send(std::string(8193, 'x') + "\r");
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "");
}

TEST(Sip2Server, AnswersAMessageOfExactlyTheLimit) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send(std::string(8192, 'x') + "\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:" + std::string(8192, 'x') + "\r");
}

TEST(Sip2Server, ClosesAConnectionIdleForTheTimeout) {
    RunningServer server({.idle_timeout = 1s});
    auto terminal = TestTerminal::plain(server.port());
    const auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(terminal.send("9900"));  // half a message is no activity
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "");
    EXPECT_GE(since(start), 900ms);
    EXPECT_LT(since(start), 2500ms);
}

TEST(Sip2Server, KeepsAConnectionThatSendsMessagesWithinTheTimeout) {
    RunningServer server({.idle_timeout = 1s});
    auto terminal = TestTerminal::plain(server.port());
    for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(600ms);
        ASSERT_TRUE(terminal.send("ping\r"));
        EXPECT_EQ(terminal.read_answer(), "ECHO:ping\r") << "after " << (i + 1) * 600 << " ms";
    }
}

TEST(Sip2Server, RefusesConnectionsOverTheLimit) {
    RunningServer server({.max_connections = 2});
    auto first = TestTerminal::plain(server.port());
    auto second = TestTerminal::plain(server.port());
    ASSERT_TRUE(first.send("1\r"));
    ASSERT_TRUE(second.send("2\r"));
    EXPECT_EQ(first.read_answer(), "ECHO:1\r");
    EXPECT_EQ(second.read_answer(), "ECHO:2\r");

    auto third = TestTerminal::plain(server.port());
    third.send("3\r");
    const Received refused = third.read_until_closed();
    EXPECT_TRUE(refused.closed);
    EXPECT_EQ(refused.bytes, "");

    ASSERT_TRUE(first.send("again\r"));
    EXPECT_EQ(first.read_answer(), "ECHO:again\r");
}

TEST(Sip2Server, TakesANewConnectionWhenOneOfTheLimitHasClosed) {
    RunningServer server({.max_connections = 1});
    {
        auto first = TestTerminal::plain(server.port());
        ASSERT_TRUE(first.send("BYE\r"));
        EXPECT_EQ(first.read_until_closed().bytes, "ECHO:BYE\r");
    }
    std::this_thread::sleep_for(100ms);  // the connection's thread ends after the close
    auto second = TestTerminal::plain(server.port());
    ASSERT_TRUE(second.send("2\r"));
    EXPECT_EQ(second.read_answer(), "ECHO:2\r");
}

TEST(Sip2Server, ClosesAfterTheAnswerThatFinishesTheSession) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("A\rBYE\rafter\r"));
    const Received received = terminal.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "ECHO:A\rECHO:BYE\r");
}

TEST(Sip2Server, WritesALongAnswerWhole) {
    RunningServer server;
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("BIG\r"));
    EXPECT_EQ(terminal.read_answer().size(), testing::big_answer_bytes);
}

TEST(Sip2Server, OutlivesATerminalGoneBeforeItsAnswer) {
    RunningServer server;
    for (int i = 0; i < 3; ++i) {
        auto gone = TestTerminal::plain(server.port());
        ASSERT_TRUE(gone.send("BIG\r"));
        gone.close();  // the megabyte's writes meet a reset connection: EPIPE, never SIGPIPE
    }
    std::this_thread::sleep_for(200ms);
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("still here\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:still here\r");
}

TEST(Sip2Server, StopsPromptlyWithIdleConnectionsOpen) {
    RunningServer server;
    std::vector<TestTerminal> terminals;
    terminals.reserve(3);
    for (int i = 0; i < 3; ++i) terminals.push_back(TestTerminal::plain(server.port()));
    ASSERT_TRUE(terminals[0].send("hello\r"));
    EXPECT_EQ(terminals[0].read_answer(), "ECHO:hello\r");
    ASSERT_TRUE(terminals[1].send("half a mess"));
    std::this_thread::sleep_for(100ms);  // every connection has its thread waiting

    EXPECT_LT(server.stop(), 1000ms);
    for (auto& terminal : terminals) EXPECT_TRUE(terminal.read_until_closed().closed);
}

TEST(Sip2Server, ClosesAConnectionWhoseSessionThrowsAndGoesOn) {
    RunningServer server;
    auto failing = TestTerminal::plain(server.port());
    ASSERT_TRUE(failing.send("THROW\rafter\r"));
    const Received received = failing.read_until_closed();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "");
    auto terminal = TestTerminal::plain(server.port());
    ASSERT_TRUE(terminal.send("next\r"));
    EXPECT_EQ(terminal.read_answer(), "ECHO:next\r");
}

TEST(Sip2Server, ClosesAConnectionTheFactoryRefuses) {
    auto server = Sip2Server::listen({.host = "127.0.0.1", .port = 0}, std::nullopt,
                                     [](const Peer&) -> std::unique_ptr<Conversation> { return nullptr; });
    ASSERT_TRUE(server) << server.error();
    std::thread running([&] { (*server)->run(); });
    auto terminal = TestTerminal::plain((*server)->port());
    terminal.send("9900302.00\r");
    const Received received = terminal.read_until_closed();
    (*server)->stop();
    running.join();
    EXPECT_TRUE(received.closed);
    EXPECT_EQ(received.bytes, "");
}

TEST(Sip2Server, StopBeforeRunMakesRunReturnAtOnce) {
    auto server = Sip2Server::listen({.host = "127.0.0.1", .port = 0}, std::nullopt, testing::echo_conversations());
    ASSERT_TRUE(server) << server.error();
    (*server)->stop();
    const auto start = std::chrono::steady_clock::now();
    (*server)->run();
    EXPECT_LT(since(start), 1000ms);
}

TEST(Sip2Server, ListensOnIpv6Loopback) {
    auto server = Sip2Server::listen({.host = "::1", .port = 0}, std::nullopt, testing::echo_conversations());
    if (!server) GTEST_SKIP() << "no IPv6 here: " << server.error();
    EXPECT_GT((*server)->port(), 0);
}

TEST(Sip2Server, RefusesAPortInUseNamingTheAddress) {
    RunningServer first;
    const auto second =
        Sip2Server::listen({.host = "127.0.0.1", .port = first.port()}, std::nullopt, testing::echo_conversations());
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().find("127.0.0.1:" + std::to_string(first.port())), std::string::npos) << second.error();
}

TEST(Sip2Server, ListensOnAHostName) {
    auto server = Sip2Server::listen({.host = "localhost", .port = 0}, std::nullopt, testing::echo_conversations());
    ASSERT_TRUE(server) << server.error();
    EXPECT_GT((*server)->port(), 0);
}

}  // namespace
}  // namespace kitap::sip2
