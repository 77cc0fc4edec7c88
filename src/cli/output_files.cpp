// SPDX-License-Identifier: MIT
// Writing output files so that a reader never sees a half-written one, and
// nothing that is not an ordinary file is ever replaced.
//
// A rename replaces whatever the target path is: run as root,
// `closeplan ics plan.yaml -o /dev/null` once turned /dev/null into a regular
// file. So every write first looks at what the path names now (classify) and
// renames only over nothing or a regular file; devices and FIFOs are written
// straight into, everything else is refused (O522).
#include "cli/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "closeplan/diagnostics.hpp"

namespace closeplan::cli {

namespace fs = std::filesystem;

void fail_to_write(const std::string& path, std::string reason) {
    // System messages start with a capital ("Not a directory"); ours read as one sentence.
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    throw closeplan::error(diagnostic{severity::error, "O520", "cannot write `" + path + "`: " + reason,
                                      source_location{path, 0, 0, {}},
                                      {"check that the output folder exists or can be created, and is writable"}});
}

namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& what, std::string hint,
                         const std::string& verb = "will not write over") {
    throw closeplan::error(diagnostic{severity::error, "O522", verb + " `" + path + "`: it is " + what,
                                      source_location{path, 0, 0, {}}, {std::move(hint)}});
}

const char* const file_hint =
    "give the path of a regular file, or a character device such as /dev/null; closeplan replaces only regular files";

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISREG(mode)) return "a regular file";
    return "not a regular file";
}

bool streams(mode_t mode) { return S_ISCHR(mode) || S_ISFIFO(mode); }

/// How a path is written, from what it names now.
struct plan_of_write {
    enum { rename_over, write_straight } how = rename_over;
    std::string target;  ///< the path renamed over (a link's target), or opened
};

plan_of_write classify(const std::string& path) {
    struct stat own {};
    if (::lstat(path.c_str(), &own) != 0) return {plan_of_write::rename_over, path};  // missing: made new
    if (S_ISREG(own.st_mode)) return {plan_of_write::rename_over, path};
    if (streams(own.st_mode)) return {plan_of_write::write_straight, path};
    if (!S_ISLNK(own.st_mode)) refuse(path, kind_of(own.st_mode), file_hint);

    // A symbolic link: what it ends at decides; the link itself is never replaced.
    struct stat end {};
    if (::stat(path.c_str(), &end) != 0)
        refuse(path, "a symbolic link to nothing", "write to the link's target by its own path, or remove the link");
    if (streams(end.st_mode)) return {plan_of_write::write_straight, path};
    if (!S_ISREG(end.st_mode)) refuse(path, "a symbolic link to " + kind_of(end.st_mode), file_hint);
    std::error_code ec;
    const auto target = fs::canonical(path, ec);
    if (ec) fail_to_write(path, ec.message());
    return {plan_of_write::rename_over, target.string()};
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

/// The temporary that will be renamed over `target`, in the target's own
/// folder so the rename stays on one file system and is atomic. The folder is
/// made only when it is missing. `path` (as the user gave it) is for messages.
int open_temporary_for(const std::string& path, const std::string& target, std::string& temp) {
    const fs::path where(target);
    const auto folder = where.parent_path().empty() ? fs::path(".") : where.parent_path();
    const std::string filename = where.filename().string();
    int fd = open_temporary(folder, filename, temp);
    if (fd < 0 && errno == ENOENT) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) fail_to_write(path, ec.message());
        fd = open_temporary(folder, filename, temp);
    }
    if (fd < 0) fail_to_write(path, std::strerror(errno));
    return fd;
}

/// Opens a device or FIFO for writing. It is never created nor truncated; if
/// it was swapped for something else since it was looked at, it is refused.
int open_straight(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) fail_to_write(path, std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !streams(st.st_mode)) {
        ::close(fd);
        refuse(path, S_ISREG(st.st_mode) ? "no longer a device" : kind_of(st.st_mode), file_hint);
    }
    return fd;
}

void write_straight(const std::string& path, std::string_view bytes) {
    const int fd = open_straight(path);
    bool ok = write_all(fd, bytes);
    int saved_errno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (!ok) fail_to_write(path, std::strerror(saved_errno));
}

/// Closes the temporary and renames it over `target`; on any failure the
/// temporary is removed and O520 thrown.
void finish_temporary(const std::string& path, const std::string& target, const std::string& temp, int fd,
                      bool ok, int saved_errno) {
    if (::close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok) {
        if (::rename(temp.c_str(), target.c_str()) == 0) return;
        saved_errno = errno;
    }
    ::unlink(temp.c_str());
    fail_to_write(path, std::strerror(saved_errno));
}

}  // namespace

void write_output_file(const std::string& path, std::string_view bytes) {
    const auto write = classify(path);
    if (write.how == plan_of_write::write_straight) return write_straight(path, bytes);
    std::string temp;
    const int fd = open_temporary_for(path, write.target, temp);
    const bool ok = write_all(fd, bytes);
    finish_temporary(path, write.target, temp, fd, ok, errno);
}

void write_into_folder(const std::string& folder, const std::string& name, std::string_view bytes) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
        if (streams(st.st_mode)) return write_straight(folder, bytes);
        refuse(folder, kind_of(st.st_mode) + ", not a folder",
               "give a folder (made when missing), or a character device such as /dev/null to keep nothing",
               "will not write into");
    }
    write_output_file((fs::path(folder) / name).string(), bytes);
}

void prepare_output_folder(const std::string& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return;
        refuse(folder, kind_of(st.st_mode) + ", not a folder",
               "the batch writes many files and its own bookkeeping: give a folder (made when missing)",
               "will not write into");
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) fail_to_write(folder, ec.message());
}

int open_own_file_to_append(const std::string& path, bool truncate) {
    struct stat own {};
    if (::lstat(path.c_str(), &own) == 0 && !S_ISREG(own.st_mode))
        refuse(path, S_ISLNK(own.st_mode) ? "a symbolic link" : kind_of(own.st_mode),
               "remove it: the file is closeplan's own and is made anew");
    // O_NOFOLLOW: a link put there since the look above is not followed either.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
    if (fd < 0) fail_to_write(path, std::strerror(errno));
    return fd;
}

streamed_output::streamed_output(std::string path) : path_(std::move(path)) {
    const auto write = classify(path_);
    if (write.how == plan_of_write::write_straight) {
        fd_ = open_straight(path_);
        return;
    }
    target_ = write.target;
    fd_ = open_temporary_for(path_, target_, temp_);
}

streamed_output::~streamed_output() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void streamed_output::write(std::string_view bytes) {
    buffer_ += bytes;
    if (buffer_.size() > 64 * 1024) flush();
}

void streamed_output::flush() {
    if (!write_all(fd_, buffer_)) fail_to_write(path_, std::strerror(errno));
    buffer_.clear();
}

void streamed_output::commit() {
    const bool ok = write_all(fd_, buffer_);
    buffer_.clear();
    const int fd = fd_;
    fd_ = -1;
    if (target_.empty()) {
        int saved_errno = errno;
        const bool closed = ::close(fd) == 0;
        if (ok && !closed) saved_errno = errno;
        if (!ok || !closed) fail_to_write(path_, std::strerror(saved_errno));
    } else {
        finish_temporary(path_, target_, temp_, fd, ok, errno);
    }
    committed_ = true;
}

}  // namespace closeplan::cli
