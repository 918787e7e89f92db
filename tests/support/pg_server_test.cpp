#include "tests/support/pg_server.hpp"

#include "tests/support/shell.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace kitap::testing {
namespace {

// What `psql -Atc QUERY` prints, or nullopt when it fails (a server that is down).
std::optional<std::string> ask(const TempDir& folder, const PgServer& server, const std::string& query) {
    const auto output = folder / "psql.out";
    const int code = run(quoted(PgServer::program("psql")) + " -X " + quoted(server.conninfo()) + " -Atc " +
                         quoted(query) + " > " + quoted(output) + " 2>&1");
    if (code != 0) return std::nullopt;
    return slurp(output);
}

TEST(PgServerTest, AnswersRefusesOnceKilledAndRecoversItsCommitsOnStart) {
    TempDir folder;
    PgServer server(folder.path());
    EXPECT_EQ(ask(folder, server, "select 41 + 1"), "42\n");
    ASSERT_TRUE(ask(folder, server, "create table loans (id int); insert into loans values (7)"));

    server.kill_now();
    EXPECT_EQ(ask(folder, server, "select 41 + 1"), std::nullopt);

    server.start();
    EXPECT_EQ(ask(folder, server, "select 41 + 1"), "42\n");
    EXPECT_EQ(ask(folder, server, "select id from loans"), "7\n");
}

TEST(PgServerTest, StartsAgainAfterACleanStop) {
    TempDir folder;
    PgServer server(folder.path());
    server.stop();
    EXPECT_EQ(ask(folder, server, "select 1"), std::nullopt);
    server.start();
    EXPECT_EQ(ask(folder, server, "select current_user"), "kitap\n");
}

}  // namespace
}  // namespace kitap::testing
