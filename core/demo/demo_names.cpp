#include "core/demo/demo_names.hpp"

#include <initializer_list>
#include <span>
#include <string_view>

namespace kitap::core::demo {
namespace {

using Names = std::span<const std::string_view>;

// Surnames in their masculine form; the feminine one is derived.
constexpr std::string_view kazakh_surnames[] = {
    "Қасымов",      "Жақсыбеков", "Әбдірахманов", "Сейітқалиев", "Нұрпейісов",    "Омаров",     "Бекмұхамбетов",
    "Құрманғалиев", "Әлібеков",   "Төлеуов",      "Мұқанов",     "Серікбаев",     "Жұмабаев",   "Оспанов",
    "Тоқтаров",     "Ахметов",    "Исабеков",     "Байжанов",    "Шәкенов",       "Қожахметов", "Өтепов",
    "Үсенов",       "Ізбасаров",  "Рахымжанов",   "Ғабдуллин",   "Нұрмағанбетов", "Сәрсенбаев", "Жанұзақов",
    "Ержанов",      "Дүйсенов",   "Тұрсынов",     "Ермеков",     "Қалиев",        "Мұсабаев",   "Есенов",
    "Смағұлов",     "Әміров",     "Бейсенов",     "Қуанышев",    "Тәжібаев",      "Өмірбеков",  "Сұлтанов",
    "Мақашев",      "Жүнісов",    "Ыбыраев",      "Нұғманов",    "Сағындықов",    "Әубәкіров",  "Қайыржанов",
    "Бекетов"};
constexpr std::string_view kazakh_boys[] = {
    "Ерасыл",  "Нұрсұлтан", "Әлихан",   "Ернұр", "Темірлан", "Арнұр",  "Жәнібек",  "Алихан",      "Мирас", "Ерхан",
    "Дархан",  "Бекзат",    "Нұрислам", "Ақжол", "Абылай",   "Әділет", "Санжар",   "Ілияс",       "Ұлан",  "Айбек",
    "Нұрбол",  "Қуаныш",    "Данияр",   "Тимур", "Әмір",     "Елнұр",  "Мағжан",   "Рауан",       "Ислам", "Батыр",
    "Асылжан", "Ерқанат",   "Бауыржан", "Өркен", "Еламан",   "Шыңғыс", "Мұхаммед", "Құдайберген", "Айдос", "Жансерік"};
constexpr std::string_view kazakh_girls[] = {
    "Әлия",    "Айгерім", "Аружан", "Ақбота", "Назерке", "Жансая",  "Дана",   "Аяулым", "Інжу",     "Гүлнұр",
    "Мөлдір",  "Томирис", "Айша",   "Әсел",   "Балнұр",  "Ұлжан",   "Гауһар", "Дариға", "Қарлығаш", "Шұғыла",
    "Еркежан", "Сезім",   "Нұрай",  "Іңкәр",  "Ақерке",  "Айару",   "Көркем", "Үміт",   "Жұлдыз",   "Күнсұлу",
    "Мадина",  "Зарина",  "Аида",   "Жанель", "Ботагөз", "Әйгерім", "Нұрсая", "Ақниет", "Меруерт",  "Әмина"};
constexpr std::string_view kazakh_men[] = {
    "Ерлан",  "Нұрлан", "Серік",   "Қайрат", "Бауыржан", "Марат",    "Асқар",    "Дәурен",  "Ерболат",    "Талғат",
    "Жандос", "Мұрат",  "Ержан",   "Ғалым",  "Сәкен",    "Бақытжан", "Нұрболат", "Өмірзақ", "Құрманғазы", "Қанат",
    "Арман",  "Болат",  "Жасұлан", "Мейрам", "Еркін",    "Серғазы",  "Темірхан", "Әділбек"};
constexpr std::string_view kazakh_women[] = {
    "Гүлнар",   "Сәуле",   "Жанар",  "Бақыт",  "Айгүл",  "Ботагөз", "Динара",  "Меруерт", "Қарлығаш", "Алма",
    "Нұржамал", "Гүлмира", "Әсем",   "Ләззат", "Райхан", "Жанат",   "Ұлбосын", "Шолпан",  "Күләш",    "Салтанат",
    "Ақмарал",  "Гауһар",  "Мәншүк", "Сәбира", "Әлия",   "Айжан",   "Зәуре",   "Бибігүл"};

constexpr std::string_view russian_surnames[] = {
    "Иванов",    "Петров",    "Смирнов",   "Кузнецов", "Попов",      "Васильев", "Соколов",    "Михайлов", "Новиков",
    "Фёдоров",   "Морозов",   "Волков",    "Алексеев", "Лебедев",    "Семёнов",  "Егоров",     "Павлов",   "Козлов",
    "Степанов",  "Николаев",  "Орлов",     "Андреев",  "Макаров",    "Никитин",  "Захаров",    "Зайцев",   "Соловьёв",
    "Борисов",   "Яковлев",   "Григорьев", "Романов",  "Воробьёв",   "Сергеев",  "Ковальский", "Шевченко", "Бондаренко",
    "Ким",       "Пак",       "Шмидт",     "Вагнер",   "Гончаренко", "Литвинов", "Белоусов",   "Тарасов",  "Ткаченко",
    "Кравченко", "Мельников", "Гусев",     "Чернов",   "Беляев"};
constexpr std::string_view russian_boys[] = {
    "Александр", "Максим", "Артём",   "Дмитрий", "Иван",    "Кирилл",    "Михаил",  "Даниил", "Егор",    "Никита",
    "Илья",      "Матвей", "Тимофей", "Роман",   "Андрей",  "Владислав", "Арсений", "Глеб",   "Денис",   "Лев",
    "Марк",      "Павел",  "Степан",  "Фёдор",   "Ярослав", "Алексей",   "Богдан",  "Вадим",  "Георгий", "Тимур"};
constexpr std::string_view russian_girls[] = {"Мария",   "Анна",      "Анастасия", "Дарья",    "Софья",     "Виктория",
                                              "Полина",  "Елизавета", "Алина",     "Ксения",   "Екатерина", "Валерия",
                                              "Варвара", "Алиса",     "Вероника",  "Ульяна",   "Милана",    "Ева",
                                              "Арина",   "Кристина",  "Диана",     "Яна",      "Маргарита", "Василиса",
                                              "Таисия",  "Злата",     "Юлия",      "Ангелина", "Есения",    "Амелия"};
constexpr std::string_view russian_men[] = {"Сергей",   "Александр", "Владимир", "Андрей",   "Виктор",
                                            "Николай",  "Игорь",     "Олег",     "Михаил",   "Павел",
                                            "Юрий",     "Евгений",   "Дмитрий",  "Алексей",  "Константин",
                                            "Геннадий", "Валерий",   "Анатолий", "Вячеслав", "Василий"};
constexpr std::string_view russian_women[] = {
    "Ольга", "Елена", "Татьяна",   "Наталья", "Светлана", "Ирина", "Людмила", "Галина",    "Марина", "Оксана",
    "Юлия",  "Анна",  "Екатерина", "Лариса",  "Надежда",  "Вера",  "Любовь",  "Валентина", "Алла",   "Инна"};
// A father's name as it starts the patronymic: "Сергеев" + "ич" / "на".
constexpr std::string_view russian_patronymic_stems[] = {
    "Александров", "Сергеев", "Дмитриев", "Андреев",   "Алексеев",  "Владимиров", "Викторов",
    "Николаев",    "Игорев",  "Олегов",   "Михайлов",  "Павлов",    "Юрьев",      "Евгеньев",
    "Петров",      "Иванов",  "Васильев", "Анатольев", "Геннадьев", "Валерьев",   "Константинов",
    "Вячеславов",  "Романов", "Максимов", "Денисов"};

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
    for (const auto ending : endings)
        if (word.ends_with(ending)) return true;
    return false;
}

// Иванов -> Иванова, Ғабдуллин -> Ғабдуллина, Ковальский -> Ковальская; Ким, Шевченко stay.
std::string surname_for(std::string_view masculine, Sex sex) {
    std::string name(masculine);
    if (sex == Sex::male) return name;
    if (ends_with_any(masculine, {"ов", "ев", "ёв", "ин"})) return name + "а";
    if (ends_with_any(masculine, {"ий"})) return name.substr(0, name.size() - std::string_view("ий").size()) + "ая";
    return name;
}

Names first_names(ClassLanguage language, Generation generation, Sex sex) {
    const bool kk = language == ClassLanguage::kk;
    if (generation == Generation::child)
        return sex == Sex::male ? (kk ? Names(kazakh_boys) : Names(russian_boys))
                                : (kk ? Names(kazakh_girls) : Names(russian_girls));
    return sex == Sex::male ? (kk ? Names(kazakh_men) : Names(russian_men))
                            : (kk ? Names(kazakh_women) : Names(russian_women));
}

std::string patronymic(ClassLanguage language, Sex sex, DemoRandom& random) {
    if (language == ClassLanguage::kk)
        return std::string(random.pick(Names(kazakh_men))) + (sex == Sex::male ? "ұлы" : "қызы");
    return std::string(random.pick(Names(russian_patronymic_stems))) + (sex == Sex::male ? "ич" : "на");
}

std::string surname(ClassLanguage language, Sex sex, DemoRandom& random) {
    return surname_for(random.pick(language == ClassLanguage::kk ? Names(kazakh_surnames) : Names(russian_surnames)),
                       sex);
}

// The first letter of a UTF-8 word (Cyrillic letters take two bytes).
std::string_view first_letter(std::string_view word) {
    const auto lead = static_cast<unsigned char>(word.front());
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return word.substr(0, length);
}

}  // namespace

std::string person_name(ClassLanguage language, Generation generation, Sex sex, DemoRandom& random) {
    const std::string given(random.pick(first_names(language, generation, sex)));
    const std::string father = patronymic(language, sex, random);
    // Many Kazakh families now register a child under the father's name
    // with -ұлы / -қызы instead of a Russian-style surname; the patronymic then goes.
    if (language == ClassLanguage::kk && random.percent(15)) return father + " " + given;
    return surname(language, sex, random) + " " + given + " " + father;
}

std::string author_list(ClassLanguage language, int count, DemoRandom& random) {
    std::string authors;
    for (int i = 0; i < count; ++i) {
        const Sex sex = random.percent(70) ? Sex::female : Sex::male;
        const std::string given(random.pick(first_names(language, Generation::adult, sex)));
        const std::string father = patronymic(language, sex, random);
        if (i > 0) authors += ", ";
        authors += surname(language, sex, random) + " " + std::string(first_letter(given)) + "." +
                   std::string(first_letter(father)) + ".";
    }
    return authors;
}

}  // namespace kitap::core::demo
