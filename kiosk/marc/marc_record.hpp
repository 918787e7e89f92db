#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kitap::marc {

struct MarcSubfield {
    char code = 'a';
    std::string value;  // UTF-8

    bool operator==(const MarcSubfield&) const = default;
};

// A control field (tag 001-009) has `data`; a data field indicators and subfields.
struct MarcField {
    std::string tag;
    std::string indicators = "  ";
    std::string data;
    std::vector<MarcSubfield> subfields;

    // The value of the first subfield `code`; empty when there is none.
    std::string first(char code) const;
    std::vector<std::string> all(char code) const;

    bool operator==(const MarcField&) const = default;
};

// One bibliographic record as yaz read it, its text in UTF-8.
struct MarcRecord {
    std::string leader;
    std::vector<MarcField> fields;

    bool has(std::string_view tag) const;
    std::vector<const MarcField*> all(std::string_view tag) const;
    // The first subfield `code` of the first field `tag` that has one; empty when none has.
    std::string first(std::string_view tag, char code) const;
    // A control field's data; empty when the record has no such field.
    std::string control(std::string_view tag) const;

    bool operator==(const MarcRecord&) const = default;
};

}  // namespace kitap::marc
