#include "core/reports/register_report.hpp"

#include "core/db/statement.hpp"
#include "core/fund/title_price.hpp"
#include "core/year/year_close.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

// Receipts, write-offs and losses on return in a period, for one part of the fund.
struct Movements {
    FundMovement received;
    std::map<WriteoffReason, FundMovement> written_off;
    FundMovement lost_on_return;

    long long out_copies() const {
        long long copies = lost_on_return.copies;
        for (const auto& [reason, movement] : written_off) copies += movement.copies;
        return copies;
    }
};

struct ByPart {
    Movements textbooks;
    Movements other;
    Movements& part(bool textbook) { return textbook ? textbooks : other; }
};

void add(FundMovement& into, const FundMovement& more) {
    into.copies += more.copies;
    into.sum_tiyn += more.sum_tiyn;
}

FundMovement read_movement(SQLite::Statement& row) {
    return {row.getColumn(1).getInt64(), row.getColumn(2).getInt64()};
}

// Each query groups by "is a textbook" first, then copies and sum.
void add_receipts(SQLite::Database& db, const std::string& from, const std::string& to, ByPart& parts) {
    SQLite::Statement query(db, R"(
        SELECT t.kind = 'textbook', sum(r.quantity), sum(r.quantity * r.price_tiyn)
        FROM receipt r JOIN title t ON t.id = r.title_id
        WHERE r.received_on BETWEEN ? AND ? GROUP BY 1)");
    rebind(query, from, to);
    while (query.executeStep()) parts.part(query.getColumn(0).getInt() != 0).received = read_movement(query);
}

void add_writeoffs(SQLite::Database& db, const std::string& from, const std::string& to, ByPart& parts) {
    SQLite::Statement query(db, R"(
        SELECT t.kind = 'textbook', sum(w.quantity), sum(w.quantity * w.price_tiyn), a.reason
        FROM writeoff_row w JOIN writeoff_act a ON a.id = w.act_id JOIN title t ON t.id = w.title_id
        WHERE a.act_date BETWEEN ? AND ? GROUP BY 1, 4)");
    rebind(query, from, to);
    while (query.executeStep()) {
        const auto reason = writeoff_reason_from(query.getColumn(3).getString()).value_or(WriteoffReason::worn);
        add(parts.part(query.getColumn(0).getInt() != 0).written_off[reason], read_movement(query));
    }
}

void add_losses_on_return(SQLite::Database& db, const std::string& from, const std::string& to, ByPart& parts) {
    SQLite::Statement query(db, std::string(R"(
        SELECT t.kind = 'textbook', sum(l.quantity), sum(l.quantity * )") +
                                    title_price_sql + R"()
        FROM loan l JOIN title t ON t.id = l.title_id
        WHERE l.condition = 'lost' AND l.copy_id IS NULL AND l.returned_at BETWEEN ?1 AND ?2 || 'T99'
        GROUP BY 1)");
    rebind(query, from, to);
    while (query.executeStep()) parts.part(query.getColumn(0).getInt() != 0).lost_on_return = read_movement(query);
}

// Between two ISO dates, both included.
ByPart movements_between(SQLite::Database& db, const std::string& from, const std::string& to) {
    ByPart parts;
    add_receipts(db, from, to, parts);
    add_writeoffs(db, from, to, parts);
    add_losses_on_return(db, from, to, parts);
    return parts;
}

// Copies on the books today: textbooks first, then the rest.
std::pair<long long, long long> fund_today(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT coalesce(sum(CASE WHEN t.kind = 'textbook' THEN n END), 0),
               coalesce(sum(CASE WHEN t.kind <> 'textbook' THEN n END), 0)
        FROM (SELECT id, kind, stock AS n FROM title
              UNION ALL
              SELECT t.id, t.kind, count(*) FROM copy c JOIN title t ON t.id = c.title_id
              WHERE c.status <> 'written_off' GROUP BY t.id) t)");
    query.executeStep();
    return {query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
}

RegisterSection section(long long fund_now, const Movements& during, const Movements& after) {
    RegisterSection section;
    section.fund_end = fund_now - after.received.copies + after.out_copies();
    section.fund_start = section.fund_end - during.received.copies + during.out_copies();
    section.received = during.received;
    section.lost_on_return = during.lost_on_return;
    section.written_off = during.lost_on_return;
    for (const auto reason : writeoff_reasons) {
        const auto found = during.written_off.find(reason);
        section.written_off_by_reason[reason] = found == during.written_off.end() ? FundMovement{} : found->second;
        add(section.written_off, section.written_off_by_reason[reason]);
    }
    return section;
}

Movements combined(const Movements& a, const Movements& b) {
    Movements sum = a;
    add(sum.received, b.received);
    add(sum.lost_on_return, b.lost_on_return);
    for (const auto& [reason, movement] : b.written_off) add(sum.written_off[reason], movement);
    return sum;
}

}  // namespace

Checked<RegisterReport> register_report(SQLite::Database& db, const std::string& school_year) {
    if (!is_school_year_name(school_year)) return bad_input("fund.error.bad_year", {{"year", school_year}});
    RegisterReport report{.school_year = school_year,
                          .first_day = iso_date(first_day_of_school_year(school_year)),
                          .last_day = iso_date(last_day_of_school_year(school_year))};
    auto during = movements_between(db, report.first_day, report.last_day);
    auto after = movements_between(db, iso_date(add_days(last_day_of_school_year(school_year), 1)), "9999-12-31");
    const auto [textbooks_now, other_now] = fund_today(db);
    report.textbooks = section(textbooks_now, during.textbooks, after.textbooks);
    report.other = section(other_now, during.other, after.other);
    report.total = section(textbooks_now + other_now, combined(during.textbooks, during.other),
                           combined(after.textbooks, after.other));
    return report;
}

}  // namespace kitap::core
