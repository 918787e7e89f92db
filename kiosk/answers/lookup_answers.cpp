#include "kiosk/answers/lookup_answers.hpp"

#include "core/text/utf8.hpp"
#include "kiosk/answers/problem.hpp"

namespace kitap::answers {
namespace {

using nlohmann::json;

// `kitap reader` and `kitap item` show no past loans.
constexpr int no_history = 0;

json nullable(const std::optional<std::string>& value) { return value ? json(*value) : json(); }
json nullable(const std::string& value) { return value.empty() ? json() : json(value); }

json reader_summary_json(const core::ReaderRecord& reader) {
    return {{"card", reader.card},
            {"name", reader.name},
            {"category", to_string(reader.category)},
            {"class", nullable(reader.class_name)},
            {"status", reader.active ? "active" : "left"}};
}

json reader_json(const core::ReaderFacts& facts) {
    json out = reader_summary_json(facts.reader);
    out["card_blocked"] = facts.reader.card_blocked;
    out["loans"] = json::array();
    for (const auto& loan : facts.held)
        out["loans"].push_back({{"code", loan.code},
                                {"title", loan.title},
                                {"quantity", loan.quantity},
                                {"due", core::iso_date(loan.due)}});
    return out;
}

json history_json(const std::vector<core::HistoryLine>& lines) {
    json out = json::array();
    for (const auto& line : lines)
        out.push_back({{"code", line.code},
                       {"title", line.title},
                       {"loaned", core::iso_date(line.loaned)},
                       {"returned", line.returned ? json(core::iso_date(*line.returned)) : json()}});
    return out;
}

json copy_json(const core::CopyFacts& facts) {
    const auto& copy = facts.copy;
    return {{"code", copy.barcode},
            {"kind", "copy"},
            {"title", copy.title.title},
            {"isbn", nullable(copy.title.isbn)},
            {"status", to_string(facts.whereabouts)},
            {"holder", nullable(facts.holder_card)}};
}

json title_json(const core::TitleFacts& facts) {
    const auto& title = facts.title;
    return {{"isbn", *title.isbn},  {"kind", "title"},          {"title", title.title},       {"stock", title.stock},
            {"free", facts.free()}, {"on_loan", facts.on_loan}, {"copies", title.item_copies}};
}

int quantity_held(const std::vector<core::HeldItem>& held) {
    int books = 0;
    for (const auto& item : held) books += item.quantity;
    return books;
}

json pupil_json(const AnswerContext& context, const core::PupilSetProgress& pupil, const std::string& class_name) {
    json missing = json::array();
    for (const auto& line : pupil.missing)
        missing.push_back({{"isbn", line.isbn}, {"title", line.title}, {"missing", line.missing()}});
    return {{"card", pupil.card},
            {"name", pupil.name},
            {"class", class_name},
            {"holds", quantity_held(stored(context.library.circulation().held_items(pupil.card)))},
            {"set_needed", pupil.needed},
            {"set_held", pupil.held},
            {"complete", pupil.complete()},
            {"missing", missing}};
}

json catalog_entry_json(const core::CatalogEntry& entry) {
    // "author" is what the console's pages read; "authors" is the CLI's contract (issue 15).
    return {{"title", entry.title},         {"authors", entry.authors},      {"author", entry.authors},
            {"isbn", nullable(entry.isbn)}, {"kind", to_string(entry.kind)}, {"shelf", entry.shelves},
            {"available", entry.available}, {"total", entry.total},          {"title_id", entry.title_id}};
}

}  // namespace

AnswerOr stats_answer(const AnswerContext& context) {
    return answering([&]() -> AnswerOr {
        const auto stats = stored(context.library.reports().stats(context.today()));
        return json{{"readers", stats.readers},       {"titles", stats.titles},
                    {"copies", stats.copies},         {"title_stock", stats.title_stock},
                    {"open_loans", stats.open_loans}, {"overdue_loans", stats.overdue_loans}};
    });
}

AnswerOr reader_answer(const AnswerContext& context, const std::string& card, int history) {
    return answering([&]() -> AnswerOr {
        const auto reader = stored(context.library.lookup().reader(card, history));
        if (!reader)
            return tl::unexpected(not_found("unknown_reader", context.tr("cli.reader.unknown", {{"card", card}})));
        auto out = reader_json(*reader);
        if (history > 0) out["history"] = history_json(reader->history);
        return out;
    });
}

AnswerOr reader_search_answer(const AnswerContext& context, const std::string& text,
                              const std::optional<std::vector<std::string>>& classes) {
    return answering([&]() -> AnswerOr {
        const auto wanted = core::trim(text);
        if (wanted.empty() || wanted.size() > core::max_reader_query || !core::is_valid_utf8(wanted))
            return tl::unexpected(bad_request(
                "bad_query",
                context.tr("answers.readers.bad_query", {{"max", std::to_string(core::max_reader_query)}})));
        json readers = json::array();
        for (const auto& reader : stored(context.library.lookup().readers(wanted, classes, reader_search_limit)))
            readers.push_back(reader_summary_json(reader));
        return readers;
    });
}

AnswerOr item_answer(const AnswerContext& context, const std::string& code) {
    return answering([&]() -> AnswerOr {
        const auto item = stored(context.library.lookup().item(code, no_history));
        if (item.copy) return copy_json(*item.copy);
        if (item.title) return title_json(*item.title);
        return tl::unexpected(not_found("unknown_item", context.tr("cli.item.unknown", {{"code", code}})));
    });
}

AnswerOr class_readers_answer(const AnswerContext& context, const std::string& class_name) {
    return answering([&]() -> AnswerOr {
        const auto parsed = core::parse_class_name(class_name);
        if (!parsed.name)
            return tl::unexpected(
                bad_request("bad_class", context.tr("print.error.bad_class", {{"class", class_name}})));
        const auto name = parsed.name->text();
        const auto progress = stored(context.library.textbooks().class_progress(name, context.today()));
        if (!progress)
            return tl::unexpected(not_found("unknown_class", context.tr("answers.unknown_class", {{"class", name}})));
        json pupils = json::array();
        for (const auto& pupil : progress->pupils) pupils.push_back(pupil_json(context, pupil, name));
        return json{{"class", name},
                    {"set_needed", progress->needed},
                    {"set_held", progress->held},
                    {"complete_sets", progress->complete_sets},
                    {"pupils", pupils}};
    });
}

AnswerOr catalog_search_answer(const AnswerContext& context, const std::string& text) {
    return answering([&]() -> AnswerOr {
        const auto wanted = core::trim(text);
        if (wanted.empty() || wanted.size() > core::max_catalog_query || !core::is_valid_utf8(wanted))
            return tl::unexpected(bad_request(
                "bad_query", context.tr("answers.bad_query", {{"max", std::to_string(core::max_catalog_query)}})));
        json titles = json::array();
        for (const auto& entry : stored(context.library.lookup().catalog(wanted, catalog_search_limit)))
            titles.push_back(catalog_entry_json(entry));
        return json{{"query", wanted}, {"titles", titles}};
    });
}

AnswerOr title_copies_answer(const AnswerContext& context, const std::string& isbn) {
    return answering([&]() -> AnswerOr {
        const auto copies = stored(context.library.lookup().title_copies(isbn));
        if (!copies)
            return tl::unexpected(not_found("unknown_title", context.tr("answers.unknown_title", {{"isbn", isbn}})));
        json out = json::array();
        for (const auto& copy : *copies)
            out.push_back({{"code", copy.code},
                           {"status", to_string(core::whereabouts_of(copy.status, copy.holder_card.has_value()))},
                           {"shelf", nullable(copy.shelf)},
                           {"holder", nullable(copy.holder_card)},
                           {"holder_name", nullable(copy.holder_name)},
                           {"due", copy.due ? json(core::iso_date(*copy.due)) : json()}});
        return out;
    });
}

}  // namespace kitap::answers
