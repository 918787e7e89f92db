// kitap-kiosk --server end to end: the built kiosk under Xvfb with `kitap serve --no-tls`
// as its station, a child process the test kills and starts again. Online scans are
// the server's; with the server gone the kiosk goes on alone ("offline": true) and
// says so on its welcome screen; with the server back its journal reaches the server.
#include "core/library.hpp"
#include "kiosk/remote/server_link.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"
#include "tests/support/shell.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <thread>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::SampleLibrary;

constexpr auto station = "reading-room";

// A port nobody listens on now, for the server to take (and take again after a restart).
int free_port() {
    const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    bind(socket_fd, reinterpret_cast<sockaddr*>(&address), size);
    getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(socket_fd);
    return ntohs(address.sin_port);
}

template <typename Condition>
bool eventually(Condition condition, std::chrono::seconds timeout = 30s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(100ms);
    }
    return condition();
}

class RemoteKioskEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testing::TestedKiosk::can_run()) GTEST_SKIP() << "Xvfb is not installed";
        kiosk.emplace();
        auto library = core::Library::open(kiosk->db_path());
        ASSERT_TRUE(library);
        const auto added = library->accounts().add_station(station, now());
        ASSERT_TRUE(added && *added);
        token_file = kiosk->folder() / "station.token";
        std::ofstream(token_file) << (*added)->token << '\n';
        std::filesystem::permissions(token_file,
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        token = (*added)->token;
        port = free_port();
        start_server();
    }
    void TearDown() override { stop_server(); }

    static core::Timestamp now() {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

    void start_server() {
        server.emplace(std::vector<std::string>{KITAP_BINARY, "--db", kiosk->db_path().string(), "serve", "--no-tls",
                                                "--listen", "127.0.0.1:" + std::to_string(port)},
                       std::vector<std::string>{"ASAN_OPTIONS=detect_leaks=0"}, kiosk->folder() / "serve.log");
        remote::ServerLink link({.tls = false, .host = "127.0.0.1", .port = port}, token, std::nullopt);
        ASSERT_TRUE(eventually([&] {
            const auto hello = link.get("/api/station/hello");
            return hello && hello->status == 200;
        })) << "kitap serve never answered: "
            << testing::slurp(kiosk->folder() / "serve.log");
    }
    void stop_server() {
        if (!server || !server->running()) return;
        server->signal(SIGTERM);
        server->wait_for_exit(20s);
    }

    // Waits for the kiosk's `count`th printed outcome line.
    nlohmann::json outcome(std::size_t count) {
        std::vector<std::string> lines;
        eventually([&] { return (lines = kiosk->printed_outcomes()).size() >= count; }, 20s);
        if (lines.size() < count) {
            ADD_FAILURE() << "the kiosk printed " << lines.size() << " outcomes, not " << count;
            return {};
        }
        return nlohmann::json::parse(lines[count - 1]);
    }

    std::optional<testing::TestedKiosk> kiosk;
    std::optional<testing::ChildProcess> server;
    std::filesystem::path token_file;
    std::string token;
    int port = 0;
};

TEST_F(RemoteKioskEndToEnd, OnlineThenOfflineThenTheJournalReachesTheServer) {
    kiosk->start({"--server", url(), "--station", station, "--token-file", token_file.string()}, "kk");
    ASSERT_NE(kiosk->wait_for_screenshot(1), "") << "the kiosk never drew its welcome screen";

    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(outcome(1)["outcome"], "session");
    kiosk->scan(SampleLibrary::copy_1);
    const auto online_loan = outcome(2);
    EXPECT_EQ(online_loan["outcome"], "loan");
    EXPECT_FALSE(online_loan.contains("offline")) << online_loan.dump();
    kiosk->scan("KITAP-DONE");
    EXPECT_EQ(outcome(3)["outcome"], "ended");

    stop_server();
    kiosk->scan(SampleLibrary::pupil_a);
    const auto offline_card = outcome(4);
    EXPECT_EQ(offline_card["outcome"], "session");
    EXPECT_EQ(offline_card["offline"], true) << offline_card.dump();
    kiosk->scan(SampleLibrary::copy_2);
    const auto offline_loan = outcome(5);
    EXPECT_EQ(offline_loan["outcome"], "loan");
    EXPECT_EQ(offline_loan["offline"], true);
    kiosk->scan("KITAP-DONE");
    EXPECT_EQ(outcome(6)["offline"], true);
    // The welcome screen after it says the server is away (KITAP_E2E_SCREENSHOTS keeps it).
    const auto shots = kiosk->screenshots().size();
    ASSERT_NE(kiosk->wait_for_screenshot(shots + 1), "");

    start_server();
    // Within a few seconds (the kiosk asks every 5 s) the offline loan is on the server too.
    ASSERT_TRUE(eventually([&] {
        auto library = core::Library::open(kiosk->db_path());
        const auto held =
            library ? library->circulation().held_items(SampleLibrary::pupil_a) : tl::unexpected(core::Fault{});
        return held && held->size() == 2;
    })) << "the journal never reached the server";
    const std::string stations = KITAP_BINARY + std::string(" --db ") + testing::quoted(kiosk->db_path().string()) +
                                 " stations --json > " + testing::quoted((kiosk->folder() / "stations.json").string());
    ASSERT_TRUE(eventually([&] {
        if (testing::run(stations) != 0) return false;
        const auto listed = nlohmann::json::parse(testing::slurp(kiosk->folder() / "stations.json"));
        return std::any_of(listed.begin(), listed.end(), [](const nlohmann::json& s) {
            return s["name"] == station && s["journal_waiting"] == 0 && s["online"] == true;
        });
    })) << testing::slurp(kiosk->folder() / "stations.json");
}

}  // namespace
}  // namespace kitap::kiosk
