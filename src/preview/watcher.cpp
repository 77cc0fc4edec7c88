// SPDX-License-Identifier: MIT
#include "preview/watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>

namespace closeplan::preview {

namespace fs = std::filesystem;

namespace {

// Writes in place, saves by rename, deletes and re-creations: what editors do.
constexpr std::uint32_t watch_mask =
    IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;

std::string folder_key(const std::string& folder) {
    std::error_code ec;
    auto absolute = fs::absolute(folder.empty() ? "." : folder, ec);
    return (ec ? fs::path(folder) : absolute).lexically_normal().string();
}

}  // namespace

file_watcher::file_watcher(diagnostic_sink& diags) {
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0)
        diags.warning("O561", std::string("cannot watch files for changes: ") + std::strerror(errno), {},
                      {"the preview serves the page as first rendered; restart it to see changes",
                       "raise fs.inotify.max_user_instances (sysctl) if inotify instances ran out"});
    if (pipe2(stop_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
}

file_watcher::~file_watcher() {
    for (int fd : {inotify_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
}

void file_watcher::watch(const std::vector<std::string>& files, const std::vector<std::string>& folders,
                         diagnostic_sink& diags) {
    auto add_folder = [&](const std::string& folder, const std::string& because) {
        if (inotify_ < 0 || watch_of_.count(folder)) return;
        const int wd = inotify_add_watch(inotify_, folder.c_str(), watch_mask | IN_ONLYDIR);
        if (wd < 0) {
            if (refused_.insert(folder).second)
                diags.warning("O561", "cannot watch `" + folder + "` for changes: " + std::strerror(errno),
                              {because, 0, 0, ""},
                              {"the preview does not refresh when `" + because + "` changes; restart it after editing",
                               "raise fs.inotify.max_user_watches (sysctl) if watches ran out"});
            return;
        }
        folder_of_[wd] = folder;
        watch_of_[folder] = wd;
    };
    files_.clear();
    whole_folders_.clear();
    for (const auto& file : files) {
        const fs::path path = fs::path(file).lexically_normal();
        const auto folder = folder_key(path.parent_path().string());
        add_folder(folder, file);
        files_.insert((fs::path(folder) / path.filename()).string());
    }
    for (const auto& folder : folders) {
        const auto key = folder_key(folder);
        add_folder(key, folder);
        whole_folders_.insert(key);
    }
}

void file_watcher::read_events(std::set<std::string>& changed) {
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const auto got = read(inotify_, buffer, sizeof buffer);
        if (got <= 0) return;  // EAGAIN: nothing more for now
        for (ssize_t at = 0; at < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            const auto folder = folder_of_.find(event->wd);
            if (folder == folder_of_.end() || event->len == 0) continue;
            const auto path = (fs::path(folder->second) / event->name).string();
            if (files_.count(path) || whole_folders_.count(folder->second)) changed.insert(path);
        }
    }
}

std::vector<std::string> file_watcher::wait_for_change(std::chrono::milliseconds quiet,
                                                       std::chrono::milliseconds longest) {
    using clock = std::chrono::steady_clock;
    std::set<std::string> changed;
    std::optional<clock::time_point> first;
    for (;;) {
        int timeout = -1;
        if (first && clock::now() >= *first + longest) break;
        if (first) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*first + longest - clock::now());
            timeout = static_cast<int>(std::max<std::int64_t>(0, std::min(quiet.count(), left.count())));
        }
        pollfd fds[2] = {{stop_pipe_[0], POLLIN, 0}, {inotify_, POLLIN, 0}};
        const int ready = poll(fds, inotify_ >= 0 ? 2 : 1, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (fds[0].revents != 0 || stop_pipe_[0] < 0) return {};
        if (ready == 0) break;  // quiet for long enough, or the longest wait is over
        if (ready < 0) return {};
        const auto before = changed.size();
        read_events(changed);
        if (!first && changed.size() > before) first = clock::now();
    }
    return {changed.begin(), changed.end()};
}

void file_watcher::stop() {
    if (stop_pipe_[1] < 0) return;
    const char byte = 1;
    [[maybe_unused]] const auto written = write(stop_pipe_[1], &byte, 1);
}

}  // namespace closeplan::preview
