#pragma once

#include "devices/io/reconnect_options.hpp"
#include "devices/io/status_reporter.hpp"
#include "devices/io/stop_signal.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace kitap::devices {

// What a source makes of the bytes it reads.
struct ByteStreamHandler {
    std::function<void(std::string_view bytes)> bytes;
    // The end of a file, or a FIFO's writer went: whatever it left half-sent is finished or dropped.
    std::function<void()> writer_gone;
};

// Reads the path a source was given (`pipe:PATH`, `events:PATH`) until the source stops:
// - A FIFO is read for as long as the source runs, one writer after another. Whoever
//   writes is the scanner: the source is `connected` from the FIFO's opening, `lost`
//   (unplugged) once a writer has closed it and no other came within a retry interval,
//   and `connected` again when the next writer opens it.
// - A regular file is read once, then the source is `ended`.
// - "-" is standard input, read to its end, then `ended`.
// - A path that does not exist (yet) or cannot be opened is `lost` and looked for again.
void follow_path(const std::filesystem::path& path, const ReconnectOptions& reconnect, StatusReporter& status,
                 const StopSignal& stop, const ByteStreamHandler& handler);

}  // namespace kitap::devices
