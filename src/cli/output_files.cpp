// SPDX-License-Identifier: MIT
// Writing output files so that a reader never sees a half-written one.
#include "cli/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "closeplan/diagnostics.hpp"

namespace closeplan::cli {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, std::string reason) {
    // System messages start with a capital ("Not a directory"); ours read as one sentence.
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    throw closeplan::error(diagnostic{severity::error, "O501", "cannot write `" + path + "`: " + reason,
                                      source_location{path, 0, 0, {}},
                                      {"check that the output folder exists or can be created, and is writable"}});
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        auto written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// Opens a new temporary file next to the target, ".<name>.tmp-XXXXXX" (the
// shape `batch --resume` clears after a killed run), named from a per-process
// counter mixed with the process id. O_EXCL makes a clash with another
// process or a leftover harmless: the next name is tried. Unlike mkstemp's
// 0600, the file gets 0666 less the umask, as any new document does, so no
// chmod follows: a batch writes tens of thousands of files.
int open_temporary(const fs::path& folder, const std::string& filename, std::string& temp) {
    static std::atomic<std::uint64_t> counter{static_cast<std::uint64_t>(::getpid()) * 104729u};
    static constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int attempt = 0; attempt < 64; ++attempt) {
        auto n = counter.fetch_add(1, std::memory_order_relaxed);
        std::string suffix(6, '0');
        for (auto& c : suffix) {
            c = digits[n % 62];
            n /= 62;
        }
        temp = (folder / ("." + filename + ".tmp-" + suffix)).string();
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
    const fs::path target(path);
    const auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string filename = target.filename().string();

    // In the target's own folder, so the rename stays on one file system and
    // is atomic. The folder is created only when it is missing.
    std::string temp;
    int fd = open_temporary(folder, filename, temp);
    if (fd < 0 && errno == ENOENT) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) fail(path, ec.message());
        fd = open_temporary(folder, filename, temp);
    }
    if (fd < 0) fail(path, std::strerror(errno));

    bool ok = write_all(fd, bytes);
    int saved_errno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok) {
        if (::rename(temp.c_str(), path.c_str()) == 0) return;
        saved_errno = errno;
    }
    ::unlink(temp.c_str());
    fail(path, std::strerror(saved_errno));
}

}  // namespace closeplan::cli
