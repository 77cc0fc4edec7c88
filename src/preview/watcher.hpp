// SPDX-License-Identifier: MIT
// Waiting for the files a preview was rendered from to change (Linux inotify).
// Each file is watched through its folder, so an editor's save by writing a
// new file and renaming it over the old one is seen as well as a write in place.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"

namespace closeplan::preview {

class file_watcher {
public:
    /// Opens inotify and the stop pipe; O561 in `diags` when inotify cannot be had.
    explicit file_watcher(diagnostic_sink& diags);
    ~file_watcher();
    file_watcher(const file_watcher&) = delete;
    file_watcher& operator=(const file_watcher&) = delete;

    /// Watch these files (a change to one of them) and folders (a change to
    /// any file in them, not below). Replaces the earlier set; a folder that
    /// cannot be watched is O561 in `diags`, once per folder.
    void watch(const std::vector<std::string>& files, const std::vector<std::string>& folders, diagnostic_sink& diags);

    /// Blocks until a watched file changes, then until `quiet` passes with no
    /// further change (an editor's save is several events), at most `longest`.
    /// Returns the names that changed; empty when stop() was called.
    std::vector<std::string> wait_for_change(std::chrono::milliseconds quiet, std::chrono::milliseconds longest);

    /// Makes wait_for_change return (now or at its next call). Safe from any thread.
    void stop();

private:
    /// Reads the pending events; adds the watched names among them to `changed`.
    void read_events(std::set<std::string>& changed);

    int inotify_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::map<int, std::string> folder_of_;        ///< watch descriptor -> folder
    std::map<std::string, int> watch_of_;         ///< folder -> watch descriptor
    std::set<std::string> files_;                 ///< watched files, as folder/name
    std::set<std::string> whole_folders_;         ///< folders any file of which counts
    std::set<std::string> refused_;               ///< folders already reported as unwatchable
};

}  // namespace closeplan::preview
