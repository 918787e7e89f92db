#include "kiosk/answers/label_answers.hpp"

#include "core/codes/code_classifier.hpp"
#include "kiosk/answers/documents.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/print/command_sheet.hpp"
#include "kiosk/print/copy_labels.hpp"
#include "kiosk/print/reader_cards.hpp"

namespace kitap::answers {
namespace {

namespace fs = std::filesystem;

template <typename T>
using ProblemOr = tl::expected<T, Problem>;

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

tl::unexpected<Problem> refused_with(const AnswerContext& context, ProblemKind kind, const std::string& code,
                                     const std::string& key, const app::MessageArgs& args = {}) {
    return tl::unexpected(Problem{kind, code, context.tr(key, args)});
}

tl::unexpected<Problem> bad(const AnswerContext& context, const std::string& code, const std::string& key,
                            const app::MessageArgs& args = {}) {
    return refused_with(context, ProblemKind::bad_request, code, key, args);
}

// ---- Copy labels -----------------------------------------------------------

// The named layout, else the configured one with the configured margins of its stock.
ProblemOr<printing::SheetLayout> chosen_layout(const AnswerContext& context, const std::optional<std::string>& name) {
    const auto& settings = context.config.labels;
    const auto wanted = name.value_or(settings.layout);
    auto layout = printing::label_layout(wanted);
    if (!layout)
        return bad(context, "unknown_layout", "print.error.unknown_layout",
                   {{"layout", wanted}, {"layouts", joined(printing::label_layout_names())}});
    if (wanted != settings.layout) return *layout;
    return printing::with_margins(*layout, {settings.margin_top_mm, settings.margin_left_mm});
}

bool one_source_of_copies(const LabelsRequest& request) {
    const int sources =
        (request.new_count ? 1 : 0) + (request.codes.empty() ? 0 : 1) + (request.from || request.to ? 1 : 0);
    return sources == 1 && request.from.has_value() == request.to.has_value() && (!request.isbn || request.new_count);
}

std::vector<printing::CopyLabel> copy_labels(const std::vector<core::CopyLabelRecord>& records) {
    std::vector<printing::CopyLabel> labels;
    for (const auto& record : records) labels.push_back({record.code, record.title});
    return labels;
}

struct CopyLabels {
    std::vector<printing::CopyLabel> labels;
    std::optional<std::string> allocated;
};

ProblemOr<CopyLabels> new_copy_labels(const AnswerContext& context, const LabelsRequest& request) {
    const auto outcome = stored(context.library.fund().allocate_inventory_numbers(
        {.count = *request.new_count, .isbn = request.isbn, .now = context.now}));
    if (outcome.refusal)
        return refused_with(context,
                            *outcome.refusal == core::InventoryRefusal::numbers_exhausted ? ProblemKind::refused
                                                                                          : ProblemKind::bad_request,
                            std::string(to_string(*outcome.refusal)),
                            "print.labels." + std::string(to_string(*outcome.refusal)),
                            {{"count", std::to_string(*request.new_count)},
                             {"max", std::to_string(core::max_inventory_request)},
                             {"isbn", request.isbn.value_or("")}});
    CopyLabels made{.allocated =
                        context.tr(outcome.title.empty() ? "print.labels.allocated" : "print.labels.copies_added",
                                   {{"count", std::to_string(outcome.numbers.size())},
                                    {"first", outcome.numbers.front()},
                                    {"last", outcome.numbers.back()},
                                    {"title", outcome.title}})};
    for (const auto& number : outcome.numbers) made.labels.push_back({number, outcome.title});
    return made;
}

ProblemOr<CopyLabels> stored_copy_labels(const AnswerContext& context, const LabelsRequest& request) {
    if (!request.codes.empty()) {
        const auto lookup = stored(context.library.fund().copy_labels_by_code(request.codes));
        if (!lookup.unknown.empty())
            return bad(context, "unknown_copies", "print.labels.unknown_copies", {{"codes", joined(lookup.unknown)}});
        return CopyLabels{copy_labels(lookup.found)};
    }
    const auto in_range = stored(context.library.fund().copy_labels_in_range(*request.from, *request.to));
    if (in_range.empty())
        return bad(context, "empty_range", "print.labels.empty_range", {{"from", *request.from}, {"to", *request.to}});
    return CopyLabels{copy_labels(in_range)};
}

std::string library_name(const AnswerContext& context) {
    const auto& configured = context.config.labels.library_name;
    return configured.empty() ? context.config.school.name : configured;
}

ProblemOr<Labels> copies_answer(const AnswerContext& context, const LabelsRequest& request) {
    if (!one_source_of_copies(request)) return bad(context, "choose_copies", "print.labels.choose_copies");
    const auto layout = chosen_layout(context, request.layout);
    if (!layout) return tl::unexpected(layout.error());
    const auto symbology = printing::symbology_from(request.symbology);
    if (!symbology)
        return bad(context, "unknown_symbology", "print.error.unknown_symbology", {{"symbology", request.symbology}});
    const auto copies = request.new_count ? new_copy_labels(context, request) : stored_copy_labels(context, request);
    if (!copies) return tl::unexpected(copies.error());
    const printing::CopyLabelOptions options{.layout = *layout,
                                             .symbology = *symbology,
                                             .library_name = library_name(context),
                                             .document_title = context.tr("print.labels.document")};
    auto pdf = written_document(
        [&](const fs::path& path) { return printing::write_copy_labels(path, copies->labels, options); }, context.tr,
        pdf_type, "copy-labels.pdf");
    if (!pdf) return tl::unexpected(pdf.error());
    return Labels{std::move(*pdf), copies->allocated};
}

// ---- Reader cards ----------------------------------------------------------

ProblemOr<std::vector<core::ReaderCardRecord>> chosen_readers(const AnswerContext& context,
                                                              const LabelsRequest& request) {
    const int choices = (request.class_name ? 1 : 0) + (request.cards.empty() ? 0 : 1) + (request.all ? 1 : 0);
    if (choices != 1) return bad(context, "choose_readers", "print.cards.choose_readers");
    if (request.all) return stored(context.library.circulation().all_reader_cards());
    if (!request.cards.empty()) {
        const auto lookup = stored(context.library.circulation().reader_cards_by_card(request.cards));
        if (!lookup.unknown.empty())
            return bad(context, "unknown_cards", "print.cards.unknown_cards", {{"cards", joined(lookup.unknown)}});
        return lookup.found;
    }
    const auto parsed = core::parse_class_name(*request.class_name);
    if (!parsed.name) return bad(context, "bad_class", "print.error.bad_class", {{"class", *request.class_name}});
    const auto school_year = stored(context.library.year().current(context.today()));
    return stored(context.library.circulation().reader_cards_of_class(*parsed.name, school_year));
}

printing::ReaderCard reader_card(const core::ReaderCardRecord& reader, const app::Translator& tr) {
    const bool pupil = reader.category == "pupil" && !reader.class_name.empty();
    return {
        reader.card, reader.name,
        pupil ? tr("print.card.class", {{"class", reader.class_name}}) : tr("print.card.category." + reader.category)};
}

ProblemOr<Labels> readers_answer(const AnswerContext& context, const LabelsRequest& request) {
    const auto readers = chosen_readers(context, request);
    if (!readers) return tl::unexpected(readers.error());
    if (readers->empty()) return bad(context, "no_readers", "print.cards.none");
    const auto& tr = context.tr;
    std::vector<printing::ReaderCard> cards;
    for (const auto& reader : *readers) cards.push_back(reader_card(reader, tr));
    const auto school_year = stored(context.library.year().current(context.today()));
    const printing::ReaderCardOptions options{.school = context.config.school.name,
                                              .heading = tr("print.card.heading"),
                                              .year_line = tr("print.card.year", {{"year", school_year}}),
                                              .document_title = tr("print.cards.document")};
    auto pdf =
        written_document([&](const fs::path& path) { return printing::write_reader_cards(path, cards, options); }, tr,
                         pdf_type, "reader-cards.pdf");
    if (!pdf) return tl::unexpected(pdf.error());
    return Labels{std::move(*pdf)};
}

// ---- Command sheet ---------------------------------------------------------

constexpr std::pair<core::Command, const char*> station_commands[] = {
    {core::Command::done, "done"},
    {core::Command::mode_self, "mode_self"},
    {core::Command::mode_desk, "mode_desk"},
    {core::Command::mode_return, "mode_return"},
    {core::Command::mode_stocktake, "mode_stocktake"},
    {core::Command::good, "good"},
    {core::Command::worn, "worn"},
    {core::Command::damaged, "damaged"},
    {core::Command::lost, "lost"},
    {core::Command::renew, "renew"},
};

// The sheet is for every station whatever the librarian's language: Kazakh and Russian both.
struct BothLanguages {
    app::Translator kazakh{app::Language::kk};
    app::Translator russian{app::Language::ru};

    std::string both(const std::string& key) const { return kazakh(key) + " / " + russian(key); }
};

std::vector<printing::CommandLabel> command_labels(const core::CodeRules& rules, const BothLanguages& languages) {
    std::vector<printing::CommandLabel> commands;
    for (const auto& [command, name] : station_commands) {
        const std::string key = "print.command." + std::string(name);
        commands.push_back({core::command_code(command, rules), languages.kazakh(key), languages.russian(key)});
    }
    return commands;
}

ProblemOr<Labels> commands_answer(const AnswerContext& context) {
    const BothLanguages languages;
    const auto commands = command_labels(context.config.rules.codes, languages);
    const printing::CommandSheetOptions options{.heading = languages.both("print.commands.heading"),
                                                .school = context.config.school.name,
                                                .document_title = context.tr("print.commands.document")};
    auto pdf =
        written_document([&](const fs::path& path) { return printing::write_command_sheet(path, commands, options); },
                         context.tr, pdf_type, "station-commands.pdf");
    if (!pdf) return tl::unexpected(pdf.error());
    return Labels{std::move(*pdf)};
}

}  // namespace

std::optional<LabelsKind> labels_kind_from(std::string_view word) {
    if (word == "copies") return LabelsKind::copies;
    if (word == "readers") return LabelsKind::readers;
    if (word == "commands") return LabelsKind::commands;
    return std::nullopt;
}

tl::expected<Labels, Problem> labels_answer(const AnswerContext& context, const LabelsRequest& request) {
    return answering([&]() -> tl::expected<Labels, Problem> {
        switch (request.kind) {
            case LabelsKind::copies:
                return copies_answer(context, request);
            case LabelsKind::readers:
                return readers_answer(context, request);
            case LabelsKind::commands:
                return commands_answer(context);
        }
        return commands_answer(context);
    });
}

}  // namespace kitap::answers
