#include "kiosk/answers/textbook_reports.hpp"

#include "core/text/control_chars.hpp"
#include "kiosk/answers/tables.hpp"
#include "kiosk/app/outcome_text.hpp"

#include <sstream>

namespace kitap::answers {
namespace {

using nlohmann::json;

CsvRow provision_line_row(const core::ProvisionLine& line) {
    return {line.class_name,
            line.language,
            line.isbn,
            line.title,
            line.subject,
            std::to_string(line.pupils),
            std::to_string(line.needed),
            std::to_string(line.issued),
            format_number(line.provision_pct, 1),
            std::to_string(line.free_stock)};
}

std::string grade_total(const app::Translator& tr, int grade) {
    return tr("textbooks.provision.grade_total", {{"grade", std::to_string(grade)}});
}

json clearance_items(const core::Clearance& clearance) {
    json items = json::array();
    for (const auto& loan : clearance.loans)
        items.push_back({{"type", "loan"},
                         {"code", loan.code},
                         {"title", loan.title},
                         {"quantity", loan.quantity},
                         {"due", core::iso_date(loan.due)}});
    for (const auto& owed : clearance.compensations)
        items.push_back({{"type", "compensation"},
                         {"id", owed.id},
                         {"code", owed.code},
                         {"title", owed.title},
                         {"quantity", owed.quantity},
                         {"condition", to_string(owed.condition)},
                         {"amount", static_cast<double>(owed.amount_tiyn) / 100.0}});
    return items;
}

}  // namespace

json provision_json(const core::ProvisionReport& report) {
    json doc{{"school_year", report.school_year}, {"lines", json::array()}, {"grades", json::array()}};
    for (const auto& line : report.lines)
        doc["lines"].push_back({{"class", line.class_name},
                                {"grade", line.grade},
                                {"language", line.language},
                                {"isbn", line.isbn},
                                {"title", line.title},
                                {"subject", line.subject},
                                {"pupils", line.pupils},
                                {"needed", line.needed},
                                {"issued", line.issued},
                                {"provision_pct", line.provision_pct},
                                {"free_stock", line.free_stock}});
    for (const auto& grade : report.grades)
        doc["grades"].push_back({{"grade", grade.grade},
                                 {"pupils", grade.pupils},
                                 {"needed", grade.needed},
                                 {"issued", grade.issued},
                                 {"provision_pct", grade.provision_pct}});
    return doc;
}

std::string provision_csv(const core::ProvisionReport& report, const app::Translator& tr) {
    std::vector<CsvRow> rows;
    for (const auto& line : report.lines) rows.push_back(provision_line_row(line));
    for (const auto& grade : report.grades)
        rows.push_back({grade_total(tr, grade.grade), "", "", "", "", std::to_string(grade.pupils),
                        std::to_string(grade.needed), std::to_string(grade.issued),
                        format_number(grade.provision_pct, 1), ""});
    std::ostringstream out;
    write_csv(
        out,
        {"class", "language", "isbn", "title", "subject", "pupils", "needed", "issued", "provision_pct", "free_stock"},
        rows);
    return out.str();
}

std::string provision_text(const core::ProvisionReport& report, const app::Translator& tr) {
    std::ostringstream out;
    for (const auto& line : report.lines)
        out << line.class_name << "  " << core::printable(line.title) << "  " << line.issued << "/" << line.needed
            << "  " << format_number(line.provision_pct, 1) << "%  " << tr("textbooks.provision.free") << ' '
            << line.free_stock << '\n';
    for (const auto& grade : report.grades)
        out << grade_total(tr, grade.grade) << "  " << grade.issued << "/" << grade.needed << "  "
            << format_number(grade.provision_pct, 1) << "%\n";
    return out.str();
}

json debtors_json(const std::vector<core::ClassDebtors>& classes) {
    json doc = json::array();
    for (const auto& group : classes) {
        json debtors = json::array();
        for (const auto& debtor : group.debtors) {
            json items = json::array();
            for (const auto& item : debtor.items)
                items.push_back({{"code", item.code},
                                 {"title", item.title},
                                 {"kind", item.kind},
                                 {"quantity", item.quantity},
                                 {"due", core::iso_date(item.due)}});
            debtors.push_back({{"card", debtor.card}, {"name", debtor.name}, {"items", items}});
        }
        doc.push_back({{"class", group.class_name.empty() ? json() : json(group.class_name)}, {"debtors", debtors}});
    }
    return doc;
}

std::string debtors_csv(const std::vector<core::ClassDebtors>& classes) {
    std::vector<CsvRow> rows;
    for (const auto& group : classes)
        for (const auto& debtor : group.debtors)
            for (const auto& item : debtor.items)
                rows.push_back({group.class_name, debtor.card, debtor.name, item.code, item.title, item.kind,
                                std::to_string(item.quantity), core::iso_date(item.due)});
    std::ostringstream out;
    write_csv(out, {"class", "card", "name", "code", "title", "kind", "quantity", "due"}, rows);
    return out.str();
}

std::string debtors_text(const std::vector<core::ClassDebtors>& classes, const app::Translator& tr) {
    std::ostringstream out;
    for (const auto& group : classes) {
        out << tr("textbooks.debtors.class", {{"class", group.class_name}}) << '\n';
        for (const auto& debtor : group.debtors) {
            out << "  " << core::printable(debtor.name) << " (" << core::printable(debtor.card) << ")\n";
            for (const auto& item : debtor.items)
                out << "    " << core::printable(item.code) << "  " << core::printable(item.title) << " ×"
                    << item.quantity << "  " << app::display_date(item.due, tr.language()) << '\n';
        }
    }
    return out.str();
}

json clearance_json(const core::Clearance& clearance) {
    return {{"card", clearance.reader.card},
            {"name", clearance.reader.name},
            {"class", clearance.reader.class_name},
            {"clear", clearance.clear()},
            {"items", clearance_items(clearance)}};
}

std::string clearance_text(const core::Clearance& clearance, const app::Translator& tr) {
    std::ostringstream out;
    out << tr(clearance.clear() ? "textbooks.clearance.clear" : "textbooks.clearance.owes",
              {{"name", clearance.reader.name}, {"card", clearance.reader.card}})
        << '\n';
    for (const auto& item : clearance_items(clearance))
        out << "  " << core::printable(item["code"].get<std::string>()) << "  "
            << core::printable(item["title"].get<std::string>()) << " ×" << item["quantity"].get<int>() << '\n';
    return out.str();
}

}  // namespace kitap::answers
