// SPDX-License-Identifier: MIT
// Typed readers over the raw tree that report every problem with its location and carry on.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"
#include "model/plan.hpp"

namespace closeplan::validate::detail {

using load::raw_node;

enum class need { optional, required };

/// The allowed names of an enum field, in the enum's declaration order, plus
/// spellings people bring from CRMs that earn a "did you mean" hint (never accepted).
struct choice_spec {
    std::string_view field;                                               ///< "owner"
    std::vector<std::string_view> names;                                  ///< "buyer", "seller", "both"
    std::vector<std::pair<std::string_view, std::string_view>> synonyms;  ///< normalised word -> name
    std::string rule;                                                     ///< the hint listing the allowed values
};

/// A text value together with where it was written.
struct located_text {
    std::string text;
    source_location where;
};

/// Location of a node, for a diagnostic about it.
source_location at(const raw_node& node);
/// Location of a member's key (for diagnostics about the key itself).
source_location at_key(const load::raw_member& member);
/// Location for a missing member: the parent mapping's position with the member's pointer.
source_location at_missing(const raw_node& parent, std::string_view key);
/// "text", "a list", "a mapping", "nothing".
std::string_view describe(const raw_node& node);

class field_reader {
public:
    explicit field_reader(diagnostic_sink& diags) : diags_(diags) {}

    void error(std::string code, std::string message, source_location where, std::vector<std::string> hints = {});
    void warning(std::string code, std::string message, source_location where, std::vector<std::string> hints = {});

    /// Warns (V208) about keys outside `known`, with a "did you mean" hint.
    /// Keys starting with `x-` are extensions and pass silently.
    void check_keys(const raw_node& map, std::span<const std::string_view> known);

    /// The member `key`, or nullptr when absent or null. A required member that
    /// is absent or null is reported (V202); `hint` is added to that report.
    const raw_node* member(const raw_node& map, std::string_view key, need n, std::string hint = {});

    /// True when `node` is a mapping / a list; otherwise reports V209 naming `what`.
    bool expect_mapping(const raw_node& node, std::string_view what, std::string hint = {});
    bool expect_list(const raw_node& node, std::string_view what);

    /// Trimmed text of a scalar member. Absent, null or not text gives "" (the
    /// latter reported as V209); required and empty is V202.
    std::string text(const raw_node& map, std::string_view key, need n = need::optional);
    /// Same for a node already found; `what` names it in messages.
    std::optional<std::string> text_of(const raw_node& node, std::string_view what, need n);
    /// Same as text() with the value's location, for checks that come later.
    std::optional<located_text> located(const raw_node& map, std::string_view key, need n = need::optional);

    /// A list of text items; empty items are skipped, non-text items reported.
    std::vector<std::string> text_list(const raw_node& map, std::string_view key);
    std::vector<located_text> located_list(const raw_node& map, std::string_view key);
    /// Items of a list node (text or list of text: for value map `match` fields).
    std::vector<located_text> text_or_list(const raw_node& node, std::string_view what);

    /// A `YYYY-MM-DD` date member (V204 when malformed or impossible).
    std::optional<model::date> date(const raw_node& map, std::string_view key, need n = need::optional,
                                    std::string hint = {});
    std::optional<model::date> date_of(const raw_node& node, std::string_view what);

    /// Index into `spec.names` of an enum member (V203 when unknown).
    std::optional<std::size_t> choice(const raw_node& map, const choice_spec& spec, need n);
    std::optional<std::size_t> choice_of(const raw_node& node, const choice_spec& spec);

    template <typename E>
    std::optional<E> choose(const raw_node& map, const choice_spec& spec, need n = need::optional) {
        const auto index = choice(map, spec, n);
        if (!index) return std::nullopt;
        return static_cast<E>(*index);
    }

private:
    diagnostic_sink& diags_;
};

}  // namespace closeplan::validate::detail
