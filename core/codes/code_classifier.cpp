#include "core/codes/code_classifier.hpp"

#include "core/codes/check_digits.hpp"
#include "core/text/enum_names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kitap::core {
namespace {

constexpr auto command_names = enum_names<Command>({
    {Command::done, "DONE"},
    {Command::mode_self, "MODE-SELF"},
    {Command::mode_desk, "MODE-DESK"},
    {Command::mode_return, "MODE-RETURN"},
    {Command::mode_stocktake, "MODE-STOCKTAKE"},
    {Command::good, "GOOD"},
    {Command::worn, "WORN"},
    {Command::damaged, "DAMAGED"},
    {Command::lost, "LOST"},
    {Command::renew, "RENEW"},
});

bool is_noise(unsigned char c) { return c <= ' ' || c == 0x7f; }

std::string_view trim_noise(std::string_view text) {
    while (!text.empty() && is_noise(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && is_noise(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string without_leading_zeros(std::string_view code) {
    const auto first = code.find_first_not_of('0');
    return first == std::string_view::npos ? std::string("0") : std::string(code.substr(first));
}

// Looks the code up as a reader card, then a copy barcode, then a catalogued ISBN.
bool find_in_library(const std::string& code, LibraryStore& store, ClassifiedCode& result) {
    if (auto reader = store.reader_by_card(code)) {
        result.kind = CodeKind::reader;
        result.reader = std::move(reader);
    } else if (auto copy = store.copy_by_barcode(code)) {
        result.kind = CodeKind::copy;
        result.copy = std::move(copy);
    } else if (auto isbn = normalize_isbn(code); isbn && (result.title = store.title_by_isbn(*isbn))) {
        result.kind = CodeKind::title;
        result.isbn = isbn;
    } else {
        return false;
    }
    result.code = code;
    return true;
}

}  // namespace

constexpr auto code_kind_names = enum_names<CodeKind>({
    {CodeKind::reader, "reader"},
    {CodeKind::copy, "copy"},
    {CodeKind::title, "title"},
    {CodeKind::command, "command"},
    {CodeKind::unknown, "unknown"},
});

std::string_view to_string(CodeKind kind) { return code_kind_names.name_of(kind); }

std::optional<CodeKind> code_kind_from(std::string_view name) { return code_kind_names.value_of(name); }

std::string_view to_string(Command command) { return command_names.name_of(command); }

std::optional<Command> command_from(std::string_view name) { return command_names.value_of(name); }

std::string clean_scanned_text(std::string_view raw, const CodeRules& rules) {
    std::string_view text = trim_noise(raw);
    for (const auto& prefix : rules.strip_prefixes)
        if (!prefix.empty() && text.starts_with(prefix)) text.remove_prefix(prefix.size());
    for (const auto& suffix : rules.strip_suffixes)
        if (!suffix.empty() && text.ends_with(suffix)) text.remove_suffix(suffix.size());
    return std::string(trim_noise(text));
}

std::optional<Command> parse_command(std::string_view code, const CodeRules& rules) {
    if (rules.command_prefix.empty() || !code.starts_with(rules.command_prefix)) return std::nullopt;
    code.remove_prefix(rules.command_prefix.size());
    return command_from(code);
}

std::string command_code(Command command, const CodeRules& rules) {
    return rules.command_prefix + std::string(to_string(command));
}

ClassifiedCode classify_code(std::string_view raw, const CodeRules& rules, LibraryStore& store) {
    ClassifiedCode result;
    result.code = clean_scanned_text(raw, rules);
    if (result.code.empty()) return result;
    if (find_in_library(result.code, store, result)) return result;
    if (rules.strip_leading_zeros && result.code.starts_with('0') &&
        find_in_library(without_leading_zeros(result.code), store, result))
        return result;
    if ((result.command = parse_command(result.code, rules))) {
        result.kind = CodeKind::command;
    } else if (is_isbn13(result.code)) {
        result.kind = CodeKind::title;
        result.isbn = result.code;
    }
    return result;
}

}  // namespace kitap::core
