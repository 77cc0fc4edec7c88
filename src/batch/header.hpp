// SPDX-License-Identifier: MIT
// The header row of a CRM export: names cleaned of stray and non-breaking
// spaces, looked up case-insensitively, duplicates kept but never ambiguous.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace closeplan::batch {

/// `"  Close\u00a0Date "` -> `"Close Date"`: NBSP and tabs become spaces, runs
/// of spaces collapse to one, both ends trimmed.
std::string normalise_header(std::string_view raw);

/// Comparison key: normalised and ASCII lower case.
std::string header_key(std::string_view raw);

class header_row {
public:
    header_row() = default;
    explicit header_row(const std::vector<std::string>& raw_names);

    /// The first column with this name (normalised, case-insensitive).
    [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const;
    [[nodiscard]] const std::string& name(std::size_t column) const { return names_.at(column); }
    [[nodiscard]] std::size_t size() const { return names_.size(); }
    /// Names that occur more than once (as written first); lookups take the first.
    [[nodiscard]] const std::vector<std::string>& duplicates() const { return duplicates_; }

private:
    std::vector<std::string> names_;
    /// Key -> its first column: building and each lookup cost the length of
    /// the names, not the number of columns (an export may have 100,000).
    std::unordered_map<std::string, std::size_t> first_column_;
    std::vector<std::string> duplicates_;
};

}  // namespace closeplan::batch
