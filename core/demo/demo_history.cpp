#include "core/demo/demo_history.hpp"

#include <algorithm>
#include <climits>
#include <map>
#include <span>
#include <tuple>
#include <utility>

namespace kitap::core::demo {
namespace {

using namespace std::chrono;

using DayNumber = int;  // days since 1970-01-01
constexpr DayNumber never = INT_MAX;

constexpr int loans_per_year = 30'111;    // DOMAIN.md, 2022-23
constexpr int visits_per_year = 12'103;   // DOMAIN.md, 2022-23
constexpr int borrow_again_percent = 90;  // readers who bring books back and take new ones

DayNumber day_number(Date date) { return static_cast<DayNumber>(sys_days{date}.time_since_epoch().count()); }
Date date_of(DayNumber day) { return Date{sys_days{days{day}}}; }
int school_year_start(Date date) { return static_cast<int>(date.year()) - (date.month() >= September ? 0 : 1); }
DayNumber september_first(int year) { return day_number(year_month_day{std::chrono::year{year}, September, 1d}); }

// ---- the school calendar ----

struct ClosedDays {
    unsigned month, first, last;
};
// School holidays (autumn, winter, spring with Nauryz) and public holidays.
constexpr ClosedDays closed_days[] = {{10, 25, 25}, {10, 28, 31}, {11, 1, 5},  {12, 16, 16}, {12, 30, 31},
                                      {1, 1, 8},    {3, 8, 8},    {3, 20, 31}, {5, 1, 1},    {5, 7, 9}};

// The library opens on weekdays of the school year, 1 September to 30 June.
bool library_open(Date date) {
    const weekday day{sys_days{date}};
    if (day == Saturday || day == Sunday || date.month() == July || date.month() == August) return false;
    const auto month_number = static_cast<unsigned>(date.month());
    const auto day_of_month = static_cast<unsigned>(date.day());
    return std::none_of(std::begin(closed_days), std::end(closed_days), [&](const ClosedDays& closed) {
        return closed.month == month_number && day_of_month >= closed.first && day_of_month <= closed.last;
    });
}

// From 20 May the librarian only takes books back, for the textbook round and the stocktake.
bool lending_day(Date date) {
    if (date.month() == June || (date.month() == May && date.day() > 20d)) return false;
    return library_open(date);
}

DayNumber next_open_day(DayNumber day) {
    while (!library_open(date_of(day))) ++day;
    return day;
}

// Library days follow the kiosk's time zone (see core/calendar.hpp), so simulated
// times are local school hours turned into the UTC timestamps the database keeps.
class LocalClock {
public:
    LocalClock(DayNumber first, DayNumber last) : first_(first) {
        for (DayNumber day = first; day <= last; ++day) midnights_.push_back(local_day_start(date_of(day)));
    }
    Timestamp at(DayNumber day, int seconds) const { return midnights_[day - first_] + std::chrono::seconds{seconds}; }

private:
    DayNumber first_;
    std::vector<Timestamp> midnights_;
};

// ---- who borrows what ----

// How often a reader comes for a book, relative to the others.
int reading_weight(const DemoReader& reader) {
    if (reader.category == ReaderCategory::teacher) return 6;
    if (reader.category != ReaderCategory::pupil) return 2;
    constexpr int by_grade[] = {1, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2};
    return by_grade[reader.grade];
}

struct KindShare {
    TitleKind kind;
    int percent;
};
constexpr KindShare pupil_kinds[] = {{TitleKind::fiction, 80}, {TitleKind::periodical, 12}, {TitleKind::reference, 8}};
constexpr KindShare teacher_kinds[] = {
    {TitleKind::methodical, 40}, {TitleKind::fiction, 45}, {TitleKind::reference, 10}, {TitleKind::periodical, 5}};
constexpr KindShare other_kinds[] = {{TitleKind::fiction, 80}, {TitleKind::periodical, 20}};

std::span<const KindShare> kind_shares(ReaderCategory category) {
    if (category == ReaderCategory::pupil) return pupil_kinds;
    if (category == ReaderCategory::teacher) return teacher_kinds;
    return other_kinds;
}

TitleKind choose_kind(const DemoReader& reader, DemoRandom& random) {
    const auto shares = kind_shares(reader.category);
    int roll = random.between(0, 99);
    for (const auto& share : shares) {
        if (roll < share.percent) return share.kind;
        roll -= share.percent;
    }
    return TitleKind::fiction;
}

// Books taken at one visit: a dictionary or a magazine or two, stories by two or three.
// DOMAIN.md's 30,111 loans in 12,103 visits, a dozen textbooks at a time among them,
// leave about two main-fund books a visit.
int books_per_visit(TitleKind kind, DemoRandom& random) {
    const int roll = random.between(0, 99);
    if (kind == TitleKind::reference || kind == TitleKind::periodical) return roll < 60 ? 1 : 2;
    return roll < 25 ? 1 : roll < 65 ? 2 : 3;
}

std::string reading_language(const DemoReader& reader, DemoRandom& random) {
    const int roll = random.between(0, 99);
    if (roll < 4 && (reader.category != ReaderCategory::pupil || reader.grade >= 5)) return "en";
    const bool own = roll < 80;
    const bool kazakh = (reader.language == ClassLanguage::kk) == own;
    return kazakh ? "kk" : "ru";
}

Audience reading_audience(const DemoReader& reader) {
    return reader.category == ReaderCategory::pupil && reader.grade <= 4 ? Audience::children : Audience::general;
}

Station station_of(const DemoReader& reader, DemoRandom& random) {
    const int kiosk_percent = reader.category == ReaderCategory::pupil     ? 60
                              : reader.category == ReaderCategory::teacher ? 30
                                                                           : 10;
    return random.percent(kiosk_percent) ? Station::kiosk : Station::desk;
}

// Circulating copies grouped the way a reader looks for a book.
class Shelves {
public:
    explicit Shelves(const DemoSchool& school) : copies_of_title_(school.titles.size()) {
        for (int copy = 0; copy < static_cast<int>(school.copies.size()); ++copy) {
            if (school.copies[copy].status != CopyStatus::in_fund) continue;
            const DemoTitle& title = school.titles[school.copies[copy].title];
            shelves_[{title.kind, title.language, title.audience}].push_back(copy);
            copies_of_title_[school.copies[copy].title].push_back(copy);
        }
    }
    // The shelf for a choice, falling back to the other audience's.
    const std::vector<int>* find(TitleKind kind, const std::string& language, Audience audience) const {
        for (const auto candidate : {audience, audience == Audience::children ? Audience::general : Audience::children})
            if (auto shelf = shelves_.find({kind, language, candidate}); shelf != shelves_.end()) return &shelf->second;
        return nullptr;
    }
    const std::vector<int>& copies_of_title(int title) const { return copies_of_title_[title]; }

private:
    std::map<std::tuple<TitleKind, std::string, Audience>, std::vector<int>> shelves_;
    std::vector<std::vector<int>> copies_of_title_;
};

// Readers to draw from in proportion to how much they read.
class ReaderDraw {
public:
    ReaderDraw(const DemoSchool& school, bool include_left) {
        long long total = 0;
        for (int reader = 0; reader < static_cast<int>(school.readers.size()); ++reader) {
            if (school.readers[reader].left && !include_left) continue;
            total += reading_weight(school.readers[reader]);
            readers_.push_back(reader);
            cumulative_.push_back(total);
        }
    }
    int draw(DemoRandom& random) const {
        const auto ticket = random.index(static_cast<std::size_t>(cumulative_.back()));
        const auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), static_cast<long long>(ticket));
        return readers_[static_cast<std::size_t>(at - cumulative_.begin())];
    }

private:
    std::vector<int> readers_;
    std::vector<long long> cumulative_;
};

struct ReturnVisit {
    int reader;
    int seconds;
};

// ---- the simulation ----

class Simulation {
public:
    Simulation(const DemoSchool& school, Timestamp now, int years, DemoRandom& random)
        : school_(school),
          random_(random),
          years_(years),
          today_(day_number(local_date(now))),
          current_year_(school_year_start(local_date(now))),
          first_year_(current_year_ - std::max(years, 1) + 1),
          first_day_(september_first(first_year_)),
          clock_(first_day_, today_),
          shelves_(school),
          all_readers_(school, true),
          staying_readers_(school, false),
          reader_busy_until_(school.readers.size(), -1),
          copy_busy_until_(school.copies.size(), -1),
          return_visits_(static_cast<std::size_t>(std::max(today_ - first_day_, 0)) + 1) {}

    DemoHistory run() {
        if (years_ <= 0) return {};
        for (int year = first_year_; year <= current_year_; ++year) issue_textbooks(year);
        for (DayNumber day = first_day_; day < today_; ++day)
            if (lending_day(date_of(day))) lend_on(day);
        for (int year = first_year_; year <= current_year_; ++year) add_reading_room_visits(year);
        return finish();
    }

private:
    bool present(const DemoReader& reader, int year) const { return !reader.left || year < current_year_; }

    const std::vector<int>& curriculum_of(const DemoReader& reader) const {
        static const std::vector<int> none;
        const auto found = school_.curriculum.find({reader.grade, reader.language, reader.stream});
        return found == school_.curriculum.end() ? none : found->second;
    }

    void visit(int reader, DayNumber day, Station station) {
        if (day >= today_) return;
        if (visits_.try_emplace({reader, day}, station).second) ++visits_in_year_[school_year_start(date_of(day))];
    }

    // ---- textbooks ----

    DayNumber nth_open_day(DayNumber from, int n) const {
        DayNumber day = next_open_day(from);
        for (int i = 0; i < n; ++i) day = next_open_day(day + 1);
        return day;
    }

    // One class of this year has not collected its textbooks yet, so a new user can
    // try class issuance (`kitap issue-set --class 5Ә`) and the kiosk's textbook self-service.
    bool waits_for_its_set(const DemoClass& school_class, int year) const {
        return year == current_year_ && school_class.grade == 5 && school_class.letter == "Ә";
    }

    // Classes come in turn over the first school days of September.
    void issue_textbooks(int year) {
        for (int index = 0; index < static_cast<int>(school_.classes.size()); ++index) {
            const DemoClass& school_class = school_.classes[index];
            if (school_class.grade == 0) continue;
            const DayNumber issued = nth_open_day(september_first(year), index % 4);
            const DayNumber collected = next_open_day(
                day_number(year_month_day{std::chrono::year{year + 1}, May, 20d}) + random_.between(0, 14));
            if (issued >= today_ || waits_for_its_set(school_class, year)) continue;
            const int slot = 9 * 3600 + (index % 6) * 50 * 60;
            int seat = 0;
            for (int reader = 0; reader < static_cast<int>(school_.readers.size()); ++reader)
                if (school_.readers[reader].class_index == index && present(school_.readers[reader], year))
                    issue_set(reader, issued, slot + 40 * seat++, collected);
        }
    }

    // Most pupils hand their set back with their class; the others within three weeks.
    DayNumber textbook_return_day(DayNumber collected) {
        if (random_.percent(85)) return collected;
        const DayNumber later = next_open_day(collected + random_.between(1, 20));
        return date_of(later).month() == June ? later : collected;
    }

    void issue_set(int reader, DayNumber issued, int seconds, DayNumber collected) {
        const Date due = next_occurrence(date_of(issued), rules_.textbook_due);
        const DayNumber returned = textbook_return_day(collected);
        int return_seconds = random_.between(9 * 3600, 16 * 3600);
        for (const int title : curriculum_of(school_.readers[reader])) {
            DemoLoan loan{reader,       title,         -1,           clock_.at(issued, seconds++), due,
                          std::nullopt, Station::desk, Station::desk};
            if (returned < today_) loan.returned_at = clock_.at(returned, return_seconds++);
            loans_.push_back(loan);
        }
        visit(reader, issued, Station::desk);
        visit(reader, returned, Station::desk);
    }

    // ---- the main fund ----

    int lending_days_in(int year) const {
        int days = 0;
        for (DayNumber day = september_first(year); day < september_first(year + 1); ++day)
            days += lending_day(date_of(day)) ? 1 : 0;
        return days;
    }

    // Main-fund loans on an average lending day, so that with the textbooks a year
    // makes DOMAIN.md's count.
    int mean_daily_loans(int year) {
        const auto [entry, added] = mean_daily_loans_.try_emplace(year, 0);
        if (!added) return entry->second;
        long long textbooks = 0;
        for (const auto& reader : school_.readers)
            if (reader.category == ReaderCategory::pupil && present(reader, year))
                textbooks += static_cast<long long>(curriculum_of(reader).size());
        const long long main_fund = std::max<long long>(loans_per_year - textbooks, loans_per_year / 3);
        entry->second = static_cast<int>(main_fund / lending_days_in(year));
        return entry->second;
    }

    void lend_on(DayNumber day) {
        const int year = school_year_start(date_of(day));
        const int quota = mean_daily_loans(year) * random_.between(60, 140) / 100;
        int lent = 0;
        for (const auto& returning : return_visits_[day - first_day_])
            if (lent < quota && present(school_.readers[returning.reader], year) &&
                random_.percent(borrow_again_percent))
                lent += borrow(returning.reader, day, returning.seconds + 60);
        const ReaderDraw& draw = year < current_year_ ? all_readers_ : staying_readers_;
        for (int attempt = 0; lent < quota && attempt < 4 * quota; ++attempt) {
            const int reader = draw.draw(random_);
            if (reader_busy_until_[reader] >= day) continue;
            lent += borrow(reader, day, visit_seconds(school_.readers[reader]));
        }
    }

    int visit_seconds(const DemoReader& reader) {
        if (reader.category == ReaderCategory::pupil) return random_.between(8 * 3600 + 1800, 17 * 3600 + 1800);
        return random_.between(8 * 3600, 18 * 3600);
    }

    // A free copy of the title of a copy picked off the shelf, or -1.
    int free_copy_like(int picked, DayNumber day) const {
        if (copy_busy_until_[picked] < day) return picked;
        for (const int copy : shelves_.copies_of_title(school_.copies[picked].title))
            if (copy_busy_until_[copy] < day) return copy;
        return -1;
    }

    std::vector<int> choose_copies(const DemoReader& reader, TitleKind kind, DayNumber day) {
        std::vector<int> chosen;
        const auto* shelf = shelves_.find(kind, reading_language(reader, random_), reading_audience(reader));
        if (shelf == nullptr) return chosen;
        const int wanted = books_per_visit(kind, random_);
        for (int attempt = 0; static_cast<int>(chosen.size()) < wanted && attempt < 3 * wanted; ++attempt) {
            const int copy = free_copy_like(random_.pick(*shelf), day);
            if (copy < 0) continue;
            const int title = school_.copies[copy].title;
            if (std::none_of(chosen.begin(), chosen.end(),
                             [&](int other) { return school_.copies[other].title == title; }))
                chosen.push_back(copy);
        }
        return chosen;
    }

    // Most books come back within the loan period, some late, a few much later.
    DayNumber planned_return(DayNumber day, int loan_days, bool on_time) {
        const int roll = random_.between(0, 99);
        DayNumber back = day + random_.between(std::max(1, loan_days / 3), loan_days);
        if (!on_time && roll >= 78)
            back = day + loan_days + (roll < 95 ? random_.between(1, 20) : random_.between(21, 80));
        return next_open_day(back);
    }

    // One visit's loans; returns how many books were lent.
    int borrow(int reader_index, DayNumber day, int seconds) {
        const DemoReader& reader = school_.readers[reader_index];
        const TitleKind kind = choose_kind(reader, random_);
        const Station station = station_of(reader, random_);
        visit(reader_index, day, station);
        const std::vector<int> copies = choose_copies(reader, kind, day);
        if (copies.empty()) return 0;
        const int loan_days = rules_.loan_days_for(reader.category, kind);
        // Pupils who have since left returned everything before they went.
        const DayNumber back = planned_return(day, loan_days, reader.left);
        const int back_seconds = visit_seconds(reader);
        const Station back_station = station_of(reader, random_);
        for (const int copy : copies) {
            DemoLoan loan{reader_index,
                          school_.copies[copy].title,
                          copy,
                          clock_.at(day, seconds),
                          date_of(day + loan_days),
                          std::nullopt,
                          station,
                          back_station};
            seconds += random_.between(20, 60);
            if (back < today_) loan.returned_at = clock_.at(back, back_seconds);
            copy_busy_until_[copy] = back < today_ ? back : never;
            loans_.push_back(loan);
        }
        reader_busy_until_[reader_index] = back < today_ ? back : never;
        if (back < today_) {
            visit(reader_index, back, back_station);
            if (lending_day(date_of(back))) return_visits_[back - first_day_].push_back({reader_index, back_seconds});
        }
        return static_cast<int>(copies.size());
    }

    // Readers who come to read in the reading room or to browse, up to the year's count.
    void add_reading_room_visits(int year) {
        std::vector<DayNumber> open_days;
        for (DayNumber day = september_first(year); day < std::min(today_, september_first(year + 1)); ++day)
            if (lending_day(date_of(day))) open_days.push_back(day);
        if (open_days.empty()) return;
        const int full_year = lending_days_in(year);
        const long long target =
            static_cast<long long>(visits_per_year) * static_cast<long long>(open_days.size()) / std::max(full_year, 1);
        const ReaderDraw& draw = year < current_year_ ? all_readers_ : staying_readers_;
        for (int attempt = 0; visits_in_year_[year] < target && attempt < 4 * visits_per_year; ++attempt) {
            const int reader = draw.draw(random_);
            visit(reader, random_.pick(open_days), station_of(school_.readers[reader], random_));
        }
    }

    DemoHistory finish() {
        DemoHistory history;
        std::stable_sort(loans_.begin(), loans_.end(),
                         [](const DemoLoan& a, const DemoLoan& b) { return a.loaned_at < b.loaned_at; });
        history.loans = std::move(loans_);
        history.visits.reserve(visits_.size());
        for (const auto& [key, station] : visits_) history.visits.push_back({key.first, date_of(key.second), station});
        return history;
    }

    const DemoSchool& school_;
    DemoRandom& random_;
    const LoanRules rules_;  // the loan periods the kiosk applies by default
    int years_;
    DayNumber today_;
    int current_year_;
    int first_year_;
    DayNumber first_day_;
    LocalClock clock_;
    Shelves shelves_;
    ReaderDraw all_readers_;
    ReaderDraw staying_readers_;
    std::vector<DayNumber> reader_busy_until_;
    std::vector<DayNumber> copy_busy_until_;
    std::vector<std::vector<ReturnVisit>> return_visits_;  // by day from first_day_: who comes to return books
    std::vector<DemoLoan> loans_;
    std::map<std::pair<int, DayNumber>, Station> visits_;  // the first station of a reader's day
    std::map<int, long long> visits_in_year_;
    std::map<int, int> mean_daily_loans_;
};

}  // namespace

DemoHistory simulate_history(const DemoSchool& school, Timestamp now, int years, DemoRandom& random) {
    return Simulation(school, now, years, random).run();
}

}  // namespace kitap::core::demo
