#pragma once

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <string>
#include <variant>

namespace kitap::answers {

// What the command line prints and the web console serves for one request, built
// once here so `kitap reader 123 --json` and `GET /api/readers/123` cannot drift:
// the CLI writes an answer to standard output or --out, the web server to a response.

// A file to hand over: a PDF, an XLSX workbook, a CSV table.
struct Document {
    std::string bytes;
    std::string content_type;  // "application/pdf", "text/csv; charset=utf-8", ...
    std::string filename;      // offered as the download's name
};

using Answer = std::variant<nlohmann::json, Document>;

// Why a request got no answer. The kind says how each front end reports it: the CLI
// by its exit code, the web server by its status.
enum class ProblemKind {
    bad_request,  // an option or parameter is malformed or missing   (exit 2, HTTP 400)
    not_found,    // no such reader, item, class, title ...            (exit 2, HTTP 404)
    refused,      // a rule says no: the year is not closed, ...        (exit 1, HTTP 409)
    bad_rows,     // an import file with bad lines; `rows` lists them   (exit 2, HTTP 422)
    fault,        // storage broke (core::Fault): locked, disk_full ... (exit 3, HTTP 503)
};

struct Problem {
    ProblemKind kind;
    std::string code;          // stable, for scripts: "unknown_reader", "bad_option", "locked", ...
    std::string message;       // for people, in the request's language, saying what and where
    nlohmann::json details{};  // extra keys merged into the web's error object (e.g. "rows")
};

using AnswerOr = tl::expected<Answer, Problem>;

}  // namespace kitap::answers
