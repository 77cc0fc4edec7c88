// SPDX-License-Identifier: MIT
// The batch's manifest, `.closeplan-batch.manifest` in the output folder: one
// line per deal whose files batch wrote,
//   <hash> <stem> <extensions> <id key>
//   5f0c0b7a9e1d2c3b 0061x00000AbCdE-Acme-Renewal html,md 8d1e...
// the hash of what made the files (--resume), the file names (--prune removes
// only these) and a hash of the deal id (a renamed deal keeps its file names).
//
// It is rewritten, never appended to across runs: a run writes its lines to
// `<manifest>.part` as each deal is done, so a killed run keeps what it
// finished, and finish() renames that over the manifest. The next run reads
// the manifest and then a killed run's `.part` (newer), so the lines stay one
// per deal however many times a batch is resumed. A `.part` found at the
// start is folded into the manifest (temporary file + rename) before the new
// run empties it, so a run that fails or is killed early loses no line.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace closeplan::cli {

class batch_manifest {
public:
    /// Reads `path` and a killed run's `path.part`, then starts a new `.part`.
    /// Unless `pruning`, the new manifest keeps recording files this run does
    /// not make (a deal gone from the export, a format no longer asked for),
    /// so a later --prune can still remove them.
    batch_manifest(const std::string& path, bool pruning);
    ~batch_manifest();
    batch_manifest(const batch_manifest&) = delete;
    batch_manifest& operator=(const batch_manifest&) = delete;

    /// Whether `stem`'s files were last made from content with this hash. Safe from any thread.
    [[nodiscard]] bool matches(const std::string& stem, const std::string& hash) const;
    /// The stem an earlier run gave the deal with this id; empty when none.
    [[nodiscard]] std::string stem_of(std::string_view deal_id) const;

    /// A deal whose files this run wrote or kept (one thread at a time).
    void add(const std::string& stem, const std::string& hash, const std::vector<std::string>& extensions,
             std::string_view deal_id);
    /// A deal still in the export whose files this run did not touch because
    /// it failed: its earlier line, if any, is kept, so its files are neither
    /// forgotten nor pruned.
    void keep(const std::string& stem);
    /// A deal another shard renders now: its files are spared from pruning,
    /// its line left to that shard's manifest.
    void spare(const std::string& stem);
    /// Files of earlier lines that this run neither wrote nor kept, as names in
    /// the output folder: a deal gone from the export, or a format no longer asked for.
    [[nodiscard]] std::vector<std::string> stale_files() const;
    /// Renames the new manifest over the old one (after any pruning: a run
    /// killed in between still finds the stale files in the old manifest).
    void commit();

    /// The id key of a deal id: 16 hex digits (ids may hold spaces).
    static std::string id_key(std::string_view deal_id);

private:
    struct entry {
        std::string hash;
        std::string extensions;  ///< "html,md"; empty in lines of older versions (never pruned)
        std::string id_key;
        std::string kept;        ///< extensions this run wrote or kept; "*" = all of them
    };
    /// Reads the lines of `path` over those read before; returns how many it read.
    std::size_t read(const std::string& path);
    static std::string line_of(const std::string& stem, const entry& e);
    void write_line(const std::string& stem, const entry& e);

    std::string path_;
    std::string part_;
    bool pruning_ = false;
    std::unordered_map<std::string, entry> entries_;           ///< earlier runs' lines, by stem
    std::unordered_map<std::string, std::string> stem_by_id_;  ///< id key -> stem
    std::mutex mutex_;  ///< over `kept` and the file: deals done and other shards' deals come from two threads
    int fd_ = -1;
};

}  // namespace closeplan::cli
