#include "kiosk/cli/report_output.hpp"

#include "kiosk/print/pending_file.hpp"

#include <iostream>

namespace kitap::cli {

bool write_report(const app::Translator& tr, const std::optional<std::string>& out_file, const std::string& text) {
    if (!out_file) {
        std::cout << text;
        return true;
    }
    const auto written = printing::write_document_file(*out_file, text);
    if (!written) std::cerr << tr(written.error().key, written.error().args) << '\n';
    return written.has_value();
}

std::string local_time_text(core::Timestamp at) {
    const std::string iso = core::local_iso_timestamp(at);
    return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

std::string word_in(const app::Translator& tr, const std::string& prefix, const std::string& word) {
    if (word.empty()) return word;
    const std::string key = prefix + word;
    std::string text = tr(key);
    return text == key ? word : text;
}

}  // namespace kitap::cli
