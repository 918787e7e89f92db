#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/answer_context.hpp"

#include <tl/expected.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Labels and cards to print, as PDF: `kitap labels copies|readers|commands` and
// GET /api/labels/{kind}.
namespace kitap::answers {

enum class LabelsKind { copies, readers, commands };

// "copies", "readers", "commands".
std::optional<LabelsKind> labels_kind_from(std::string_view word);

// The command's options (the route's query parameters new, title, copy, from, to,
// symbology, layout, class, card, all). Unchecked: labels_answer checks them.
struct LabelsRequest {
    LabelsKind kind = LabelsKind::commands;
    // copies: exactly one of new_count (with isbn: new copies of that title), codes, from..to.
    std::optional<int> new_count;
    std::optional<std::string> isbn;
    std::vector<std::string> codes;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::string symbology = "code128";  // code128 or codabar
    std::optional<std::string> layout;  // else the configured [labels] layout
    // readers: exactly one of class_name, cards, all.
    std::optional<std::string> class_name;
    std::vector<std::string> cards;
    bool all = false;
};

struct Labels {
    Document pdf;
    // Said when new inventory numbers were handed out ("12 new inventory numbers: ...").
    std::optional<std::string> allocated;
};

// Copy labels for new numbers allocate them (and make the title's copies) in one
// transaction before printing: the only labels request that changes the library.
// Problems: bad_request "choose_copies", "choose_readers", "unknown_layout",
// "unknown_symbology", "bad_count", "unknown_title", "unknown_copies", "empty_range",
// "bad_class", "unknown_cards", "no_readers", "cannot_print"; refused "numbers_exhausted".
tl::expected<Labels, Problem> labels_answer(const AnswerContext& context, const LabelsRequest& request);

}  // namespace kitap::answers
