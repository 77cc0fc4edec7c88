// SPDX-License-Identifier: MIT
// Which deals a batch renders: closed stages are left out by default (the
// mapping's or preset's `closed_stages`), and `--where` keeps only the deals
// whose mapped fields match (`stage=Proposal|Negotiation`, `owner!=Sam Ortiz`,
// `close<2026-12-31`). A deal left out is counted as filtered, never rendered,
// and its files are the kind --prune removes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/mapping.hpp"
#include "model/plan.hpp"

namespace closeplan::batch {

struct deal_filter {
    enum class op { in, not_in, before, after };
    deal_field field = deal_field::stage;
    op how = op::in;
    std::vector<std::string> values;  ///< normalised (trimmed, lower case), for in / not_in
    model::date day{};                ///< for before / after (the close date)
    std::string text;                 ///< as written, for messages
};

/// Parses one `--where`: FIELD=V1|V2, FIELD!=V1|V2, close<YYYY-MM-DD,
/// close>YYYY-MM-DD; FIELD is a deal field of the mapping (id, name,
/// account, owner, stage, currency, next_step, region). nullopt with `why` set when it is not one.
std::optional<deal_filter> parse_deal_filter(std::string_view text, std::string& why);

/// Trimmed and lower case: how stage names and filter values are compared.
std::string filter_key(std::string_view text);

/// Whether a deal with these field values passes every text filter (in, not_in).
/// `value_of(field)` gives the row's cleaned value of a field.
template <typename ValueOf>
bool passes_text_filters(const std::vector<deal_filter>& filters, ValueOf value_of) {
    for (const auto& f : filters) {
        if (f.how != deal_filter::op::in && f.how != deal_filter::op::not_in) continue;
        const auto key = filter_key(value_of(f.field));
        bool listed = false;
        for (const auto& v : f.values) listed = listed || v == key;
        if (listed != (f.how == deal_filter::op::in)) return false;
    }
    return true;
}

/// Whether a close date passes every date filter (before: strictly earlier, after: strictly later).
bool passes_close_filters(const std::vector<deal_filter>& filters, model::date close);

/// Whether `stage` is one of the mapping's closed stages (compared as filter_key does).
bool is_closed_stage(const column_mapping& mapping, std::string_view stage);

}  // namespace closeplan::batch
