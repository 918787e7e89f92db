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

}  // namespace kitap::cli
