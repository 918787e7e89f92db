#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kitap::bench {

// The web console's figures of kitap-bench: the built `kitap serve` (plain HTTP on
// 127.0.0.1) over a library with years of history, read by concurrent clients for a
// bounded time, then desk scans over HTTP from a few clients.
struct WebBenchOptions {
    std::filesystem::path kitap;                             // the kitap executable
    std::filesystem::path database;                          // a library with history (others may hold it open: WAL)
    std::filesystem::path dir;                               // logs go here
    std::vector<std::string> cards;                          // readers to look up
    std::vector<std::string> items;                          // copy barcodes to look up
    std::vector<std::pair<std::string, std::string>> loans;  // a free pupil and a copy on the shelf each
    std::chrono::seconds duration{10};                       // how long the read mix runs
    int clients = 20;
    int scan_clients = 4;
    double station_loan_p99_ms = 0;  // the same run's in-process figure the web scan is held to
};

// Prints web_api_p99_ms, web_requests_per_s, web_scan_p99_ms (and from one desk alone,
// back to back and pausing between scans),
// remote_scan_p99_ms (a kiosk on another PC through its ServerLink), web_rss_mb and
// web_rss_peak_mb with their targets. A server that does not start or a request
// that fails ends the benchmark (exit 1) with what went wrong.
void bench_web(const WebBenchOptions& options);

}  // namespace kitap::bench
