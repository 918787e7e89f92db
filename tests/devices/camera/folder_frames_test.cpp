#include "devices/camera/folder_frames.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <fstream>

namespace kitap::devices {
namespace {

using kitap::testing::TempDir;

TEST(FolderFrames, ListsImagesByNameWhateverTheCaseOfTheirExtension) {
    TempDir dir;
    for (const auto* name : {"b.PNG", "a.jpg", "c.txt", "d.jpeg"}) std::ofstream(dir / name) << "x";
    std::filesystem::create_directories(dir / "e.png");  // a folder, not a frame
    const auto files = FolderFrames::list_images(dir.path());
    ASSERT_TRUE(files);
    ASSERT_EQ(files->size(), 3u);
    EXPECT_EQ((*files)[0].filename(), "a.jpg");
    EXPECT_EQ((*files)[1].filename(), "b.PNG");
    EXPECT_EQ((*files)[2].filename(), "d.jpeg");
    EXPECT_FALSE(FolderFrames::list_images(dir / "missing"));
}

TEST(FolderFrames, GivesAnEmptyFrameForAFileThatIsNoImage) {
    TempDir dir;
    cv::imwrite((dir / "0.png").string(), cv::Mat(4, 4, CV_8UC3, cv::Scalar(1, 2, 3)));
    std::ofstream(dir / "1.png") << "broken";
    FolderFrames frames(*FolderFrames::list_images(dir.path()), 0);
    EXPECT_DOUBLE_EQ(frames.fps(), 10);
    auto first = frames.next();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->size(), cv::Size(4, 4));
    auto second = frames.next();
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->empty());
    EXPECT_FALSE(frames.next());
}

}  // namespace
}  // namespace kitap::devices
