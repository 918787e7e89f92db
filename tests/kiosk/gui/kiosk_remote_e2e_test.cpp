// kitap-kiosk --server end to end: built kiosks under Xvfb with `kitap serve --no-tls`
// as their station, a child process the test kills and starts again. Online scans are
// the server's; with the server gone the kiosk goes on alone ("offline": true) and
// says so on its welcome screen; with the server back its journal reaches the server.
// Two kiosks and the web console's desk scanning one copy at once lend it once.
#include "core/import/source_table.hpp"
#include "core/library.hpp"
#include "kiosk/remote/server_link.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/shell.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <future>
#include <latch>
#include <thread>

#include <signal.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::free_port;
using testing::SampleLibrary;
using testing::TestedKiosk;

template <typename Condition>
bool eventually(Condition condition, std::chrono::seconds timeout = 30s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(100ms);
    }
    return condition();
}

// A station account on the server, its token in a 0600 file on the kiosk's PC.
struct StationAccount {
    std::string name;
    std::string token;
    std::filesystem::path token_file;
};

// The web console's desk in a librarian's browser: the session cookie and CSRF token of its login.
struct DeskBrowser {
    int port = 0;
    std::string cookie;
    std::string csrf;
};

class RemoteKioskEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestedKiosk::can_run()) GTEST_SKIP() << "Xvfb is not installed";
        kiosk.emplace();
        reading_room = add_station(*kiosk, "reading-room");
        ASSERT_NO_FATAL_FAILURE(start_server_on_a_free_port());
    }
    void TearDown() override { stop_server(); }

    static core::Timestamp now() {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

    // The server's database is the first kiosk's.
    core::Library server_library() const {
        auto library = core::Library::open(kiosk->db_path());
        if (!library) throw std::runtime_error("cannot open the server's database: " + library.error().detail);
        return std::move(*library);
    }

    // A station account as `kitap user add NAME --role station` makes it, its token file in `at`'s folder.
    StationAccount add_station(const TestedKiosk& at, const std::string& name) {
        const auto added = server_library().accounts().add_station(name, now());
        if (!added || !*added) throw std::runtime_error("cannot add the station account " + name);
        StationAccount account{.name = name, .token = (*added)->token, .token_file = at.folder() / (name + ".token")};
        std::ofstream(account.token_file) << account.token << '\n';
        std::filesystem::permissions(account.token_file,
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return account;
    }

    // Starts `remote` as a station of the server and waits for its welcome screen.
    void start_remote(TestedKiosk& remote, const StationAccount& account, const std::string& language = "en") {
        remote.start({"--server", url(), "--station", account.name, "--token-file", account.token_file.string()},
                     language);
        ASSERT_NE(remote.wait_for_screenshot(1), "") << "the kiosk never drew its welcome screen";
    }

    std::filesystem::path server_log() const { return kiosk->folder() / "serve.log"; }

    // Starts `kitap serve` on `port`; whether it answers a station's hello (false when it
    // exited first, as on a port another program took, or never answered).
    bool start_server() {
        server.emplace(std::vector<std::string>{KITAP_BINARY, "--db", kiosk->db_path().string(), "serve", "--no-tls",
                                                "--listen", "127.0.0.1:" + std::to_string(port)},
                       std::vector<std::string>{"ASAN_OPTIONS=detect_leaks=0"}, server_log());
        remote::ServerLink link({.tls = false, .host = "127.0.0.1", .port = port}, reading_room.token, std::nullopt);
        bool answered = false;
        eventually([&] {
            const auto hello = link.get("/api/station/hello");
            answered = hello && hello->status == 200;
            return answered || !server->running();
        });
        return answered;
    }
    // free_port() lets the port go before the server takes it: another program may take
    // it in between, and then the server exits and another port is tried.
    void start_server_on_a_free_port() {
        for (int attempt = 0; attempt < 3; ++attempt) {
            port = free_port();
            if (start_server()) return;
            if (server->running()) break;
        }
        FAIL() << "kitap serve never answered: " << testing::slurp(server_log());
    }
    void stop_server() {
        if (!server || !server->running()) return;
        server->signal(SIGTERM);
        server->wait_for_exit(20s);
    }

    // Waits for the `count`th outcome line `of` printed.
    static nlohmann::json outcome(TestedKiosk& of, std::size_t count) {
        std::vector<std::string> lines;
        eventually([&] { return (lines = of.printed_outcomes()).size() >= count; }, 30s);
        if (lines.size() < count) {
            ADD_FAILURE() << "the kiosk printed " << lines.size() << " outcomes, not " << count;
            return {};
        }
        return nlohmann::json::parse(lines[count - 1]);
    }

    // Logs a librarian into the web console, as a browser does.
    DeskBrowser log_in(const std::string& user, const std::string& password) const {
        httplib::Client http("127.0.0.1", port);
        http.set_read_timeout(20s);
        const auto reply =
            http.Post("/api/login", nlohmann::json{{"user", user}, {"password", password}}.dump(), "application/json");
        if (!reply || reply->status != 200)
            throw std::runtime_error("the login of " + user +
                                     " was refused: " + (reply ? reply->body : httplib::to_string(reply.error())));
        const auto cookie = reply->get_header_value("Set-Cookie");
        return {.port = port,
                .cookie = cookie.substr(0, cookie.find(';')),
                .csrf = nlohmann::json::parse(reply->body).at("csrf").get<std::string>()};
    }
    // A scan at the web console's desk: the reply (the object `kitap scan` prints).
    static nlohmann::json desk_scan(const DeskBrowser& desk, const std::string& code) {
        httplib::Client http("127.0.0.1", desk.port);
        http.set_read_timeout(20s);
        const auto reply = http.Post("/api/scan", {{"Cookie", desk.cookie}, {"X-CSRF-Token", desk.csrf}},
                                     nlohmann::json{{"code", code}, {"mode", "desk"}}.dump(), "application/json");
        if (!reply || reply->status != 200)
            throw std::runtime_error("the desk's scan of " + code +
                                     " failed: " + (reply ? reply->body : httplib::to_string(reply.error())));
        return nlohmann::json::parse(reply->body);
    }

    std::optional<TestedKiosk> kiosk;
    StationAccount reading_room;
    std::optional<testing::ChildProcess> server;
    int port = 0;
};

TEST_F(RemoteKioskEndToEnd, OnlineThenOfflineThenTheJournalReachesTheServer) {
    ASSERT_NO_FATAL_FAILURE(start_remote(*kiosk, reading_room, "kk"));

    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(outcome(*kiosk, 1)["outcome"], "session");
    kiosk->scan(SampleLibrary::copy_1);
    const auto online_loan = outcome(*kiosk, 2);
    EXPECT_EQ(online_loan["outcome"], "loan");
    EXPECT_FALSE(online_loan.contains("offline")) << online_loan.dump();
    kiosk->scan("KITAP-DONE");
    EXPECT_EQ(outcome(*kiosk, 3)["outcome"], "ended");

    stop_server();
    kiosk->scan(SampleLibrary::pupil_a);
    const auto offline_card = outcome(*kiosk, 4);
    EXPECT_EQ(offline_card["outcome"], "session");
    EXPECT_EQ(offline_card["offline"], true) << offline_card.dump();
    kiosk->scan(SampleLibrary::copy_2);
    const auto offline_loan = outcome(*kiosk, 5);
    EXPECT_EQ(offline_loan["outcome"], "loan");
    EXPECT_EQ(offline_loan["offline"], true);
    kiosk->scan("KITAP-DONE");
    EXPECT_EQ(outcome(*kiosk, 6)["offline"], true);
    // The welcome screen after it says the server is away (KITAP_E2E_SCREENSHOTS keeps it).
    const auto shots = kiosk->screenshots().size();
    ASSERT_NE(kiosk->wait_for_screenshot(shots + 1), "");

    ASSERT_TRUE(start_server()) << "kitap serve never answered again: " << testing::slurp(server_log());
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
        return std::any_of(listed.begin(), listed.end(), [&](const nlohmann::json& s) {
            return s["name"] == reading_room.name && s["journal_waiting"] == 0 && s["online"] == true;
        });
    })) << testing::slurp(kiosk->folder() / "stations.json");
}

// A station in the race with its pupil's session open: a kiosk of the server or the web desk.
struct Racer {
    std::string station;
    std::string pupil;
    std::function<nlohmann::json(const std::string& code)> scan;  // the station's answer to a code
    std::chrono::milliseconds later_each_round{0};                // its start in a race: round × this
};

// The answers of one race are those of some order of its scans: one lent the free copy;
// a kiosk after it was refused (someone else's book); the desk after it moved the loan
// to its own pupil, naming the one it took the book from. The reader holding the copy now.
std::string holder_after(const std::vector<Racer>& racers, const std::vector<nlohmann::json>& answers) {
    std::vector<std::string> lenders;
    std::optional<std::pair<std::string, std::string>> moved;  // to, from
    for (std::size_t i = 0; i < racers.size(); ++i) {
        const auto& answer = answers[i];
        SCOPED_TRACE(racers[i].station + ": " + answer.dump());
        if (answer["outcome"] == "loan") {
            EXPECT_EQ(answer["reader"], racers[i].pupil);
            if (!answer.contains("previous_holder"))
                lenders.push_back(racers[i].pupil);
            else
                moved.emplace(racers[i].pupil, answer["previous_holder"]);
        } else {
            EXPECT_EQ(answer["outcome"], "refused");
            EXPECT_EQ(answer["reason"], "on_loan_to_other");
        }
    }
    EXPECT_EQ(lenders.size(), 1u) << "stations lending the one copy";
    if (lenders.empty()) return "";
    if (!moved) return lenders.front();
    EXPECT_EQ(moved->second, lenders.front()) << "the desk took the copy from someone who never had it";
    return moved->first;
}

TEST_F(RemoteKioskEndToEnd, TwoKiosksAndTheWebDeskRacingForOneCopyLendItOnce) {
    constexpr auto password = "correct horse battery";
    const std::vector<std::string> copies{"30000101", "30000102", "30000103", "30000104", "30000105"};
    {
        auto library = server_library();
        std::string catalog = "title,authors,kind,barcodes\nЖарыс,Test,fiction,";
        for (const auto& code : copies) catalog += code + " ";
        const auto imported = library.imports().catalog(*core::read_text_table(catalog + "\n"), {.now = now()});
        ASSERT_TRUE(imported && imported->ok());
        // Answers are waited for up to 30 s on a busy machine: the pupils' sessions outlive that.
        ASSERT_TRUE(library.settings().set(std::string(core::kiosk_idle_timeout_setting.key), "180"));
        const auto librarian = library.accounts().add(
            {.name = "aigul", .role = core::AccountRole::librarian, .password = password}, now());
        ASSERT_TRUE(librarian && *librarian);
    }
    // Another PC: its own display, folder, token file and journal; the server's database is the first kiosk's.
    TestedKiosk second_kiosk;
    const auto second_floor = add_station(second_kiosk, "second-floor");
    ASSERT_NO_FATAL_FAILURE(start_remote(*kiosk, reading_room));
    ASSERT_NO_FATAL_FAILURE(start_remote(second_kiosk, second_floor));
    const auto desk = log_in("aigul", password);

    const auto kiosk_racer = [](const StationAccount& account, TestedKiosk& remote, const std::string& pupil) {
        remote.scan(pupil);
        EXPECT_EQ(outcome(remote, 1)["outcome"], "session") << account.name;
        return Racer{.station = account.name,
                     .pupil = pupil,
                     .scan = [&remote, printed = std::size_t{1}](const std::string& code) mutable {
                         remote.scan(code);
                         return outcome(remote, ++printed);
                     }};
    };
    // A kiosk's scan crosses its pipe, its next frame and the network before the server
    // has it, the desk's only the network: the desk starts later each round, so that it
    // meets the kiosks' scans before, among and after them.
    std::vector<Racer> racers{kiosk_racer(reading_room, *kiosk, SampleLibrary::pupil_a),
                              kiosk_racer(second_floor, second_kiosk, SampleLibrary::pupil_c),
                              {.station = "desk",
                               .pupil = SampleLibrary::pupil_b,
                               .scan = [&](const std::string& code) { return desk_scan(desk, code); },
                               .later_each_round = 10ms}};
    EXPECT_EQ(desk_scan(desk, SampleLibrary::pupil_b)["outcome"], "session");
    // Петров brings back the book he holds, so that five loans stay within a pupil's limit.
    EXPECT_EQ(desk_scan(desk, SampleLibrary::copy_3)["outcome"], "return");

    for (std::size_t round = 0; round < copies.size(); ++round) {
        const auto& copy = copies[round];
        SCOPED_TRACE(copy);
        std::latch go(1);
        std::vector<std::future<nlohmann::json>> scans;
        for (const auto& racer : racers)
            scans.push_back(std::async(std::launch::async, [&] {
                go.wait();
                std::this_thread::sleep_for(racer.later_each_round * round);
                return racer.scan(copy);
            }));
        go.count_down();
        std::vector<nlohmann::json> answers;
        std::string answered;
        for (std::size_t i = 0; i < racers.size(); ++i) {
            answers.push_back(scans[i].get());
            answered += racers[i].station + ": " + answers[i].value("outcome", "?") +
                        (answers[i].contains("previous_holder") ? " (moved)" : "") + "; ";
        }
        RecordProperty(copy, answered);  // who won each round, in --gtest_output's report
        const auto holder = holder_after(racers, answers);

        const auto item = server_library().lookup().item(copy, 10);
        ASSERT_TRUE(item && item->copy);
        EXPECT_EQ(item->copy->holder_card, holder);
        const auto& history = item->copy->history;
        EXPECT_EQ(std::count_if(history.begin(), history.end(), [](const auto& line) { return !line.returned; }), 1)
            << "open loans of the copy";
        EXPECT_EQ(history.size(), std::count_if(answers.begin(), answers.end(),
                                                [](const auto& answer) { return answer["outcome"] == "loan"; }))
            << "loans of the copy, the desk's move included";
    }
}

}  // namespace
}  // namespace kitap::kiosk
