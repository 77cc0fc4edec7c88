// SPDX-License-Identifier: MIT
// The batch's resume manifest (batch_manifest.hpp).
#include "cli/batch_manifest.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "cli/output_files.hpp"

namespace closeplan::cli {

resume_manifest::resume_manifest(const std::string& path, bool keep) : path_(path) {
    if (keep) {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            const auto space = line.find(' ');
            if (space != 16 || line.size() < 18) continue;
            entries_[line.substr(17)] = line.substr(0, 16);
        }
    }
    fd_ = open_own_file_to_append(path, !keep);
}

resume_manifest::~resume_manifest() {
    if (fd_ >= 0) ::close(fd_);
}

bool resume_manifest::matches(const std::string& stem, const std::string& hash) const {
    auto it = entries_.find(stem);
    return it != entries_.end() && it->second == hash;
}

void resume_manifest::add(const std::string& stem, const std::string& hash) {
    const std::string line = hash + " " + stem + "\n";
    // One write() per line: O_APPEND keeps lines whole.
    if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        fail_to_write(path_, std::strerror(errno));
}

}  // namespace closeplan::cli
