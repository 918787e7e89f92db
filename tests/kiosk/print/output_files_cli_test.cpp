// Documents hold pupils' names: each kind `kitap` writes with --out is the
// owner's only (0600) under the usual umask, and none is written through a link.
#include "support/demo_library.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <iterator>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

// A command writing one kind of document to the file given last.
struct OutputKind {
    std::string name;
    std::vector<std::string> args;
};

std::vector<OutputKind> output_kinds() {
    return {{"reader_cards.pdf", {"labels", "readers", "--class", "5Ә", "--out"}},
            {"debtors.pdf", {"report", "debtors", "--format", "pdf", "--out"}},
            {"debtors.xlsx", {"report", "debtors", "--format", "xlsx", "--out"}},
            {"debtors.csv", {"report", "debtors", "--format", "csv", "--out"}},
            {"debtors.json", {"report", "debtors", "--format", "json", "--out"}},
            {"debtors.txt", {"report", "debtors", "--format", "text", "--out"}}};
}

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class OutputFilesCli : public DemoLibrary {
protected:
    void SetUp() override {
        DemoLibrary::SetUp();
        usual_ = ::umask(022);  // what a librarian's shell has; `kitap` inherits it
    }
    void TearDown() override { ::umask(usual_); }

    CliRun write(const OutputKind& kind, const fs::path& out) {
        auto args = kind.args;
        args.push_back(out.string());
        return kitap(args, "en");
    }

    mode_t usual_ = 0;
};

TEST_F(OutputFilesCli, EveryKindOfDocumentIsTheOwnersOnly) {
    for (const auto& kind : output_kinds()) {
        const auto run = write(kind, file(kind.name));
        ASSERT_EQ(run.exit_code, 0) << kind.name << ": " << run.err;
        EXPECT_GT(fs::file_size(file(kind.name)), 0u) << kind.name;
        EXPECT_EQ(fs::status(file(kind.name)).permissions() & fs::perms::all,
                  fs::perms::owner_read | fs::perms::owner_write)
            << kind.name;
    }
}

TEST_F(OutputFilesCli, NoKindOfDocumentIsWrittenThroughALink) {
    std::ofstream(file("victim.txt")) << "someone else's file";
    for (const auto& kind : output_kinds()) {
        fs::create_symlink(file("victim.txt"), file(kind.name));
        const auto run = write(kind, file(kind.name));
        EXPECT_EQ(run.exit_code, 2) << kind.name;
        EXPECT_NE(run.err.find(file(kind.name).string() + " is a symbolic link"), std::string::npos)
            << kind.name << ": " << run.err;
        EXPECT_TRUE(fs::is_symlink(file(kind.name))) << kind.name;
    }
    EXPECT_EQ(contents(file("victim.txt")), "someone else's file");
}

}  // namespace
}  // namespace kitap::testing
