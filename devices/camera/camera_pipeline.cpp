#include "devices/camera/camera_pipeline.hpp"

#include <utility>

namespace kitap::devices {

CameraPipeline::CameraPipeline(FrameDecoder decoder, ConfirmationOptions confirmation)
    : decoder_(std::move(decoder)), confirmer_(confirmation) {}

PipelineStep CameraPipeline::process(const cv::Mat& frame, Clock::time_point time) {
    PipelineStep step{.decode = decoder_.decode(frame), .fate = ReadFate::none, .accepted = std::nullopt};
    std::optional<ConfirmedCode> read;
    if (step.decode.read) read = ConfirmedCode{step.decode.read->text, step.decode.read->symbology};
    step.fate = confirmer_.observe(read, time);
    if (step.fate == ReadFate::accepted) step.accepted = read;
    return step;
}

}  // namespace kitap::devices
