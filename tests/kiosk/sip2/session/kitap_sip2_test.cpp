// `kitap sip2` itself: the binary on 127.0.0.1, over TCP and TLS, with the tests' terminal.
#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/kiosk/sip2/session/sip2_session_fixture.hpp"
#include "tests/kiosk/sip2/transport/transport_test_support.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/temp_dir.hpp"

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class KitapSip2 : public Sip2SessionFixture {
protected:
    // `kitap sip2` on a free port with `extra` arguments, once it says it listens.
    void start(std::vector<std::string> extra = {}) {
        port_ = free_port();
        std::vector<std::string> argv{KITAP_BINARY, "sip2", "--listen", "127.0.0.1:" + std::to_string(port_)};
        argv.insert(argv.end(), extra.begin(), extra.end());
        server_.emplace(argv, std::vector<std::string>{"KITAP_DB=" + path().string(), "TZ=<+05>-5"}, output());
        for (int waited = 0; waited < 100 && slurp(output()).find("listening") == std::string::npos; ++waited)
            std::this_thread::sleep_for(100ms);
        ASSERT_NE(slurp(output()).find("listening on 127.0.0.1:" + std::to_string(port_)), std::string::npos)
            << slurp(output());
    }

    std::filesystem::path output() const { return folder_ / "kitap-sip2.log"; }

    void check_a_checkout(sip2::testing::TestTerminal terminal) {
        ASSERT_TRUE(terminal.send(std::string("9300CN") + terminal_name + "|CO" + terminal_password + "|CPgate-1|\r"));
        EXPECT_EQ(terminal.read_answer(), "941\r");
        ASSERT_TRUE(
            terminal.send("11NN20240301    170000" + std::string(18, ' ') + "AOkitap|AA20000022|AB10000025|\r"));
        const auto answer = terminal.read_answer();
        EXPECT_TRUE(answer.starts_with("121")) << answer;
        EXPECT_EQ(count("SELECT count(*) FROM loan l JOIN copy c ON c.id = l.copy_id "
                        "WHERE c.barcode = '10000025' AND l.returned_at IS NULL AND l.station = 'sip2:gate-1'"),
                  1);
    }

    void stop() {
        server_->signal(SIGTERM);
        EXPECT_EQ(server_->wait_for_exit(5s), 0) << slurp(output());
    }

    TempDir folder_;
    int port_ = 0;
    std::optional<ChildProcess> server_;
};

TEST_F(KitapSip2, ServesATerminalOverTcp) {
    add_terminal();
    start();
    EXPECT_NE(slurp(output()).find("as institution kitap"), std::string::npos) << slurp(output());
    check_a_checkout(sip2::testing::TestTerminal::plain(port_));
    stop();
}

TEST_F(KitapSip2, ServesATerminalOverTls) {
    add_terminal();
    const auto tls = sip2::testing::make_test_certificate(folder_.path());
    start({"--tls-cert", tls.certificate.string(), "--tls-key", tls.key.string()});
    check_a_checkout(sip2::testing::TestTerminal::tls(port_, tls.certificate));
    stop();
}

TEST_F(KitapSip2, BadArgumentsAreRefusedBeforeListening) {
    const auto run = [&](const std::string& args) {
        ChildProcess child({"/bin/sh", "-c", std::string(KITAP_BINARY) + " sip2 " + args},
                           {"KITAP_DB=" + path().string()}, folder_ / "refused.log");
        return child.wait_for_exit(10s).value_or(-1);
    };
    EXPECT_EQ(run("--listen nowhere"), 2) << slurp(folder_ / "refused.log");
    EXPECT_EQ(run("--listen 127.0.0.1:1 --tls-cert /nonexistent.crt --tls-key /nonexistent.key"), 2)
        << slurp(folder_ / "refused.log");
    EXPECT_NE(slurp(folder_ / "refused.log").find("/nonexistent"), std::string::npos) << "names the file";
}

}  // namespace
}  // namespace kitap::testing
