#include "devices_bench.hpp"

int main(int argc, char** argv) { return camera_bench_main(argc, argv); }
