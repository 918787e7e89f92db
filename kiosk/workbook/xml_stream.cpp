#include "kiosk/workbook/xml_stream.hpp"

#include "kiosk/workbook/workbook_failure.hpp"

#include <expat.h>

#include <exception>
#include <memory>

namespace kitap::workbook {
namespace {

// "urn:...|local" -> "local" (the parser is created with '|' as namespace separator).
std::string_view local_name(const char* name) {
    const std::string_view full(name);
    const auto bar = full.rfind('|');
    return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

struct Parse {
    XML_Parser parser;
    XmlHandler& handler;
    std::exception_ptr failure;
};

// Exceptions never cross expat's C frames: the first one stops the parser and is
// rethrown once XML_Parse returns.
template <typename Call>
void guarded(void* data, Call call) {
    auto& parse = *static_cast<Parse*>(data);
    if (parse.failure) return;
    try {
        call(parse.handler);
    } catch (...) {
        parse.failure = std::current_exception();
        XML_StopParser(parse.parser, XML_FALSE);
    }
}

void on_start(void* data, const char* name, const char** attributes) {
    guarded(data, [&](XmlHandler& handler) { handler.start(local_name(name), attributes); });
}

void on_end(void* data, const char* name) {
    guarded(data, [&](XmlHandler& handler) { handler.end(local_name(name)); });
}

void on_text(void* data, const char* text, int length) {
    guarded(data, [&](XmlHandler& handler) { handler.text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void on_doctype(void* data, const char*, const char*, const char*, int) {
    guarded(data, [](XmlHandler&) { refuse_broken("a document type declaration"); });
}

struct ParserFree {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

}  // namespace

const char* attribute(const char** attributes, std::string_view name) {
    for (auto at = attributes; at[0]; at += 2)
        if (local_name(at[0]) == name) return at[1];
    return nullptr;
}

void parse_xml(ZipArchive& archive, const std::string& entry, XmlHandler& handler) {
    const std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser(XML_ParserCreateNS("UTF-8", '|'));
    if (!parser) throw std::bad_alloc();
    Parse parse{parser.get(), handler, nullptr};
    XML_SetUserData(parser.get(), &parse);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    const auto feed = [&](std::string_view chunk, bool last) {
        const auto status = XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), last);
        if (parse.failure) std::rethrow_exception(parse.failure);
        if (status != XML_STATUS_OK)
            refuse_broken(entry + ":" + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                          XML_ErrorString(XML_GetErrorCode(parser.get())));
    };
    archive.read(entry, [&](std::string_view chunk) { feed(chunk, false); });
    feed({}, true);
}

}  // namespace kitap::workbook
