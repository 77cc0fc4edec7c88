// SPDX-License-Identifier: MIT
// Output files: written whole through a temporary file, folders made when missing, modes as the umask says;
// devices and FIFOs written straight into and never replaced; folders, sockets, block devices and links to
// them refused (O522). Device nodes are made only inside the test's own folder, never the real /dev/null.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
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
    static mode_t kind(const fs::path& p) {
        struct stat st {};
        EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
        return st.st_mode & S_IFMT;
    }
    /// A device node of the test's own (needs root): `type` S_IFCHR or S_IFBLK. Empty when not allowed.
    fs::path device(const std::string& name, mode_t type, unsigned major_no, unsigned minor_no) const {
        const auto p = dir_ / name;
        if (::mknod(p.c_str(), type | 0600, ::makedev(major_no, minor_no)) != 0) return {};
        return p;
    }
    /// The code of the closeplan::error `write` throws ("" when it throws none).
    static std::string code_of(const std::function<void()>& write) {
        try {
            write();
        } catch (const closeplan::error& e) {
            EXPECT_FALSE(e.diag().hints.empty());
            EXPECT_FALSE(e.diag().where.file.empty());
            return e.diag().code;
        }
        return "";
    }
    /// Reads everything written into the FIFO `p` (made here) while `write` runs.
    static std::string through_fifo(const fs::path& p, const std::function<void()>& write) {
        EXPECT_EQ(::mkfifo(p.c_str(), 0600), 0);
        auto reader = std::async(std::launch::async, [&] { return read(p); });
        write();
        return reader.get();
    }
};

// /dev/null's own numbers (1, 3): writes vanish, as they would into the real one.
TEST_F(OutputFiles, ACharacterDeviceIsWrittenStraightAndStaysADevice) {
    const auto null = device("null", S_IFCHR, 1, 3);
    if (null.empty()) GTEST_SKIP() << "mknod needs root";
    write_output_file(null.string(), "BEGIN:VCALENDAR");
    write_into_folder(null.string(), "plan.md", "# Plan");
    streamed_output index(null.string());
    index.write("<html>");
    index.commit();
    EXPECT_EQ(kind(null), S_IFCHR);
    EXPECT_EQ(entries(dir_), 1u);  // no temporary beside it
}

// Without root: a link of the test's own to /dev/null. A writer that renamed
// over the path would replace the link in the test's folder, never /dev/null.
TEST_F(OutputFiles, ALinkToDevNullIsWrittenStraightAndStaysALink) {
    const auto link = dir_ / "null";
    fs::create_symlink("/dev/null", link);
    write_output_file(link.string(), "BEGIN:VCALENDAR");
    write_into_folder(link.string(), "plan.md", "# Plan");
    streamed_output index(link.string());
    index.write("<html>");
    index.commit();
    EXPECT_EQ(kind(link), S_IFLNK);
    EXPECT_EQ(fs::read_symlink(link), fs::path("/dev/null"));
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, ABlockDeviceIsRefusedAndLeftAsItWas) {
    const auto disk = device("loop", S_IFBLK, 7, 200);
    if (disk.empty()) GTEST_SKIP() << "mknod needs root";
    EXPECT_EQ(code_of([&] { write_output_file(disk.string(), "x"); }), "O522");
    EXPECT_EQ(code_of([&] { write_into_folder(disk.string(), "plan.md", "x"); }), "O522");
    EXPECT_EQ(code_of([&] { streamed_output report(disk.string()); }), "O522");
    EXPECT_EQ(kind(disk), S_IFBLK);
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, AFifoIsWrittenStraightAndStaysAFifo) {
    const auto pipe = dir_ / "pipe";
    EXPECT_EQ(through_fifo(pipe, [&] { write_output_file(pipe.string(), "calendar"); }), "calendar");
    EXPECT_EQ(kind(pipe), S_IFIFO);
    fs::remove(pipe);
    EXPECT_EQ(through_fifo(pipe, [&] { write_into_folder(pipe.string(), "plan.md", "# Plan"); }), "# Plan");
    fs::remove(pipe);
    EXPECT_EQ(through_fifo(pipe,
                           [&] {
                               streamed_output errors(pipe.string());
                               errors.write("row,code\n");
                               errors.write("2,B705\n");
                               errors.commit();
                           }),
              "row,code\n2,B705\n");
    EXPECT_EQ(kind(pipe), S_IFIFO);
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, ALinkToAFifoIsWrittenStraightAsDevStdoutIs) {
    const auto pipe = dir_ / "pipe";
    const auto link = dir_ / "stdout";
    fs::create_symlink(pipe, link);
    EXPECT_EQ(through_fifo(pipe, [&] { write_output_file(link.string(), "plan"); }), "plan");
    EXPECT_EQ(kind(link), S_IFLNK);
    EXPECT_EQ(kind(pipe), S_IFIFO);
}

TEST_F(OutputFiles, ASocketIsRefusedAndLeftAsItWas) {
    const auto path = dir_ / "socket";
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    ASSERT_LT(path.string().size(), sizeof address.sun_path);
    std::strcpy(address.sun_path, path.c_str());
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(code_of([&] { write_output_file(path.string(), "x"); }), "O522");
    EXPECT_EQ(code_of([&] { write_into_folder(path.string(), "plan.md", "x"); }), "O522");
    ::close(fd);
    EXPECT_EQ(kind(path), S_IFSOCK);
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, AFolderWhereAFileIsExpectedIsRefused) {
    const auto folder = dir_ / "plan.ics";
    fs::create_directory(folder);
    EXPECT_EQ(code_of([&] { write_output_file(folder.string(), "x"); }), "O522");
    EXPECT_EQ(code_of([&] { streamed_output index(folder.string()); }), "O522");
    EXPECT_EQ(kind(folder), S_IFDIR);
    EXPECT_EQ(entries(folder), 0u);
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, AFileWhereAFolderIsExpectedIsRefused) {
    const auto file = dir_ / "plan.yaml";
    write_output_file(file.string(), "closeplan: 1\n");
    EXPECT_EQ(code_of([&] { write_into_folder(file.string(), "plan.md", "x"); }), "O522");
    EXPECT_EQ(code_of([&] { prepare_output_folder(file.string()); }), "O522");
    EXPECT_EQ(read(file), "closeplan: 1\n");
    prepare_output_folder((dir_ / "out" / "deals").string());
    EXPECT_EQ(kind(dir_ / "out" / "deals"), S_IFDIR);
}

TEST_F(OutputFiles, ALinkToARegularFileReplacesItsTargetAndStaysALink) {
    const auto target = dir_ / "real" / "plan.ics";
    const auto link = dir_ / "plan.ics";
    write_output_file(target.string(), "old");
    fs::create_symlink(target, link);
    write_output_file(link.string(), "new");
    EXPECT_EQ(kind(link), S_IFLNK);
    EXPECT_EQ(read(target), "new");
    streamed_output streamed(link.string());
    streamed.write("streamed");
    streamed.commit();
    EXPECT_EQ(kind(link), S_IFLNK);
    EXPECT_EQ(read(target), "streamed");
    EXPECT_EQ(entries(target.parent_path()), 1u);  // the temporary went beside the target, and is gone
}

TEST_F(OutputFiles, ALinkToNothingOrToAFolderIsRefused) {
    const auto dangling = dir_ / "dangling";
    fs::create_symlink(dir_ / "missing" / "plan.ics", dangling);
    EXPECT_EQ(code_of([&] { write_output_file(dangling.string(), "x"); }), "O522");
    EXPECT_FALSE(fs::exists(dir_ / "missing"));
    const auto to_folder = dir_ / "to-folder";
    fs::create_directory(dir_ / "folder");
    fs::create_symlink(dir_ / "folder", to_folder);
    EXPECT_EQ(code_of([&] { write_output_file(to_folder.string(), "x"); }), "O522");
    EXPECT_EQ(kind(to_folder), S_IFLNK);
    EXPECT_EQ(entries(dir_ / "folder"), 0u);
}

TEST_F(OutputFiles, AStreamedFileNeverCommittedLeavesNothing) {
    const auto target = dir_ / "index.html";
    {
        streamed_output index(target.string());
        index.write(std::string(100000, 'x'));  // past the buffer: some of it reached the temporary
    }
    EXPECT_EQ(entries(dir_), 0u);
}

TEST_F(OutputFiles, OwnBookkeepingIsNeverFollowedThroughALink) {
    const auto elsewhere = dir_ / "passwd";
    write_output_file(elsewhere.string(), "root:x:0:0\n");
    const auto manifest = dir_ / ".closeplan-batch.manifest";
    fs::create_symlink(elsewhere, manifest);
    EXPECT_EQ(code_of([&] { ::close(open_own_file_to_append(manifest.string(), true)); }), "O522");
    EXPECT_EQ(read(elsewhere), "root:x:0:0\n");
    fs::remove(manifest);
    const int fd = open_own_file_to_append(manifest.string(), true);
    ASSERT_GE(fd, 0);
    ::close(fd);
    EXPECT_EQ(kind(manifest), S_IFREG);
}

TEST_F(OutputFiles, MissingFoldersAreMadeAndNoTemporaryIsLeft) {
    const auto target = dir_ / "a" / "b" / "plan.html";
    write_output_file(target.string(), "<p>one</p>");
    EXPECT_EQ(read(target), "<p>one</p>");
    EXPECT_EQ(entries(target.parent_path()), 1u);
}

TEST_F(OutputFiles, AnExistingFileIsReplacedWhole) {
    const auto target = dir_ / "plan.md";
    write_output_file(target.string(), std::string(10000, 'x'));
    write_output_file(target.string(), "short");
    EXPECT_EQ(read(target), "short");
    EXPECT_EQ(entries(dir_), 1u);
}

TEST_F(OutputFiles, ModeIsAnOrdinaryFileLessTheUmask) {
    const mode_t old = ::umask(027);
    write_output_file((dir_ / "plan.pdf").string(), "%PDF");
    ::umask(old);
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "plan.pdf").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(OutputFiles, AnUnwritablePlaceIsO520AndLeavesNothing) {
    write_output_file((dir_ / "file").string(), "x");
    try {
        write_output_file((dir_ / "file" / "plan.html").string(), "y");  // a file where a folder should be
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "O520");
        EXPECT_NE(e.diag().message.find("plan.html"), std::string::npos);
        EXPECT_FALSE(e.diag().hints.empty());
    }
    EXPECT_EQ(entries(dir_), 1u);
}

}  // namespace
}  // namespace closeplan::cli
