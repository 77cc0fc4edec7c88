// SPDX-License-Identifier: MIT
// Local file paths in a plan (logo, resource path, value_map): resolved and confined before any read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "validate/fields.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::validate::detail {

enum class path_state {
    inside,          ///< stays inside an allowed folder, symlinks included
    outside,         ///< leaves the allowed folders as written (`../`, absolute)
    link_outside,    ///< written inside, but a symlink takes it outside
    bad_characters,  ///< control characters: the OS would cut the name short
    unresolvable,    ///< the file system refused to resolve it
};

struct local_file {
    path_state state = path_state::unresolvable;
    std::string open_path;  ///< what to open: the plan's folder joined with the path as written
    bool exists = false;
    bool regular = false;  ///< a regular file (after following links)
};

/// Resolves `written` against options.base_dir (the current folder when empty)
/// and checks it stays inside base_dir or one of options.asset_dirs, both by
/// its normalised spelling and by its real location with symlinks followed.
/// Reads nothing; only asks the file system what the path names.
local_file resolve_local_file(std::string_view written, const validate_options& options);

/// What a missing local file means for the plan.
enum class if_missing { warn, fail };

/// Resolves `path` and reports a path that leaves the allowed folders (V207,
/// error) or a file that is not there (V213 warning, or V214 error for `fail`).
/// `what` names the file in messages ("logo", "value map"). Returns the
/// resolved file only when it is inside the allowed folders.
std::optional<local_file> check_local_file(field_reader& fields, const located_text& path,
                                           const validate_options& options, std::string_view what, if_missing missing);

}  // namespace closeplan::validate::detail
