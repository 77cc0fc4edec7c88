// SPDX-License-Identifier: MIT
// The batch's resume manifest, `.closeplan-batch.manifest` in the output
// folder: "<hash> <stem>" per deal, for --resume.
#pragma once

#include <string>
#include <unordered_map>

namespace closeplan::cli {

/// Lines appended as each deal is done, so a killed batch keeps what it
/// finished; a torn last line is simply not read back.
class resume_manifest {
public:
    /// Reads `path` back when `keep` (--resume); opens it to append, emptied unless `keep`.
    resume_manifest(const std::string& path, bool keep);
    ~resume_manifest();
    resume_manifest(const resume_manifest&) = delete;
    resume_manifest& operator=(const resume_manifest&) = delete;

    /// Whether `stem` was last made from content with this hash. Safe from any thread (read-only).
    [[nodiscard]] bool matches(const std::string& stem, const std::string& hash) const;
    /// Records a deal done (one thread at a time).
    void add(const std::string& stem, const std::string& hash);

private:
    std::string path_;
    std::unordered_map<std::string, std::string> entries_;  ///< read before any worker starts; read-only after
    int fd_ = -1;
};

}  // namespace closeplan::cli
