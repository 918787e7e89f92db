#include "kiosk/cli/report_output.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace kitap::cli {
namespace {

std::string csv_field(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void write_csv_row(std::ostream& out, const CsvRow& row) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
    out << "\r\n";
}

}  // namespace

void write_csv(std::ostream& out, const CsvRow& header, const std::vector<CsvRow>& rows) {
    write_csv_row(out, header);
    for (const auto& row : rows) write_csv_row(out, row);
}

bool write_report(const std::optional<std::string>& out_file, const std::string& text) {
    if (!out_file) {
        std::cout << text;
        return true;
    }
    // Written beside the target and renamed, so a reader of the file never sees half a report.
    const std::string partial = *out_file + ".partial";
    {
        std::ofstream file(partial, std::ios::binary);
        file << text;
        if (!file.flush()) {
            std::cerr << *out_file << ": cannot write the report\n";
            return false;
        }
    }
    if (std::rename(partial.c_str(), out_file->c_str()) != 0) {
        std::cerr << *out_file << ": cannot write the report\n";
        return false;
    }
    return true;
}

std::string format_number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace kitap::cli
