#include "tests/bench/web_bench.hpp"

#include "kiosk/remote/server_link.hpp"
#include "kiosk/wire/station_wire.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/server_runs.hpp"
#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/support/free_port.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <latch>
#include <mutex>
#include <thread>

namespace kitap::bench {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;
using testing::free_port;
namespace fs = std::filesystem;

constexpr const char* account = "bench";
constexpr const char* password = "bench-password-1";
// Bounds of its own, whatever the options say: the load stops by itself.
constexpr int max_requests_per_client = 200000;
// The paused desk: long enough for an idle machine to let its processors sleep, few
// enough loans to keep the run short (120 loans: 240 timed of 360 scans, about 18 s).
constexpr std::chrono::milliseconds paused_desk_pause{50};
constexpr std::size_t paused_desk_loans = 120;

[[noreturn]] void fail(const std::string& what, const fs::path& log) { fail_with_log("web", what, log); }

// A station account for a kiosk on another PC: the token `kitap user add --role station` prints.
std::string add_station_account(const WebBenchOptions& options) {
    const std::string command = "KITAP_DB='" + options.database.string() + "' '" + options.kitap.string() +
                                "' user add bench-kiosk --role station 2>> '" + (options.dir / "user.log").string() +
                                "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) fail("cannot run kitap user add --role station", options.dir / "user.log");
    std::string printed;
    for (char buffer[256]; std::fgets(buffer, sizeof buffer, pipe);) printed += buffer;
    const std::string prefix = "token: ";
    if (::pclose(pipe) != 0 || printed.rfind(prefix, 0) != 0)
        fail("kitap user add --role station failed", options.dir / "user.log");
    return printed.substr(prefix.size(), printed.find('\n') - prefix.size());
}

// A client with its own login session: the session cookie and the CSRF token.
struct Session {
    httplib::Client client;
    httplib::Headers headers;

    explicit Session(int port) : client("127.0.0.1", port) {
        client.set_keep_alive(true);
        client.set_tcp_nodelay(true);  // as browsers do
        client.set_read_timeout(10, 0);
    }
};

bool log_in(Session& session) {
    const json body{{"user", account}, {"password", password}};
    const auto reply = session.client.Post("/api/login", body.dump(), "application/json");
    if (!reply || reply->status != 200) return false;
    const auto cookie = reply->get_header_value("Set-Cookie");
    session.headers = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                       {"X-CSRF-Token", json::parse(reply->body).at("csrf").get<std::string>()}};
    return true;
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Memory of a running process from /proc, in MB.
double status_mb(pid_t pid, const std::string& key) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key + ":", 0) == 0) return std::atof(line.c_str() + key.size() + 1) / 1024.0;
    return 0;
}

// What the librarian's, the director's and the teachers' screens ask most: the
// dashboard, a reader, an item, and the debtors list.
std::string mix_path(const WebBenchOptions& options, std::size_t round) {
    switch (round % 4) {
        case 0:
            return "/api/stats";
        case 1:
            return "/api/readers/" + options.cards[round / 4 % options.cards.size()];
        case 2:
            return "/api/items/" + options.items[round / 4 % options.items.size()];
        default:
            return "/api/reports/debtors?format=json";
    }
}

struct Samples {
    std::mutex mutex;
    std::vector<double> ms;
    std::atomic<bool> failed{false};
    std::string failure;

    void add(const std::vector<double>& more) {
        std::lock_guard lock(mutex);
        ms.insert(ms.end(), more.begin(), more.end());
    }
    void fail(std::string what) {
        std::lock_guard lock(mutex);
        if (!failed.exchange(true)) failure = std::move(what);
    }
};

double read_mix(const WebBenchOptions& options, int port, Samples& samples) {
    std::vector<std::unique_ptr<Session>> sessions;
    for (int i = 0; i < options.clients; ++i) {
        sessions.push_back(std::make_unique<Session>(port));
        if (!log_in(*sessions.back())) fail("login failed", options.dir / "serve.log");
    }
    const auto start = Clock::now();
    const auto deadline = start + options.duration;
    std::vector<std::thread> clients;
    for (int i = 0; i < options.clients; ++i)
        clients.emplace_back([&, i] {
            std::vector<double> mine;
            for (std::size_t round = i; Clock::now() < deadline && mine.size() < max_requests_per_client; ++round) {
                const auto path = mix_path(options, round);
                const auto sent = Clock::now();
                const auto reply = sessions[i]->client.Get(path, sessions[i]->headers);
                mine.push_back(ms_since(sent));
                if (!reply || reply->status != 200)
                    return samples.fail("GET " + path + ": " + (reply ? std::to_string(reply->status) : "no answer"));
            }
            samples.add(mine);
        });
    for (auto& client : clients) client.join();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// One desk scan; its time, or a failure when the outcome is not the expected one.
double scan(Session& session, const std::string& code, const char* mode, const char* expected, Samples& samples) {
    const json body{{"code", code}, {"mode", mode}};
    const auto sent = Clock::now();
    const auto reply = session.client.Post("/api/scan", session.headers, body.dump(), "application/json");
    const double ms = ms_since(sent);
    if (!reply || reply->status != 200) {
        samples.fail("scan " + code + ": " + (reply ? std::to_string(reply->status) + " " + reply->body : "no answer"));
    } else if (expected && json::parse(reply->body).value("outcome", "") != expected) {
        samples.fail("scan " + code + " in " + mode + " mode gave " + reply->body);
    }
    return ms;
}

// Each of `desks` clients lends its pupils' books at the desk and takes them back in return mode,
// pausing `pause` after each scan (none: back to back) and stopping after `max_loans` loans in all.
// The desks begin together once all have logged in: a login's password hash is made to
// cost tens of milliseconds of CPU, and a desk scanning beside another's login would
// time that, not its scans.
void desk_scans(const WebBenchOptions& options, int port, int desks, Samples& samples,
                std::chrono::milliseconds pause = {}, std::size_t max_loans = SIZE_MAX) {
    const std::size_t loans = std::min(max_loans, options.loans.size());
    std::latch logged_in(desks);
    std::vector<std::thread> clients;
    for (int i = 0; i < desks; ++i)
        clients.emplace_back([&, i] {
            Session session(port);
            const bool signed_in = log_in(session);
            logged_in.arrive_and_wait();
            if (!signed_in) return samples.fail("login failed");
            std::vector<double> mine;
            const auto scan_then_pause = [&](const std::string& code, const char* mode, const char* expected) {
                const double ms = scan(session, code, mode, expected, samples);
                std::this_thread::sleep_for(pause);
                return ms;
            };
            for (std::size_t k = i; k < loans && !samples.failed; k += desks) {
                const auto& [card, copy] = options.loans[k];
                scan_then_pause(card, "desk", nullptr);
                mine.push_back(scan_then_pause(copy, "desk", "loan"));
                mine.push_back(scan_then_pause(copy, "return", "return"));
            }
            samples.add(mine);
        });
    for (auto& client : clients) client.join();
}

// One input at a kiosk on another PC: through the kiosk's own link (kitap_remote's
// ServerLink, kept alive) to the station routes, in the wire format, the outcome decoded
// as the kiosk decodes it.
template <typename Request>
double station_call(remote::ServerLink& link, const std::string& path, const Request& request,
                    std::optional<core::Outcome> expected, Samples& samples) {
    const auto sent = Clock::now();
    const auto reply = link.post(path, json(request));
    const double ms = ms_since(sent);
    if (!reply || reply->status != 200) {
        samples.fail(path + ": " + (reply ? reply->body.dump() : reply.error().detail));
        return ms;
    }
    const auto result = wire::decode<core::StationResult>(reply->body);
    if (!result || (expected && result->last().outcome != *expected))
        samples.fail(path + " gave " + reply->body.dump());
    return ms;
}

// Pupils at a kiosk on another PC, one after another: the card, a book lent, "done".
void remote_scans(const WebBenchOptions& options, int port, Samples& samples) {
    remote::ServerLink link({.tls = false, .host = "127.0.0.1", .port = port}, add_station_account(options),
                            std::nullopt);
    const auto scan = [](const std::string& code) {
        return wire::ScanRequest{.mode = core::StationMode::self, .scan = {.text = code, .source = "bench"}};
    };
    const wire::CommandRequest done{.mode = core::StationMode::self, .command = core::Command::done};
    std::vector<double> loans;
    for (const auto& [card, copy] : options.loans) {
        station_call(link, "/api/station/scan", scan(card), std::nullopt, samples);
        loans.push_back(station_call(link, "/api/station/scan", scan(copy), core::Outcome::loan, samples));
        station_call(link, "/api/station/command", done, std::nullopt, samples);
        if (samples.failed) return;
    }
    samples.add(loans);
}

}  // namespace

void bench_web(const WebBenchOptions& options) {
    if (options.cards.empty() || options.items.empty() || options.loans.empty())
        fail("the library has no readers, items or free copies to ask about", options.dir / "serve.log");
    add_password_account(options.kitap, options.database, account, "librarian", password, options.dir / "user.log");
    const int port = free_port();
    const auto log = options.dir / "serve.log";
    testing::ChildProcess server(
        {options.kitap.string(), "serve", "--no-tls", "--listen", "127.0.0.1:" + std::to_string(port)},
        {"KITAP_DB=" + options.database.string()}, log);
    httplib::Client probe("127.0.0.1", port);
    const auto started = Clock::now();
    while (!probe.Get("/healthz")) {
        if (!server.running() || Clock::now() - started > std::chrono::seconds(30))
            fail("kitap serve did not start", log);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    Samples reads;
    const double seconds = read_mix(options, port, reads);
    if (reads.failed) fail(reads.failure, log);
    Samples scans;
    desk_scans(options, port, options.scan_clients, scans);
    if (scans.failed) fail(scans.failure, log);
    Samples one_desk;  // the same scans from one desk: the server's own cost, without queueing at commits
    desk_scans(options, port, 1, one_desk);
    if (one_desk.failed) fail(one_desk.failure, log);
    // One desk pausing between scans, as a librarian does: each scan meets a machine gone
    // idle (its processors asleep, its caches cold), as no back-to-back figure shows.
    Samples paused_desk;
    desk_scans(options, port, 1, paused_desk, paused_desk_pause, paused_desk_loans);
    if (paused_desk.failed) fail(paused_desk.failure, log);
    Samples remote;
    remote_scans(options, port, remote);
    if (remote.failed) fail(remote.failure, log);

    print("web_requests", static_cast<double>(reads.ms.size()));
    std::printf("web_api_p99_ms: %.3f (target <= 50)\n", percentile(reads.ms, 0.99));
    print("web_api_p50_ms", percentile(reads.ms, 0.50));
    print("web_requests_per_s", static_cast<double>(reads.ms.size()) / seconds);
    print("web_scans", static_cast<double>(scans.ms.size()));  // timed: each loan and its return
    const double scan_p99 = percentile(scans.ms, 0.99);
    std::printf("web_scan_p99_ms: %.3f (target <= %.3f = 2 x station_loan_p99_ms + 1)\n", scan_p99,
                2 * options.station_loan_p99_ms + 1);
    print("web_scan_p50_ms", percentile(scans.ms, 0.50));
    print("web_scan_vs_station_p99_ratio", scan_p99 / options.station_loan_p99_ms);
    print("web_scan_one_desk_p99_ms", percentile(one_desk.ms, 0.99));
    print("web_scan_paused_desk_p99_ms", percentile(paused_desk.ms, 0.99));
    std::printf("remote_scan_p99_ms: %.3f (target <= %.3f = 3 + station_loan_p99_ms)\n", percentile(remote.ms, 0.99),
                3 + options.station_loan_p99_ms);
    std::printf("web_rss_mb: %.3f (target <= 60)\n", status_mb(server.pid(), "VmRSS"));
    print("web_rss_peak_mb", status_mb(server.pid(), "VmHWM"));
    server.signal(SIGTERM);
    if (!server.wait_for_exit(std::chrono::seconds(10))) fail("kitap serve did not stop on SIGTERM", log);
}

}  // namespace kitap::bench
