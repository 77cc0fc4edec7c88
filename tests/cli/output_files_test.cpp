// SPDX-License-Identifier: MIT
// Output files: written whole through a temporary file, folders made when missing, modes as the umask says.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/output_files.hpp"
#include "closeplan/diagnostics.hpp"

namespace closeplan::cli {
namespace {

namespace fs = std::filesystem;

class OutputFiles : public ::testing::Test {
protected:
    fs::path dir_ = fs::temp_directory_path() / ("output_files_test." + std::to_string(::getpid()));
    void SetUp() override { fs::create_directories(dir_); }
    void TearDown() override { fs::remove_all(dir_); }

    static std::string read(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    std::size_t entries(const fs::path& folder) const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
    }
};

TEST_F(OutputFiles, MissingFoldersAreMadeAndNoTemporaryIsLeft) {
    const auto target = dir_ / "a" / "b" / "plan.html";
    write_file_atomically(target.string(), "<p>one</p>");
    EXPECT_EQ(read(target), "<p>one</p>");
    EXPECT_EQ(entries(target.parent_path()), 1u);
}

TEST_F(OutputFiles, AnExistingFileIsReplacedWhole) {
    const auto target = dir_ / "plan.md";
    write_file_atomically(target.string(), std::string(10000, 'x'));
    write_file_atomically(target.string(), "short");
    EXPECT_EQ(read(target), "short");
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, ModeIsAnOrdinaryFileLessTheUmask) {
    const mode_t old = ::umask(027);
    write_file_atomically((dir_ / "plan.pdf").string(), "%PDF");
    ::umask(old);
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "plan.pdf").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(OutputFiles, AnUnwritablePlaceIsO501AndLeavesNothing) {
    write_file_atomically((dir_ / "file").string(), "x");
    try {
        write_file_atomically((dir_ / "file" / "plan.html").string(), "y");  // a file where a folder should be
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "O501");
        EXPECT_NE(e.diag().message.find("plan.html"), std::string::npos);
        EXPECT_FALSE(e.diag().hints.empty());
    }
    EXPECT_EQ(entries(dir_), 1u);
}

}  // namespace
}  // namespace closeplan::cli
