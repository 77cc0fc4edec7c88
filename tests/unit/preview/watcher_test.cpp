// SPDX-License-Identifier: MIT
// The file watcher: a write in place, a save by rename, other files ignored, stop().
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "preview/watcher.hpp"

namespace closeplan::preview {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct WatcherTest : ::testing::Test {
    fs::path dir;
    void SetUp() override {
        dir = fs::temp_directory_path() / ("closeplan-watch-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir / "templates");
        write(dir / "plan.yaml", "a");
    }
    void TearDown() override { fs::remove_all(dir); }
    static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
};

TEST_F(WatcherTest, WriteInPlace) {
    diagnostic_sink diags;
    file_watcher watcher(diags);
    watcher.watch({(dir / "plan.yaml").string()}, {}, diags);
    ASSERT_TRUE(diags.all().empty());
    std::thread writer([&] {
        std::this_thread::sleep_for(50ms);
        write(dir / "other.txt", "not watched");
        write(dir / "plan.yaml", "b");
    });
    const auto changed = watcher.wait_for_change(50ms, 1000ms);
    writer.join();
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(fs::path(changed.front()).filename(), "plan.yaml");
}

TEST_F(WatcherTest, SaveByRename) {
    diagnostic_sink diags;
    file_watcher watcher(diags);
    watcher.watch({(dir / "plan.yaml").string()}, {}, diags);
    std::thread writer([&] {
        std::this_thread::sleep_for(50ms);
        write(dir / ".plan.yaml.swp", "c");
        fs::rename(dir / ".plan.yaml.swp", dir / "plan.yaml");
    });
    const auto changed = watcher.wait_for_change(50ms, 1000ms);
    writer.join();
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(fs::path(changed.front()).filename(), "plan.yaml");
}

TEST_F(WatcherTest, AnyFileOfAWatchedFolder) {
    diagnostic_sink diags;
    file_watcher watcher(diags);
    watcher.watch({(dir / "plan.yaml").string()}, {(dir / "templates").string()}, diags);
    std::thread writer([&] {
        std::this_thread::sleep_for(50ms);
        write(dir / "templates" / "buyer-plan.html.mustache", "x");
    });
    const auto changed = watcher.wait_for_change(50ms, 1000ms);
    writer.join();
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(fs::path(changed.front()).filename(), "buyer-plan.html.mustache");
}

TEST_F(WatcherTest, StopEndsTheWait) {
    diagnostic_sink diags;
    file_watcher watcher(diags);
    watcher.watch({(dir / "plan.yaml").string()}, {}, diags);
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        watcher.stop();
    });
    EXPECT_TRUE(watcher.wait_for_change(50ms, 1000ms).empty());
    stopper.join();
}

TEST_F(WatcherTest, MissingFolderIsLocatedWarning) {
    diagnostic_sink diags;
    file_watcher watcher(diags);
    watcher.watch({(dir / "gone" / "logo.png").string()}, {}, diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all().front().code, "O561");
    EXPECT_EQ(diags.all().front().level, severity::warning);
    EXPECT_NE(diags.all().front().where.file.find("logo.png"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::preview
