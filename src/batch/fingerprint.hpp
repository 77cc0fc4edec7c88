// SPDX-License-Identifier: MIT
// The resume fingerprint: everything besides a deal's rows that shapes its
// documents, hashed from the finished inputs the run renders with (the render
// request, the mapping, the playbook, the calendar, the value map), not from
// the command line, so a new option cannot be forgotten: the hashing code
// takes every member apart by a structured binding, and a member added to one
// of those structs stops the build here until it is hashed or said not to matter.
#pragma once

#include <string>
#include <string_view>

#include "batch/batch_run.hpp"

namespace closeplan::batch {

/// 16 hex digits over `version` and every input of `inputs` that changes a
/// deal's files. Files named by the request (style, template folder) are
/// hashed by content; an unreadable one hashes as empty (rendering reports it).
std::string input_fingerprint(const batch_inputs& inputs, std::string_view version);

}  // namespace closeplan::batch
