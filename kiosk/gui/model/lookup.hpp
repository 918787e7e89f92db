#pragma once

#include "core/library/lookup_service.hpp"

namespace kitap::kiosk {

// How many past loans the lookup shows: what fits beside the rest at 1280x800.
inline constexpr int lookup_history_lines = 6;

// The librarian's "what is this?" is core's (core::LookupService), shown by the librarian screen.
using core::CopyFacts;
using core::LookupResult;
using core::ReaderFacts;
using core::TitleFacts;

}  // namespace kitap::kiosk
