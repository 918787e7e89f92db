#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kitap::bench {

// SIP2's figures of kitap-bench: the built `kitap sip2` on 127.0.0.1 over a library with
// years of history, one self-check terminal serving one free pupil after another: the
// card's patron information, a book checked out, and back in.
struct Sip2BenchOptions {
    std::filesystem::path kitap;                             // the kitap executable
    std::filesystem::path database;                          // a library with history (others may hold it open: WAL)
    std::filesystem::path dir;                               // logs go here
    std::vector<std::pair<std::string, std::string>> loans;  // a free pupil and a copy on the shelf each
    double station_loan_p99_ms = 0;                          // the same run's in-process figure the checkout is held to
};

// Prints sip2_patron_information_p99_ms, sip2_checkout_p99_ms with its target
// (2 x station_loan_p99_ms + 1) and the ratio beside the in-process station. A server that does not start or an answer
// that is not ok ends the benchmark (exit 1) with what went wrong.
void bench_sip2(const Sip2BenchOptions& options);

}  // namespace kitap::bench
