// SPDX-License-Identifier: MIT
// A strict zlib (RFC 1950/1951) decoder used to prove PNG image data sound before libpng sees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::render {

/// Inflates a complete zlib stream into `out` (at most `max_out` bytes).
/// Returns an empty string on success, else what is wrong. Stricter than
/// zlib: trailing bytes, distances beyond the declared window and a bad
/// Adler-32 are all refused, because libpng aborts the process on some of them.
std::string inflate_zlib(std::string_view in, std::size_t max_out, std::vector<std::uint8_t>& out);

}  // namespace closeplan::render
