#include "kiosk/answers/lookup_answers.hpp"

#include "tests/kiosk/answers/answers_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using nlohmann::json;

json json_of(const answers::AnswerOr& answer) {
    EXPECT_TRUE(answer.has_value()) << (answer ? "" : answer.error().message);
    return answer ? std::get<json>(*answer) : json();
}

class LookupAnswers : public AnswersFixture {};

TEST_F(LookupAnswers, StatsCountReadersTitlesAndLoans) {
    add_small_school();
    add_reader("30000010", "Teacher One", core::ReaderCategory::teacher);
    const auto in_march = json_of(answers::stats_answer(context()));
    EXPECT_EQ(in_march["readers"], (json{{"other", 0}, {"pupil", 2}, {"staff", 0}, {"teacher", 1}}));
    EXPECT_EQ(in_march["titles"], 2);
    EXPECT_EQ(in_march["copies"], 2);
    EXPECT_EQ(in_march["title_stock"], 30);
    EXPECT_EQ(in_march["open_loans"], 2);
    EXPECT_EQ(in_march["overdue_loans"], 0);
    const core::Date june{std::chrono::year{2024}, std::chrono::month{6}, std::chrono::day{10}};
    EXPECT_EQ(json_of(answers::stats_answer(context(june)))["overdue_loans"], 2) << "both were due 31 May";
}

TEST_F(LookupAnswers, ReaderShowsWhatTheyHold) {
    add_small_school();
    const auto reader = json_of(answers::reader_answer(context(), "20000014"));
    EXPECT_EQ(reader["name"], "Pupil 20000014");
    EXPECT_EQ(reader["category"], "pupil");
    EXPECT_EQ(reader["class"], "5Ә");
    EXPECT_EQ(reader["status"], "active");
    ASSERT_EQ(reader["loans"].size(), 2u);
    for (const auto& loan : reader["loans"]) EXPECT_EQ(loan["due"], "2024-05-31");
}

TEST_F(LookupAnswers, AnUnknownCardIsNotFound) {
    add_small_school();
    const auto answer = answers::reader_answer(context(), "99999999");
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, answers::ProblemKind::not_found);
    EXPECT_EQ(answer.error().code, "unknown_reader");
    EXPECT_EQ(answer.error().message, "No reader has card 99999999.");
}

TEST_F(LookupAnswers, AReadersHistoryOnlyWhenAsked) {
    add_small_school();
    give_back(lend(pupil, novel, 1, add_copy("10000033", novel)), "2023-10-02T09:00:00Z", "good");
    EXPECT_FALSE(json_of(answers::reader_answer(context(), "20000014")).contains("history")) << "as the CLI prints it";
    const auto reader = json_of(answers::reader_answer(context(), "20000014", 20));
    ASSERT_EQ(reader["history"].size(), 3u);
    const auto returned = std::find_if(reader["history"].begin(), reader["history"].end(),
                                       [](const json& line) { return line["code"] == "10000033"; });
    ASSERT_NE(returned, reader["history"].end());
    EXPECT_EQ((*returned)["loaned"], "2023-09-02");
    EXPECT_EQ((*returned)["returned"], "2023-10-02");
    EXPECT_EQ((*returned)["title"], "Title " + isbn(1));
    EXPECT_EQ(json_of(answers::reader_answer(context(), "20000014", 1))["history"].size(), 1u);
}

TEST_F(LookupAnswers, ReaderSearchByNameOrCardWithinATeachersClasses) {
    add_small_school();
    add_reader("30000010", "Смирнова Ольга", core::ReaderCategory::teacher);
    const auto found = json_of(answers::reader_search_answer(context(), "  ольга ", std::nullopt));
    EXPECT_EQ(found, json::parse(R"([{"card":"30000010","name":"Смирнова Ольга","class":null,
                                      "category":"teacher","status":"active"}])"));
    EXPECT_EQ(json_of(answers::reader_search_answer(context(), "pupil", std::nullopt)).size(), 2u);
    const auto theirs = std::vector<std::string>{"5Ә"};
    EXPECT_EQ(json_of(answers::reader_search_answer(context(), "2000", theirs)).size(), 2u);
    EXPECT_TRUE(json_of(answers::reader_search_answer(context(), "3000", theirs)).empty()) << "not a pupil of theirs";
    for (const auto& text : std::vector<std::string>{"", "   ", std::string(201, 'a'), "\xff"}) {
        const auto refused = answers::reader_search_answer(context(), text, std::nullopt);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, "bad_query");
    }
}

TEST_F(LookupAnswers, ATitlesCopiesAndWhereEachIs) {
    add_small_school();
    const auto copies = json_of(answers::title_copies_answer(context(), isbn(1)));
    EXPECT_EQ(copies, json::parse(R"([
        {"code":"10000017","status":"on_loan","shelf":"A-1","holder":"20000014","holder_name":"Pupil 20000014",
         "due":"2024-05-31"},
        {"code":"10000025","status":"available","shelf":"A-2","holder":null,"holder_name":null,"due":null}])"));
    EXPECT_EQ(json_of(answers::title_copies_answer(context(), isbn(2))), json::array()) << "counted by title";
    const auto unknown = answers::title_copies_answer(context(), isbn(9));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, answers::ProblemKind::not_found);
    EXPECT_EQ(unknown.error().code, "unknown_title");
}

TEST_F(LookupAnswers, ItemIsACopyWithItsHolderOrATitle) {
    add_small_school();
    const auto copy = json_of(answers::item_answer(context(), "10000017"));
    EXPECT_EQ(copy["kind"], "copy");
    EXPECT_EQ(copy["status"], "on_loan");
    EXPECT_EQ(copy["holder"], "20000014");
    EXPECT_TRUE(json_of(answers::item_answer(context(), "10000025"))["holder"].is_null());
    const auto title = json_of(answers::item_answer(context(), isbn(2)));
    EXPECT_EQ(title["kind"], "title");
    EXPECT_EQ(title["stock"], 30);
    EXPECT_EQ(title["on_loan"], 2);
    EXPECT_EQ(title["free"], 28);
    const auto unknown = answers::item_answer(context(), "nothing");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, answers::ProblemKind::not_found);
    EXPECT_EQ(unknown.error().code, "unknown_item");
}

TEST_F(LookupAnswers, ClassReadersListPupilsWithWhatEachHolds) {
    add_small_school();
    const auto pupils = json_of(answers::class_readers_answer(context(), "5 ә"));
    EXPECT_EQ(pupils["class"], "5Ә") << "the class as the school writes it";
    ASSERT_EQ(pupils["pupils"].size(), 2u);
    EXPECT_EQ(pupils["pupils"][0]["card"], "20000014");
    EXPECT_EQ(pupils["pupils"][0]["class"], "5Ә");
    EXPECT_EQ(pupils["pupils"][0]["holds"], 3) << "a copy and two textbooks";
    EXPECT_EQ(pupils["pupils"][1]["holds"], 0);
    for (const char* key : {"name", "set_needed", "set_held", "complete", "missing"})
        EXPECT_TRUE(pupils["pupils"][0].contains(key)) << key;
}

TEST_F(LookupAnswers, ClassReadersRefuseAMalformedOrMissingClass) {
    add_small_school();
    const auto malformed = answers::class_readers_answer(context(), "five");
    ASSERT_FALSE(malformed);
    EXPECT_EQ(malformed.error().kind, answers::ProblemKind::bad_request);
    EXPECT_EQ(malformed.error().code, "bad_class");
    const auto missing = answers::class_readers_answer(context(), "7Б");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, answers::ProblemKind::not_found);
    EXPECT_EQ(missing.error().code, "unknown_class");
    EXPECT_NE(missing.error().message.find("7Б"), std::string::npos) << missing.error().message;
}

class CatalogSearch : public AnswersFixture {
protected:
    void SetUp() override {
        add_small_school();
        db().exec("UPDATE title SET title = 'ӘЛІППЕ', authors = 'Ыбырай Алтынсарин' WHERE id = " +
                  std::to_string(textbook));
        db().exec("UPDATE title SET title = 'Абай жолы', authors = 'Мұхтар Әуезов' WHERE id = " +
                  std::to_string(novel));
    }
    json search(const std::string& text) { return json_of(answers::catalog_search_answer(context(), text)); }
};

TEST_F(CatalogSearch, FindsKazakhTitlesAndAuthorsWhateverTheirCase) {
    const auto found = search("әліппе");
    ASSERT_EQ(found["titles"].size(), 1u);
    EXPECT_EQ(found["titles"][0]["title"], "ӘЛІППЕ");
    EXPECT_EQ(found["titles"][0]["author"], "Ыбырай Алтынсарин");
    EXPECT_EQ(found["titles"][0]["kind"], "textbook");
    EXPECT_EQ(search("  ӘУЕЗОВ ")["titles"][0]["title"], "Абай жолы") << "trimmed, by author, capitals";
    EXPECT_EQ(search("мұх")["titles"].size(), 1u) << "a word's beginning is enough";
    EXPECT_TRUE(search("Толстой")["titles"].empty());
}

TEST_F(CatalogSearch, FindsAnIsbnTypedWithHyphens) {
    const auto code = isbn(2);
    const auto found = search(code.substr(0, 3) + "-" + code.substr(3, 3) + "-" + code.substr(6));
    ASSERT_EQ(found["titles"].size(), 1u);
    EXPECT_EQ(found["titles"][0]["isbn"], code);
}

TEST_F(CatalogSearch, CountsFreeCopiesAndShelvesButNeverHolders) {
    const auto novel_entry = search("абай")["titles"][0];
    EXPECT_EQ(novel_entry["total"], 2);
    EXPECT_EQ(novel_entry["available"], 1) << "one copy is lent";
    EXPECT_EQ(novel_entry["shelf"], (json{"A-1", "A-2"}));
    const auto textbook_entry = search("әліппе")["titles"][0];
    EXPECT_EQ(textbook_entry["total"], 30);
    EXPECT_EQ(textbook_entry["available"], 28);
    EXPECT_EQ(textbook_entry["shelf"], json::array());
    const auto everything = search("а").dump();
    EXPECT_EQ(everything.find("20000014"), std::string::npos) << everything;
    EXPECT_EQ(everything.find("Pupil"), std::string::npos) << everything;
}

TEST_F(CatalogSearch, RefusesAnEmptyOrOverlongText) {
    for (const std::string& text : {std::string("   "), std::string(201, 'a'), std::string("\xff\xfe")}) {
        const auto answer = answers::catalog_search_answer(context(), text);
        ASSERT_FALSE(answer) << text;
        EXPECT_EQ(answer.error().kind, answers::ProblemKind::bad_request);
        EXPECT_EQ(answer.error().code, "bad_query");
    }
}

TEST_F(CatalogSearch, TakesWildcardsAsText) {
    EXPECT_TRUE(search("%")["titles"].empty());
    EXPECT_TRUE(search("_")["titles"].empty());
}

}  // namespace
}  // namespace kitap::testing
