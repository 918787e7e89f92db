#include "kiosk/sip2/transport/message_framer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::sip2 {
namespace {

std::vector<std::string> drain(MessageFramer& framer) {
    std::vector<std::string> messages;
    while (auto message = framer.next()) messages.push_back(*message);
    return messages;
}

std::vector<std::string> framed(std::string_view bytes) {
    MessageFramer framer;
    framer.feed(bytes);
    return drain(framer);
}

using Messages = std::vector<std::string>;

TEST(MessageFramer, EndsAMessageAtCrLfOrCrlf) {
    EXPECT_EQ(framed("9900302.00AY1AZFCA5\r"), Messages{"9900302.00AY1AZFCA5"});
    EXPECT_EQ(framed("9900302.00\n"), Messages{"9900302.00"});
    EXPECT_EQ(framed("9900302.00\r\n"), Messages{"9900302.00"});
    EXPECT_EQ(framed("a\rb\nc\r\nd\r"), (Messages{"a", "b", "c", "d"}));
}

TEST(MessageFramer, KeepsAMessageUntilItsEnd) {
    MessageFramer framer;
    framer.feed("9900302");
    EXPECT_EQ(framer.next(), std::nullopt);
    EXPECT_TRUE(framer.has_partial());
    framer.feed(".00\r99");
    EXPECT_EQ(drain(framer), Messages{"9900302.00"});
    EXPECT_TRUE(framer.has_partial());
    framer.feed("00\r");
    EXPECT_EQ(drain(framer), Messages{"9900"});
    EXPECT_FALSE(framer.has_partial());
}

TEST(MessageFramer, TakesTheStreamByteByByte) {
    MessageFramer framer;
    Messages messages;
    for (const char c : std::string_view("23001\r\n63002\r\n\r\n9900\r")) {
        framer.feed(std::string_view(&c, 1));
        for (auto& message : drain(framer)) messages.push_back(message);
    }
    EXPECT_EQ(messages, (Messages{"23001", "63002", "9900"}));
    EXPECT_FALSE(framer.has_partial());
}

TEST(MessageFramer, SkipsEmptyLinesAndACrlfSplitBetweenFeeds) {
    EXPECT_EQ(framed("\r\n\r\n\ra\r\r\n\nb\r"), (Messages{"a", "b"}));
    MessageFramer framer;
    framer.feed("a\r");
    framer.feed("\nb\r");
    EXPECT_EQ(drain(framer), (Messages{"a", "b"}));
    EXPECT_FALSE(framer.has_partial());
}

TEST(MessageFramer, TakesAMessageOfExactlyTheLimit) {
    MessageFramer framer;
    framer.feed(std::string(8192, 'x'));
    EXPECT_FALSE(framer.overflowed());
    framer.feed("\r");
    EXPECT_EQ(drain(framer), Messages{std::string(8192, 'x')});
    EXPECT_FALSE(framer.overflowed());
}

TEST(MessageFramer, OverflowsOnAMessageOverTheLimitWithItsEnd) {
    MessageFramer framer;
    framer.feed(std::string(8193, 'x') + "\rshort\r");
    EXPECT_EQ(framer.next(), std::nullopt);
    EXPECT_TRUE(framer.overflowed());
}

TEST(MessageFramer, OverflowsOnAMessageOverTheLimitBeforeItsEnd) {
    MessageFramer framer(16);
    framer.feed(std::string(16, 'x'));
    EXPECT_FALSE(framer.overflowed());
    framer.feed("x");
    EXPECT_TRUE(framer.overflowed());
    framer.feed("\rmore\r");  // nothing after an overflow is framed
    EXPECT_EQ(framer.next(), std::nullopt);
    EXPECT_TRUE(framer.overflowed());
}

TEST(MessageFramer, CountsTheLimitPerMessageNotPerFeed) {
    MessageFramer framer(16);
    for (int i = 0; i < 100; ++i) framer.feed("0123456789\r");
    EXPECT_EQ(drain(framer).size(), 100u);
    EXPECT_FALSE(framer.overflowed());
}

}  // namespace
}  // namespace kitap::sip2
