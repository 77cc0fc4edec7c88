// SPDX-License-Identifier: MIT
#include "cli/git_show.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

extern char** environ;

namespace closeplan::cli {

namespace {

struct run_result {
    bool started = false;
    int exit_status = -1;
    std::string out;
    std::string err;
    bool out_too_long = false;
    std::string why_not_started;
};

// Runs argv[0] from PATH with `argv`, capturing standard output (at most
// `max_out` bytes; more is noted and drained) and standard error.
run_result run(const std::vector<std::string>& argv, std::size_t max_out) {
    run_result result;
    int out_pipe[2];
    int err_pipe[2];
    if (pipe(out_pipe) != 0) {
        result.why_not_started = std::strerror(errno);
        return result;
    }
    if (pipe(err_pipe) != 0) {
        result.why_not_started = std::strerror(errno);
        close(out_pipe[0]);
        close(out_pipe[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawned != 0) {
        result.why_not_started = std::strerror(spawned);
        close(out_pipe[0]);
        close(err_pipe[0]);
        return result;
    }
    result.started = true;
    // Both pipes drained together: a child blocked on a full stderr never finishes stdout.
    std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
    std::array<char, 65536> buffer{};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (auto& p : fds) {
            if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const auto n = read(p.fd, buffer.data(), buffer.size());
            if (n <= 0) {
                if (n < 0 && errno == EINTR) continue;
                close(p.fd);
                p.fd = -1;
                --open_fds;
                continue;
            }
            const auto bytes = static_cast<std::size_t>(n);
            if (&p == &fds[0]) {
                if (result.out.size() + bytes > max_out) result.out_too_long = true;
                else result.out.append(buffer.data(), bytes);
            } else if (result.err.size() < 4096) {
                result.err.append(buffer.data(), bytes);
            }
        }
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string first_line(const std::string& text) {
    auto line = text.substr(0, text.find('\n'));
    if (line.starts_with("fatal: ")) line = line.substr(7);
    return line.empty() ? "git gave no reason" : line;
}

}  // namespace

std::optional<git_version> git_show(const std::string& plan_path, const std::string& revision, std::size_t max_bytes,
                                    diagnostic_sink& diags) {
    namespace fs = std::filesystem;
    const source_location at_plan{plan_path, 0, 0, ""};
    if (revision.empty() || revision.front() == '-' || revision.find(':') != std::string::npos) {
        diags.error("H837", "\"" + revision + "\" is not a revision", at_plan,
                    {"name a commit, a branch or a tag, such as HEAD~1 or v3; REV..REV compares two of them"});
        return std::nullopt;
    }
    const fs::path path(plan_path);
    const auto folder = path.parent_path().empty() ? std::string(".") : path.parent_path().string();
    const auto prefix = run({"git", "-C", folder, "rev-parse", "--show-prefix"}, 4096);
    if (!prefix.started) {
        diags.error("H836", "cannot run git: " + prefix.why_not_started, at_plan,
                    {"install git, or compare two files with `closeplan diff OLD NEW`"});
        return std::nullopt;
    }
    if (prefix.exit_status != 0) {
        diags.error("H836", "not inside a git work tree: " + first_line(prefix.err), at_plan,
                    {"--git reads earlier versions from the repository that holds the plan; outside one, compare two "
                     "files with `closeplan diff OLD NEW`"});
        return std::nullopt;
    }
    auto repo_folder = prefix.out.substr(0, prefix.out.find('\n'));
    git_version version;
    const auto repo_path = repo_folder + path.filename().string();
    version.label = revision + ":" + repo_path;
    const auto shown = run({"git", "-C", folder, "show", version.label}, max_bytes);
    if (!shown.started || shown.exit_status != 0) {
        const auto why = shown.started ? first_line(shown.err) : shown.why_not_started;
        const bool missing_path = why.find("does not exist in") != std::string::npos ||
                                  why.find("exists on disk, but not in") != std::string::npos;
        diags.error("H837",
                    missing_path ? repo_path + " is not in revision " + revision
                                 : "cannot read revision \"" + revision + "\": " + why,
                    at_plan,
                    {missing_path ? "the plan was added or renamed later; `git log --follow -- " + plan_path +
                                        "` lists the revisions that have it"
                                  : "name a commit, a branch or a tag that exists, such as HEAD~1"});
        return std::nullopt;
    }
    if (shown.out_too_long) {
        diags.error("L105", version.label + " is larger than " + std::to_string(max_bytes) + " bytes", at_plan,
                    {"a plan file is a few kilobytes; check that the path names the plan"});
        return std::nullopt;
    }
    version.text = shown.out;
    return version;
}

}  // namespace closeplan::cli
