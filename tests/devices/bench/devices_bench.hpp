#pragma once

// The camera figures (decode rate, misreads, ms per 1280x720 frame, empty-frame
// cost) against a plain zxing pass in the same run; run by kitap-devices-bench
// and at the end of kitap-bench. Takes the same arguments: [--quick] [--frames N] [--seed S].
int camera_bench_main(int argc, char** argv);
