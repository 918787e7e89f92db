#pragma once

#include "core/circulation/library_store.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

enum class CodeKind { reader, copy, title, command, unknown };
std::string_view to_string(CodeKind kind);
std::optional<CodeKind> code_kind_from(std::string_view name);

// What the command barcodes printed for the stations mean. `renew`: the next item
// scanned is renewed rather than lent or returned.
enum class Command { done, mode_self, mode_desk, mode_return, mode_stocktake, good, worn, damaged, lost, renew };
std::string_view to_string(Command command);  // "DONE", "MODE-SELF" ...: the code without its prefix
std::optional<Command> command_from(std::string_view name);

struct ClassifiedCode {
    CodeKind kind = CodeKind::unknown;
    std::string code;  // the text after the configured clean-up
    std::optional<ReaderRecord> reader;
    std::optional<CopyRecord> copy;
    std::optional<TitleRecord> title;  // a catalogued title scanned by ISBN
    std::optional<std::string> isbn;   // an ISBN, catalogued or not
    std::optional<Command> command;
};

// Strips whitespace, control characters and the configured scanner prefixes and suffixes.
std::string clean_scanned_text(std::string_view raw, const CodeRules& rules);

// "KITAP-DONE" -> Command::done, with the configured prefix.
std::optional<Command> parse_command(std::string_view code, const CodeRules& rules);
std::string command_code(Command command, const CodeRules& rules);

// A known reader card, copy barcode or catalogued ISBN is that; otherwise a command
// barcode, then an EAN-13 978/979 with a valid check digit is an (uncatalogued) ISBN;
// anything else is unknown.
ClassifiedCode classify_code(std::string_view raw, const CodeRules& rules, LibraryStore& store);

}  // namespace kitap::core
