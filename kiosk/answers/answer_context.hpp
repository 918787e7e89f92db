#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"

namespace kitap::answers {

// What every answer is asked in: the library (one thread at a time), the language
// of its words and messages, the configuration (the school's name on documents,
// the label stock, the station codes) and the moment of the request (today's
// date for reports; fixed by tests).
struct AnswerContext {
    core::Library& library;
    const app::Translator& tr;
    const app::Config& config;
    core::Timestamp now;

    core::Date today() const { return core::local_date(now); }
};

}  // namespace kitap::answers
