#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kitap::bench {

// The kiosk's figures of kitap-bench: the built kitap-kiosk on a demo library under
// an Xvfb of its own, scans written into a pipe: source, outcomes read from its
// --print-outcomes lines, CPU and memory from /proc.
struct KioskBenchOptions {
    std::filesystem::path kiosk;      // the kitap-kiosk executable
    std::filesystem::path database;   // a demo library nobody has open
    std::filesystem::path dir;        // the scan FIFO and the logs go here
    std::chrono::milliseconds idle;   // how long to watch the welcome screen sleep
    std::vector<std::string> visits;  // scanned one at a time, 150–300 ms apart, as a scanner does
    std::vector<std::string> burst;   // written into the FIFO at once
    std::vector<std::string> locked;  // one visit, scanned while another program holds the write lock
};

// Prints kiosk_idle_cpu_pct, kiosk_scan_to_frame_ms_p95, kiosk_frame_ms_p95,
// kiosk_rss_mb, kiosk_rss_peak_mb, kiosk_frame_ms_p95_while_locked and
// kiosk_locked_scan_committed with their targets, or each as skipped with
// the reason when Xvfb or the kiosk is not there. A kiosk that dies or leaves an
// outcome unshown ends the benchmark (exit 1) with its log.
void bench_kiosk(const KioskBenchOptions& options);

}  // namespace kitap::bench
