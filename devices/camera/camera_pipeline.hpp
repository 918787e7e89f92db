#pragma once

#include "devices/camera/frame_decoder.hpp"
#include "devices/camera/read_confirmer.hpp"

#include <opencv2/core.hpp>

#include <optional>

namespace kitap::devices {

struct PipelineStep {
    FrameDecode decode;
    ReadFate fate = ReadFate::none;         // of decode.read
    std::optional<ConfirmedCode> accepted;  // a scan to report
};

// What happens to one camera frame: decode, validate, confirm, suppress. The
// live camera source runs it on its worker thread; `kitap decode --stream` runs
// it over every frame of a file with the file's own clock, so both behave alike.
class CameraPipeline {
public:
    CameraPipeline(FrameDecoder decoder, ConfirmationOptions confirmation);

    PipelineStep process(const cv::Mat& frame, Clock::time_point time);

private:
    FrameDecoder decoder_;
    ReadConfirmer confirmer_;
};

}  // namespace kitap::devices
