// SPDX-License-Identifier: MIT
// Writing output files so that a reader never sees a half-written one.
#include "cli/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

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

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
    const fs::path target(path);
    const auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) fail(path, ec.message());

    // mkstemp in the target's own folder, so the rename stays on one file system and is atomic.
    std::string pattern = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(path, std::strerror(errno));
    const std::string temp(name.data());

    bool ok = write_all(fd, bytes);
    int saved_errno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok) {
        // mkstemp creates 0600; outputs are ordinary documents.
        ::chmod(temp.c_str(), 0644);
        if (::rename(temp.c_str(), path.c_str()) == 0) return;
        saved_errno = errno;
    }
    ::unlink(temp.c_str());
    fail(path, std::strerror(saved_errno));
}

}  // namespace closeplan::cli
