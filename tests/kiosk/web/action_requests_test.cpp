#include "kiosk/web/action_requests.hpp"

#include <gtest/gtest.h>

namespace kitap::web {
namespace {

TEST(ActionRequests, AnImportViewsTheBodyWithItsNameAndSheets) {
    const std::string body = "card,name\n1,A\n";
    const auto request = parse_import_request(
        "readers", {{"dry_run", "1"}, {"filename", "5Ә.csv"}, {"sheet", "2"}, {"all_sheets", "0"}}, body);
    ASSERT_TRUE(request) << request.error().message;
    EXPECT_EQ(request->kind, answers::ImportKind::readers);
    EXPECT_TRUE(request->dry_run);
    EXPECT_FALSE(request->all_sheets);
    EXPECT_EQ(request->sheet, "2");
    const auto& file = std::get<answers::UploadedFile>(request->file);
    EXPECT_EQ(file.name, "5Ә.csv");
    EXPECT_EQ(file.bytes.data(), body.data()) << "20 MB are not copied";
    EXPECT_EQ(std::get<answers::UploadedFile>(parse_import_request("catalog", {}, body)->file).name, "upload");
    EXPECT_EQ(std::get<answers::UploadedFile>(parse_import_request("catalog", {{"filename", ""}}, body)->file).name,
              "upload")
        << "an empty parameter is as if left out";
    EXPECT_EQ(parse_import_request("books", {}, body).error().message,
              "no such import: books (readers, catalog or curriculum)");
    EXPECT_EQ(parse_import_request("readers", {{"dry_run", "yes"}}, body).error().message,
              "parameter \"dry_run\" must be 1 or 0");
    EXPECT_FALSE(parse_import_request("readers", {{"filename", std::string(300, 'a')}}, body));
    EXPECT_FALSE(parse_import_request("readers", {}, ""));
}

TEST(ActionRequests, AClassSetNeedsItsClass) {
    const auto request = parse_issue_set(R"({"class":"5Ә","title":"9786010000001","dry_run":true})");
    ASSERT_TRUE(request);
    EXPECT_EQ(request->class_name, "5Ә");
    EXPECT_EQ(request->isbn, "9786010000001");
    EXPECT_TRUE(request->dry_run);
    EXPECT_FALSE(parse_issue_set(R"({"class":"5Ә"})")->isbn);
    EXPECT_FALSE(parse_issue_set(R"({"class":"5Ә","title":null})")->isbn) << "null is as left out";
    EXPECT_EQ(parse_issue_set(R"({"title":"1"})").error().message, "\"class\" is missing");
    EXPECT_EQ(parse_issue_set(R"({"class":"5Ә","dry_run":"yes"})").error().message,
              "\"dry_run\" must be true or false");
}

TEST(ActionRequests, CountsAreWholeNumbersFromOne) {
    EXPECT_EQ(parse_return(R"({"card":"1","isbn":"2"})")->count, 1) << "one, as the CLI's default";
    EXPECT_EQ(parse_return(R"({"card":"1","isbn":"2","count":3,"condition":"worn"})")->count, 3);
    for (const auto* count : {"0", "-1", "1.5", "\"2\"", "100001", "18446744073709551615"})
        EXPECT_EQ(parse_return(std::string(R"({"card":"1","isbn":"2","count":)") + count + "}").error().message,
                  "\"count\" must be a whole number from 1 to 100000")
            << count;
    EXPECT_EQ(parse_settle(R"({"card":"1","id":7,"as":"waived"})")->id, 7);
    EXPECT_FALSE(parse_settle(R"({"card":"1","id":0})"));
}

TEST(ActionRequests, AReceiptsPriceAsTypedOrANumber) {
    const auto typed = parse_receive(R"({"isbn":"1","count":2,"price":"1 500,50","source":"Waybill"})");
    ASSERT_TRUE(typed);
    EXPECT_EQ(typed->price, "1 500,50");
    EXPECT_EQ(typed->count, 2);
    EXPECT_EQ(parse_receive(R"({"isbn":"1","copies":["10000033"],"price":2000})")->price, "2000");
    EXPECT_EQ(parse_receive(R"({"isbn":"1","copies":["10000033"],"price":2000})")->copies,
              std::vector<std::string>{"10000033"});
    EXPECT_EQ(parse_receive(R"({"isbn":"1","count":2})").error().message, "\"price\" is missing");
    EXPECT_FALSE(parse_receive(R"({"isbn":"1","copies":"10000033","price":1})"));
    EXPECT_FALSE(parse_receive(R"({"isbn":"1","copies":[""],"price":1})"));
    std::string many = R"({"isbn":"1","price":1,"copies":[)";
    for (int i = 0; i <= static_cast<int>(max_listed); ++i) many += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
    EXPECT_FALSE(parse_receive(many + "]}"));
}

TEST(ActionRequests, AWriteOffNamesATitleOrCopiesNotBoth) {
    const auto request = parse_writeoff(R"({"reason":"worn","isbn":"1","count":2,"act":""})");
    ASSERT_TRUE(request);
    EXPECT_EQ(request->act, "") << "an empty act is a new one";
    EXPECT_EQ(parse_writeoff(R"({"reason":"lost","copies":["1","2"]})")->copies.size(), 2u);
    EXPECT_EQ(parse_writeoff(R"({"reason":"lost","isbn":"1","copies":["1"]})").error().message,
              "give \"isbn\" and \"count\", or \"copies\": not both");
}

TEST(ActionRequests, TheYearsActionsTakeTheirDefaults) {
    EXPECT_EQ(parse_stocktake_start("{}")->scope, "all");
    EXPECT_EQ(parse_stocktake_start(R"({"scope":""})")->scope, "all");
    EXPECT_EQ(parse_stocktake_start(R"({"scope":"shelf:A-1"})")->scope, "shelf:A-1");
    const auto close = parse_year_close(R"({"dry_run":true,"early":false,"year":"2023-2024"})");
    ASSERT_TRUE(close);
    EXPECT_TRUE(close->dry_run);
    EXPECT_FALSE(close->early);
    EXPECT_EQ(close->year, "2023-2024");
    EXPECT_FALSE(parse_year_close("[]"));
    EXPECT_FALSE(parse_year_close(R"({"year":2024})"));
}

}  // namespace
}  // namespace kitap::web
