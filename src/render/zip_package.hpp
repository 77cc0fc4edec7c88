// SPDX-License-Identifier: MIT
// Zip archives in memory through libzip (the one file that uses it): the DOCX
// container written with fixed timestamps, and one entry read from a
// reference DOCX with a bound on what it may inflate to.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::render {

struct zip_part {
    std::string name;   ///< path inside the archive: "word/document.xml"
    std::string bytes;
};

/// The parts as one zip archive, in the given order, deflated, every entry
/// dated 1980-01-01 00:00 (the zip format's first day), so the same parts
/// give the same bytes.
std::string write_zip(const std::vector<zip_part>& parts);

/// The entry `name` of the archive `archive`. nullopt with `problem` set when
/// the bytes are not a zip archive, the entry is missing or encrypted, or it
/// inflates to more than `max_bytes` (checked while reading, never trusting
/// the archive's stated size).
std::optional<std::string> read_zip_entry(std::string_view archive, const std::string& name, std::size_t max_bytes,
                                          std::string& problem);

}  // namespace closeplan::render
