// SPDX-License-Identifier: MIT
// A plan as it is in a git revision, for `closeplan diff --git`. git runs as
// a subprocess with an argument vector (posix_spawnp), never a shell, so a
// revision or a path is never read as shell syntax.
#pragma once

#include <optional>
#include <string>

#include "closeplan/diagnostics.hpp"

namespace closeplan::cli {

struct git_version {
    std::string text;   ///< the file's bytes in that revision
    std::string label;  ///< "HEAD~1:plans/northwind.yaml": the revision and the repository-relative path
};

/// The file `plan_path` (as given on the command line, inside a git work
/// tree) in revision `revision`: `git -C <its folder> rev-parse --show-prefix`
/// gives its path in the repository, then `git show REV:path` its bytes
/// (at most `max_bytes`). Errors are located at the plan: H836 (not in a git
/// work tree, git cannot run), H837 (no such revision, or the file is not in it).
std::optional<git_version> git_show(const std::string& plan_path, const std::string& revision, std::size_t max_bytes,
                                    diagnostic_sink& diags);

}  // namespace closeplan::cli
