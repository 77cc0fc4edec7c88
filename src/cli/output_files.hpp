// SPDX-License-Identifier: MIT
// Writing output files so that a reader never sees a half-written one.
#pragma once

#include <string>
#include <string_view>

namespace closeplan::cli {

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, creating the folder when missing. Throws closeplan::error (O501)
/// on any failure and leaves no temporary file behind.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace closeplan::cli
