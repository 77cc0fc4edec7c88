// SPDX-License-Identifier: MIT
// Which deals a batch renders (deal_filter.hpp).
#include "batch/deal_filter.hpp"

#include "model/dates.hpp"

namespace closeplan::batch {

std::string filter_key(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<deal_filter> parse_deal_filter(std::string_view text, std::string& why) {
    deal_filter f;
    f.text = std::string(text);
    const auto at = text.find_first_of("=!<>");
    if (at == std::string_view::npos || at == 0) {
        why = "write FIELD=VALUE, FIELD!=VALUE (several values split by |), close<YYYY-MM-DD or close>YYYY-MM-DD";
        return std::nullopt;
    }
    const auto field = filter_key(text.substr(0, at));
    std::string_view rest = text.substr(at);
    if (field == "close" || field == "close_date") {
        if (rest.front() != '<' && rest.front() != '>') {
            why = "the close date is compared with < (before) or > (after): close<2026-12-31";
            return std::nullopt;
        }
        f.field = deal_field::close_date;
        f.how = rest.front() == '<' ? deal_filter::op::before : deal_filter::op::after;
        const auto day = model::parse_iso_date(filter_key(rest.substr(1)));
        if (!day) {
            why = "the date must be written YYYY-MM-DD, as in close<2026-12-31";
            return std::nullopt;
        }
        f.day = *day;
        return f;
    }
    bool known = false;
    for (std::size_t i = 0; i < deal_field_count; ++i) {
        const auto candidate = static_cast<deal_field>(i);
        if (field == field_name(candidate) && candidate != deal_field::close_date && candidate != deal_field::amount) {
            f.field = candidate;
            known = true;
        }
    }
    if (!known) {
        why = "`" + field + "` is not a field to filter on (id, name, account, owner, stage, currency, next_step, region, close)";
        return std::nullopt;
    }
    if (rest.starts_with("!=")) {
        f.how = deal_filter::op::not_in;
        rest.remove_prefix(2);
    } else if (rest.starts_with("=")) {
        rest.remove_prefix(1);
    } else {
        why = "only the close date is compared with < or >; write " + field + "=VALUE or " + field + "!=VALUE";
        return std::nullopt;
    }
    std::size_t start = 0;
    while (start <= rest.size()) {
        auto end = rest.find('|', start);
        if (end == std::string_view::npos) end = rest.size();
        f.values.push_back(filter_key(rest.substr(start, end - start)));
        start = end + 1;
    }
    return f;
}

bool passes_close_filters(const std::vector<deal_filter>& filters, model::date close) {
    for (const auto& f : filters) {
        if (f.how == deal_filter::op::before && !(close < f.day)) return false;
        if (f.how == deal_filter::op::after && !(f.day < close)) return false;
    }
    return true;
}

bool is_closed_stage(const column_mapping& mapping, std::string_view stage) {
    if (mapping.closed_stages.empty() || stage.empty()) return false;
    const auto key = filter_key(stage);
    for (const auto& closed : mapping.closed_stages)
        if (filter_key(closed) == key) return true;
    return false;
}

}  // namespace closeplan::batch
