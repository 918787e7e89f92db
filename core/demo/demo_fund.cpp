#include "core/demo/demo_fund.hpp"

#include "core/demo/demo_catalogue.hpp"
#include "core/demo/demo_names.hpp"

#include <algorithm>
#include <optional>

namespace kitap::core::demo {
namespace {

using std::chrono::month;

constexpr int textbook_editions = 3;  // the one issued now and two in reserve
constexpr long long main_fund_copies = 14'000;
constexpr int largest_class_set = 75;  // three classes of a grade

std::string language_code(ClassLanguage language) { return std::string(to_string(language)); }

// "5-сынып" / "5 класс".
std::string grade_label(ClassLanguage language, int grade) {
    return std::to_string(grade) + (language == ClassLanguage::kk ? "-сынып" : " класс");
}

// "1-бөлім" / "Часть 1".
std::string part_label(ClassLanguage language, int part) {
    return language == ClassLanguage::kk ? std::to_string(part) + "-бөлім" : "Часть " + std::to_string(part);
}

std::string stream_label(ClassLanguage language, int stream) {
    if (stream == 0) return {};
    if (language == ClassLanguage::kk)
        return stream == 1 ? "Жаратылыстану-математикалық бағыт" : "Қоғамдық-гуманитарлық бағыт";
    return stream == 1 ? "Естественно-математическое направление" : "Общественно-гуманитарное направление";
}

// "Абай жолы. 2-том" / "Война и мир. Том 2" / "Vol. 2".
std::string volume_label(std::string_view language, int volume) {
    if (language == "kk") return std::to_string(volume) + "-том";
    if (language == "ru") return "Том " + std::to_string(volume);
    return "Vol. " + std::to_string(volume);
}

std::string edition_label(std::string_view language, int edition) {
    if (language == "kk") return std::to_string(edition) + "-басылым";
    if (language == "ru") return std::to_string(edition) + "-е издание";
    return "Edition " + std::to_string(edition);
}

std::string joined(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (const auto part : parts) {
        if (part.empty()) continue;
        if (!text.empty()) text += ". ";
        text += part;
    }
    return text;
}

std::int64_t tenge(int amount) { return std::int64_t{amount} * 100; }

// A book that follows the curriculum: a textbook or a teacher's guide to one.
DemoTitle curriculum_book(std::string text, std::string_view subject, ClassLanguage language, int grade,
                          TitleKind kind) {
    DemoTitle title;
    title.title = std::move(text);
    title.language = language_code(language);
    title.kind = kind;
    title.grade = grade;
    title.subject = std::string(subject);
    return title;
}

// ---- textbooks ----

class PupilCounts {
public:
    explicit PupilCounts(const DemoSchool& school) {
        for (const auto& reader : school.readers)
            if (reader.category == ReaderCategory::pupil) ++counts_[{reader.grade, reader.language, reader.stream}];
    }
    // Pupils who learn from a subject's book: those of its stream, or every stream.
    int pupils(int grade, ClassLanguage language, int stream) const {
        int total = 0;
        for (const auto& [key, count] : counts_) {
            const auto& [key_grade, key_language, key_stream] = key;
            if (key_grade == grade && key_language == language && (stream == 0 || key_stream == stream)) total += count;
        }
        return total;
    }

private:
    std::map<CurriculumKey, int> counts_;
};

struct Edition {
    std::string publisher;
    int year = 0;
    std::string authors;
    std::int64_t price_tiyn = 0;
};

// The current edition came with the 2021-2023 curriculum update; the reserve ones are older.
Edition textbook_edition(int edition, DemoRandom& random) {
    Edition result;
    result.publisher = std::string(random.pick(textbook_publishers()));
    result.year = edition == 0 ? random.between(2021, 2023) : random.between(2017, 2020);
    result.authors = author_list(ClassLanguage::kk, random.between(1, 3), random);
    result.price_tiyn = tenge(random.between(150, 450) * 10);
    return result;
}

int textbook_stock(int edition, int pupils, DemoRandom& random) {
    if (edition == 0) return pupils + (pupils * random.between(5, 15) + 99) / 100;
    return pupils * random.between(70, 100) / 100;
}

// Grades 10-11 learn in two streams; a book of stream 0 is issued in both.
void add_to_curriculum(DemoSchool& school, int grade, ClassLanguage language, int stream, int title) {
    for (const int pupil_stream : grade >= 10 ? std::vector{1, 2} : std::vector{0})
        if (stream == 0 || stream == pupil_stream) school.curriculum[{grade, language, pupil_stream}].push_back(title);
}

void add_textbook_edition(DemoSchool& school, const CurriculumSubject& subject, int grade, int edition,
                          const PupilCounts& counts, DemoRandom& random, IsbnMaker& isbns) {
    const Edition details = textbook_edition(edition, random);
    for (const auto language : {ClassLanguage::kk, ClassLanguage::ru}) {
        const std::string_view name = language == ClassLanguage::kk ? subject.kk : subject.ru;
        const int pupils = counts.pupils(grade, language, subject.stream);
        if (name.empty() || pupils == 0) continue;
        for (int part = 1; part <= subject.parts; ++part) {
            auto title = curriculum_book(joined({name, grade_label(language, grade),
                                                 subject.parts > 1 ? part_label(language, part) : std::string(),
                                                 stream_label(language, subject.stream)}),
                                         name, language, grade, TitleKind::textbook);
            title.authors = details.authors;
            title.isbn = isbns.make("978601", random);
            title.publisher = details.publisher;
            title.year = details.year;
            title.price_tiyn = details.price_tiyn;
            title.stock = textbook_stock(edition, pupils, random);
            school.titles.push_back(std::move(title));
            if (edition == 0)
                add_to_curriculum(school, grade, language, subject.stream, static_cast<int>(school.titles.size()) - 1);
        }
    }
}

// ---- main fund ----

// Main-fund titles as they are made, with the copies each is to get.
struct Shelf {
    DemoSchool& school;
    DemoRandom& random;
    IsbnMaker& isbns;
    std::vector<int> copies;     // per title, from the first main-fund title on
    std::vector<bool> in_print;  // the current edition of a work: more copies can be bought

    void add(DemoTitle title, int count, bool current_edition = false) {
        school.titles.push_back(std::move(title));
        copies.push_back(count);
        in_print.push_back(current_edition);
    }
};

bool kazakh_publisher(std::string_view publisher) {
    for (const bool soviet : {false, true})
        for (const auto house : book_publishers("kk", soviet))
            if (house == publisher) return true;
    for (const auto house : textbook_publishers())
        if (house == publisher) return true;
    return false;
}

// Soviet-era books carry no ISBN; since then most do, with the prefix of the
// publisher's country (Kazakhstan's ISBN-10 range 9965 became 978-601 in 2008).
std::optional<std::string> book_isbn(std::string_view publisher, std::string_view language, int year, Shelf& shelf) {
    if (year < 1993 || shelf.random.percent(10)) return std::nullopt;
    if (language == "en") return shelf.isbns.make("978019", shelf.random);
    if (!kazakh_publisher(publisher)) return shelf.isbns.make("9785", shelf.random);
    return shelf.isbns.make(year >= 2008 ? "978601" : "9789965", shelf.random);
}

// Newer editions first; a library keeps buying the books that are read.
int edition_year(int edition, DemoRandom& random) {
    switch (edition) {
        case 0:
            return random.between(2010, 2023);
        case 1:
            return random.between(1996, 2012);
        case 2:
            return random.between(1980, 1995);
        default:
            return random.between(1970, 1991);
    }
}

std::int64_t book_price(int year, int low, int high, DemoRandom& random) {
    // Books bought before the tenge came in (1993) stay on the books at a token value.
    if (year < 1993) return tenge(random.between(1, 30) * 10);
    return tenge(random.between(low / 10, high / 10) * 10);
}

int copies_by_popularity(int popularity, int edition, DemoRandom& random) {
    constexpr int most[] = {0, 4, 10, 25, 40, 50};
    constexpr int least[] = {0, 1, 3, 10, 25, 35};
    if (edition == 0) return random.between(least[popularity], most[popularity]);
    return random.between(1, std::max(1, most[popularity] / 2));
}

DemoTitle book(std::string text, std::string_view authors, std::string_view language, TitleKind kind, int year,
               std::string_view publisher, Shelf& shelf) {
    DemoTitle title;
    title.title = std::move(text);
    title.authors = std::string(authors);
    title.isbn = book_isbn(publisher, language, year, shelf);
    title.publisher = std::string(publisher);
    title.year = year;
    title.language = std::string(language);
    title.kind = kind;
    return title;
}

void add_work(const LiteraryWork& work, Shelf& shelf) {
    std::string first_publisher;
    for (int edition = 0; edition <= work.popularity; ++edition) {
        const int year = edition_year(edition, shelf.random);
        const std::string publisher(shelf.random.pick(book_publishers(work.language, year < 1992)));
        if (edition == 0) first_publisher = publisher;
        const std::string label =
            edition > 0 && publisher == first_publisher ? edition_label(work.language, edition + 1) : std::string();
        const int copies = copies_by_popularity(work.popularity, edition, shelf.random);
        const std::int64_t price = book_price(year, 1500, 6000, shelf.random);
        for (int volume = 1; volume <= work.volumes; ++volume) {
            auto title = book(joined({work.title, work.volumes > 1 ? volume_label(work.language, volume) : "", label}),
                              work.author, work.language, TitleKind::fiction, year, publisher, shelf);
            title.price_tiyn = price;
            title.audience = work.audience;
            shelf.add(std::move(title), copies, edition == 0);
        }
    }
}

std::string selected_works(std::string_view language) {
    if (language == "kk") return "Таңдамалы шығармалар";
    return "Избранное";
}

std::string collected_works(std::string_view language, int volumes, int volume) {
    if (language == "kk")
        return "Шығармалар жинағы. " + std::to_string(volumes) + " томдық. " + volume_label(language, volume);
    return "Собрание сочинений в " + std::to_string(volumes) + " томах. " + volume_label(language, volume);
}

void add_writer(const Writer& writer, Shelf& shelf) {
    int year = edition_year(shelf.random.between(0, 2), shelf.random);
    auto selected = book(selected_works(writer.language), writer.name, writer.language, TitleKind::fiction, year,
                         shelf.random.pick(book_publishers(writer.language, year < 1992)), shelf);
    selected.price_tiyn = book_price(year, 2000, 6000, shelf.random);
    shelf.add(std::move(selected), shelf.random.between(1, 4));
    if (writer.collected_volumes == 0) return;
    // Collected works came as a subscription set, one year and publisher for every volume.
    year = edition_year(shelf.random.between(1, 3), shelf.random);
    const std::string publisher(shelf.random.pick(book_publishers(writer.language, year < 1992)));
    for (int volume = 1; volume <= writer.collected_volumes; ++volume) {
        auto title = book(collected_works(writer.language, writer.collected_volumes, volume), writer.name,
                          writer.language, TitleKind::fiction, year, publisher, shelf);
        title.price_tiyn = book_price(year, 2000, 5000, shelf.random);
        shelf.add(std::move(title), shelf.random.between(1, 2));
    }
}

void add_reference(const ReferenceWork& work, Shelf& shelf) {
    const int year = shelf.random.between(work.first_year, work.last_year);
    const std::string publisher(shelf.random.pick(book_publishers(work.language, year < 1992)));
    const int copies = work.volumes > 1 ? 1 : shelf.random.between(1, work.popularity * 4);
    for (int volume = 1; volume <= work.volumes; ++volume) {
        auto title = book(joined({work.title, work.volumes > 1 ? volume_label(work.language, volume) : ""}),
                          work.authors, work.language, TitleKind::reference, year, publisher, shelf);
        title.price_tiyn = book_price(year, 3000, 15000, shelf.random);
        title.audience = work.audience;
        shelf.add(std::move(title), copies);
    }
}

// A teacher's guide to about half of the textbooks, in the language of the class.
void add_methodical(const CurriculumSubject& subject, Shelf& shelf) {
    if (subject.stream == 2) return;  // the same guide serves both streams
    for (int grade = subject.first_grade; grade <= subject.last_grade; ++grade)
        for (const auto language : {ClassLanguage::kk, ClassLanguage::ru}) {
            const std::string_view name = language == ClassLanguage::kk ? subject.kk : subject.ru;
            if (name.empty() || !shelf.random.percent(50)) continue;
            const std::string guide = language == ClassLanguage::kk ? "Мұғалімге арналған әдістемелік құрал"
                                                                    : "Методическое пособие для учителя";
            auto title = curriculum_book(joined({name, grade_label(language, grade), guide}), name, language, grade,
                                         TitleKind::methodical);
            title.authors = author_list(ClassLanguage::kk, shelf.random.between(1, 2), shelf.random);
            title.isbn = shelf.isbns.make("978601", shelf.random);
            title.publisher = std::string(shelf.random.pick(textbook_publishers()));
            title.year = shelf.random.between(2017, 2023);
            title.price_tiyn = tenge(shelf.random.between(150, 400) * 10);
            shelf.add(std::move(title), shelf.random.between(1, 4));
        }
}

// Monthly issues of the magazines the school subscribes to, this calendar year and last.
void add_periodical(const Periodical& periodical, Date today, Shelf& shelf) {
    const int this_year = static_cast<int>(today.year());
    for (int year = this_year - 1; year <= this_year; ++year)
        for (unsigned issue = 1; issue <= 12; ++issue) {
            if (year == this_year && month{issue} >= today.month()) break;
            DemoTitle title;
            title.title = joined({periodical.name, std::to_string(year), "№ " + std::to_string(issue)});
            title.year = year;
            title.language = std::string(periodical.language);
            title.kind = TitleKind::periodical;
            title.price_tiyn = tenge(shelf.random.between(30, 80) * 10);
            title.audience = periodical.audience;
            shelf.add(std::move(title), shelf.random.between(1, 2));
        }
}

CopyStatus copy_status(DemoRandom& random) {
    const int roll = random.between(0, 999);
    if (roll < 15) return CopyStatus::written_off;
    if (roll < 22) return CopyStatus::lost;
    return CopyStatus::in_fund;
}

// The fund reaches its size through class sets of the works in print: they share the
// copies the tables leave over in proportion to the copies they asked for, up to a
// class set each.
void buy_class_sets(Shelf& shelf) {
    long long asked = 0, in_print = 0;
    for (std::size_t i = 0; i < shelf.copies.size(); ++i) {
        asked += shelf.copies[i];
        if (shelf.in_print[i]) in_print += shelf.copies[i];
    }
    const long long left_over = std::max(main_fund_copies - asked, 0LL);
    if (in_print == 0) return;
    for (std::size_t i = 0; i < shelf.copies.size(); ++i)
        if (shelf.in_print[i])
            shelf.copies[i] = std::min<int>(
                largest_class_set,
                shelf.copies[i] + static_cast<int>((2LL * shelf.copies[i] * left_over + in_print) / (2 * in_print)));
}

void add_copies(Shelf& shelf) {
    const auto first_title = static_cast<int>(shelf.school.titles.size() - shelf.copies.size());
    for (std::size_t i = 0; i < shelf.copies.size(); ++i)
        for (int n = 0; n < shelf.copies[i]; ++n) {
            const auto sequence = static_cast<int>(shelf.school.copies.size()) + 1;
            shelf.school.copies.push_back(
                {numbered_label('1', sequence), first_title + static_cast<int>(i), copy_status(shelf.random)});
        }
}

}  // namespace

void add_textbook_fund(DemoSchool& school, DemoRandom& random, IsbnMaker& isbns) {
    const PupilCounts counts(school);
    for (const auto& subject : curriculum_subjects())
        for (int grade = subject.first_grade; grade <= subject.last_grade; ++grade)
            for (int edition = 0; edition < textbook_editions; ++edition)
                add_textbook_edition(school, subject, grade, edition, counts, random, isbns);
}

void add_main_fund(DemoSchool& school, Date today, DemoRandom& random, IsbnMaker& isbns) {
    Shelf shelf{school, random, isbns, {}, {}};
    for (const auto& work : literary_works()) add_work(work, shelf);
    for (const auto& writer : writers()) add_writer(writer, shelf);
    for (const auto& work : reference_works()) add_reference(work, shelf);
    for (const auto& subject : curriculum_subjects()) add_methodical(subject, shelf);
    for (const auto& periodical : periodicals()) add_periodical(periodical, today, shelf);
    buy_class_sets(shelf);
    add_copies(shelf);
}

}  // namespace kitap::core::demo
