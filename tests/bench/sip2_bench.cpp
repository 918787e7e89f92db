#include "tests/bench/sip2_bench.hpp"

#include "tests/bench/figures.hpp"
#include "tests/bench/server_runs.hpp"
#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/kiosk/sip2/transport/transport_test_support.hpp"
#include "tests/support/free_port.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace kitap::bench {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr const char* account = "bench-gate";
constexpr const char* password = "bench-password-1";
const std::string date = "20240301    120000";

[[noreturn]] void fail(const std::string& what, const fs::path& log) { fail_with_log("sip2", what, log); }

bool says_listening(const fs::path& log) {
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);)
        if (line.find("listening") != std::string::npos) return true;
    return false;
}

// One message and its answer; the milliseconds between sending and the answer's end.
double exchange(sip2::testing::TestTerminal& terminal, const std::string& message, const char* expected,
                const fs::path& log) {
    const auto sent = Clock::now();
    if (!terminal.send(message + "\r")) fail("the connection closed before " + message, log);
    const auto answer = terminal.read_answer();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
    if (!answer.starts_with(expected)) fail(message + " was answered " + answer, log);
    return ms;
}

}  // namespace

void bench_sip2(const Sip2BenchOptions& options) {
    if (options.loans.empty()) fail("the library has no free pupils and copies to lend", options.dir / "sip2.log");
    add_password_account(options.kitap, options.database, account, "sip2", password, options.dir / "sip2-user.log");
    const int port = testing::free_port();
    const auto log = options.dir / "sip2.log";
    testing::ChildProcess server({options.kitap.string(), "sip2", "--listen", "127.0.0.1:" + std::to_string(port)},
                                 {"KITAP_DB=" + options.database.string()}, log);
    const auto started = Clock::now();
    while (!says_listening(log)) {
        if (!server.running() || Clock::now() - started > std::chrono::seconds(30))
            fail("kitap sip2 did not start", log);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto terminal = sip2::testing::TestTerminal::plain(port);
    exchange(terminal, std::string("9300CN") + account + "|CO" + password + "|CPbench|", "941", log);
    // As a self-check machine goes: the card's 63 (the pupil's name and loans on its
    // screen, the station's session opened), then a 11 a book, as the station's and the
    // web's loan figures time the book's scan after the card's.
    std::vector<double> patrons, checkouts;
    for (const auto& [card, copy] : options.loans) {
        patrons.push_back(exchange(terminal, "63000" + date + "  Y       AA" + card + "|", "64", log));
        checkouts.push_back(
            exchange(terminal, "11NN" + date + std::string(18, ' ') + "AA" + card + "|AB" + copy + "|", "121", log));
        exchange(terminal, "09N" + date + date + "AB" + copy + "|", "101", log);
    }
    const double p99 = percentile(checkouts, 0.99);
    print("sip2_patron_information_p99_ms", percentile(patrons, 0.99));
    print("sip2_checkouts", static_cast<double>(checkouts.size()));
    print("sip2_checkout_p50_ms", percentile(checkouts, 0.50));
    std::printf("sip2_checkout_p99_ms: %.3f (target <= %.3f = 2 x station_loan_p99_ms + 1)\n", p99,
                2 * options.station_loan_p99_ms + 1);
    print("sip2_checkout_vs_station_p99_ratio", p99 / options.station_loan_p99_ms);
    server.signal(SIGTERM);
    if (server.wait_for_exit(std::chrono::seconds(10)) != 0) fail("kitap sip2 did not stop cleanly", log);
}

}  // namespace kitap::bench
