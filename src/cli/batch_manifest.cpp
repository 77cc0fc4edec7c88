// SPDX-License-Identifier: MIT
// The batch's manifest (batch_manifest.hpp).
#include "cli/batch_manifest.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "batch/content_hash.hpp"
#include "cli/output_files.hpp"

namespace closeplan::cli {

namespace {

bool is_hex16(std::string_view s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// A manifest is a file in a folder others can write to: a line naming
// `../x` must never make --prune remove anything outside the folder.
bool is_stem(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
           });
}

bool is_extension_list(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == ','; });
}

std::vector<std::string> split_extensions(std::string_view list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < list.size()) {
        auto comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        if (comma > start) out.emplace_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

}  // namespace

std::string batch_manifest::id_key(std::string_view deal_id) {
    return batch::content_hash{}.add("deal id").add(deal_id).hex();
}

batch_manifest::batch_manifest(const std::string& path, bool pruning)
    : path_(path), part_(path + ".part"), pruning_(pruning) {
    read(path_);
    // A killed run's lines are newer than the manifest's. They are folded
    // into the manifest before this run empties the `.part`, so a run that
    // then fails or is killed before commit() loses none of them.
    if (read(part_) > 0) {
        std::vector<std::string> lines;
        for (const auto& [stem, e] : entries_) lines.push_back(line_of(stem, e));
        std::sort(lines.begin(), lines.end());
        std::string text;
        for (const auto& line : lines) text += line;
        write_output_file(path_, text);
    }
    fd_ = open_own_file_to_append(part_, true);
}

batch_manifest::~batch_manifest() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t batch_manifest::read(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::size_t lines = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string hash, stem, extensions, key;
        fields >> hash >> stem >> extensions >> key;
        // A torn last line (a killed run) or a foreign one is simply not read back.
        if (!is_hex16(hash) || !is_stem(stem) || !is_extension_list(extensions)) continue;
        if (!key.empty() && !is_hex16(key)) continue;
        ++lines;
        auto& e = entries_[stem];
        e.hash = hash;
        if (!extensions.empty()) e.extensions = extensions;
        if (!key.empty()) {
            e.id_key = key;
            stem_by_id_[key] = stem;
        }
    }
    return lines;
}

bool batch_manifest::matches(const std::string& stem, const std::string& hash) const {
    auto it = entries_.find(stem);
    return it != entries_.end() && it->second.hash == hash;
}

std::string batch_manifest::stem_of(std::string_view deal_id) const {
    if (stem_by_id_.empty()) return {};
    auto it = stem_by_id_.find(id_key(deal_id));
    return it == stem_by_id_.end() ? std::string() : it->second;
}

std::string batch_manifest::line_of(const std::string& stem, const entry& e) {
    return e.hash + " " + stem + " " + e.extensions + (e.id_key.empty() ? "" : " " + e.id_key) + "\n";
}

void batch_manifest::write_line(const std::string& stem, const entry& e) {
    const std::string line = line_of(stem, e);
    // One write() per line: O_APPEND keeps lines whole.
    if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        fail_to_write(part_, std::strerror(errno));
}

void batch_manifest::add(const std::string& stem, const std::string& hash, const std::vector<std::string>& extensions,
                         std::string_view deal_id) {
    entry now{hash, join(extensions), deal_id.empty() ? std::string() : id_key(deal_id), {}};
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(stem); it != entries_.end()) {
        it->second.kept = now.extensions;
        if (!pruning_) {
            // Still the files of a format no longer asked for, until a --prune.
            auto all = extensions;
            for (auto& ext : split_extensions(it->second.extensions))
                if (std::find(all.begin(), all.end(), ext) == all.end()) all.push_back(std::move(ext));
            now.extensions = join(all);
        }
    }
    write_line(stem, now);
}

void batch_manifest::keep(const std::string& stem) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(stem);
    if (it == entries_.end() || !it->second.kept.empty()) return;
    it->second.kept = "*";
    write_line(stem, it->second);
}

void batch_manifest::spare(const std::string& stem) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(stem); it != entries_.end()) it->second.kept = "*";
}

std::vector<std::string> batch_manifest::stale_files() const {
    std::vector<std::string> out;
    for (const auto& [stem, e] : entries_) {
        if (e.kept == "*") continue;
        const auto kept = split_extensions(e.kept);
        for (const auto& ext : split_extensions(e.extensions))
            if (std::find(kept.begin(), kept.end(), ext) == kept.end()) out.push_back(stem + "." + ext);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void batch_manifest::commit() {
    if (!pruning_) {
        // Deals gone from the export: their files stay, and so do their lines, until a --prune.
        for (const auto& [stem, e] : entries_)
            if (e.kept.empty() && !e.extensions.empty()) write_line(stem, e);
    }
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (std::rename(part_.c_str(), path_.c_str()) != 0) fail_to_write(path_, std::strerror(errno));
}

}  // namespace closeplan::cli
