// SPDX-License-Identifier: MIT
// A plan diff and a slip ledger as terminal text and as Markdown for a deal
// review. Plan text (titles, ids) is escaped for Markdown: it is untrusted.
#include <sstream>

#include "diff/plan_diff.hpp"
#include "model/dates.hpp"
#include "render/escape.hpp"

namespace closeplan::diff {

namespace {

std::string iso(const std::optional<model::date>& d) { return d ? model::format_iso_date(*d) : "no date"; }

std::string days_phrase(int days) {
    if (days == 0) return "unchanged";
    const int n = days < 0 ? -days : days;
    return std::to_string(n) + (n == 1 ? " day " : " days ") + (days > 0 ? "later" : "earlier");
}

std::string owner_text(const step_change& c, bool is_new) {
    const auto& owner = is_new ? c.new_owner : c.old_owner;
    const auto& assignee = is_new ? c.new_assignee : c.old_assignee;
    std::string out = owner ? std::string(model::to_string(*owner)) : "?";
    if (!assignee.empty()) out += " (" + assignee + ")";
    return out;
}

std::string status_text(const std::optional<model::status>& s) { return s ? std::string(model::to_string(*s)) : "?"; }

/// Before and after of a change, as plain text; the caller escapes for Markdown.
std::pair<std::string, std::string> before_after(const step_change& c) {
    switch (c.kind) {
        case change_kind::added:
            return {"", owner_text(c, true) + ", due " + iso(c.new_due) + ", " + status_text(c.new_status)};
        case change_kind::removed: return {"in the plan", "removed"};
        case change_kind::reowned: return {owner_text(c, false), owner_text(c, true)};
        case change_kind::redated:
            return {iso(c.old_due), iso(c.new_due) + (c.old_due && c.new_due ? " (" + days_phrase(c.days) + ")" : "")};
        case change_kind::status_changed: break;
    }
    return {status_text(c.old_status), status_text(c.new_status)};
}

std::string summary(const plan_diff& result) {
    int counts[5] = {0, 0, 0, 0, 0};
    for (const auto& c : result.changes) ++counts[static_cast<int>(c.kind)];
    const auto n = result.changes.size();
    std::string out = n == 0 ? "no step changes" : std::to_string(n) + (n == 1 ? " change" : " changes");
    std::string parts;
    const char* names[5] = {"added", "removed", "re-owned", "re-dated", "status"};
    for (int k = 0; k < 5; ++k)
        if (counts[k] > 0) parts += (parts.empty() ? "" : ", ") + std::to_string(counts[k]) + " " + names[k];
    if (!parts.empty()) out += ": " + parts;
    out += result.close_moved_days == 0 ? "; close unchanged" : "; close moved " + days_phrase(result.close_moved_days);
    return out;
}

std::string version_label(const version& v) { return v.file + (v.as_of ? " (" + model::format_iso_date(*v.as_of) + ")" : ""); }

std::string ledger_trail(const ledger_row& row) {
    std::string out;
    std::optional<model::date> previous;
    for (std::size_t v = 0; v < row.dates.size(); ++v) {
        const auto& d = row.dates[v];
        if (!d || (previous && *d == *previous)) continue;
        if (!out.empty()) out += " -> ";
        out += model::format_iso_date(*d);
        if (previous) out += " (" + days_phrase(model::days_between(*previous, *d)) + ", v" + std::to_string(v + 1) + ")";
        else out += " (v" + std::to_string(v + 1) + ")";
        previous = d;
    }
    if (out.empty()) out = "no date in any version";
    return out;
}

std::string moves_text(const ledger_row& row) {
    if (row.moves == 0) return "never moved";
    return "moved " + std::to_string(row.moves) + (row.moves == 1 ? " time, " : " times, ") + days_phrase(row.net_days) +
           " in all";
}

}  // namespace

std::string to_text(const plan_diff& result) {
    std::ostringstream out;
    out << "Plan changes: " << result.old_file << " -> " << result.new_file;
    if (result.old_as_of || result.new_as_of) out << " (as of " << iso(result.old_as_of) << " -> " << iso(result.new_as_of) << ")";
    out << "\nclose: " << model::format_iso_date(result.old_close);
    if (result.close_moved_days != 0)
        out << " -> " << model::format_iso_date(result.new_close) << ", " << days_phrase(result.close_moved_days);
    else out << ", unchanged";
    if (result.close_silent_roll) out << " [silent roll: target_close_baseline not kept]";
    out << '\n';
    for (const auto& c : result.changes) {
        const auto [was, now] = before_after(c);
        std::string kind(to_string(c.kind));
        kind.resize(9, ' ');
        out << "  " << kind << "\"" << c.milestone_id << "\" " << c.title;
        if (c.kind == change_kind::added) out << ": " << now;
        else if (c.kind != change_kind::removed) out << ": " << was << " -> " << now;
        if (c.silent_roll) out << " [silent roll: earlier date not kept]";
        out << '\n';
    }
    out << summary(result) << '\n';
    return out.str();
}

std::string to_text(const slip_ledger& ledger) {
    std::ostringstream out;
    out << "Slip ledger: " << ledger.versions.size() << " versions, oldest first\n";
    for (std::size_t v = 0; v < ledger.versions.size(); ++v)
        out << "  v" << v + 1 << "  " << version_label(ledger.versions[v]) << '\n';
    out << "target_close: " << ledger_trail(ledger.close) << "; " << moves_text(ledger.close) << '\n';
    for (const auto& row : ledger.steps)
        out << "\"" << row.milestone_id << "\" " << row.title << ": " << ledger_trail(row) << "; "
            << moves_text(row) << '\n';
    return out.str();
}

std::string to_markdown(const slip_ledger& ledger) {
    using render::escape_markdown_cell;
    std::ostringstream out;
    out << "### Slip ledger\n\n| Step |";
    for (std::size_t v = 0; v < ledger.versions.size(); ++v) out << " v" << v + 1 << " |";
    out << " Moves |\n| :--- |";
    for (std::size_t v = 0; v < ledger.versions.size(); ++v) out << " :--- |";
    out << " :--- |\n";
    const auto row_line = [&](const std::string& label, const ledger_row& row) {
        out << "| " << label << " |";
        std::optional<model::date> previous;
        for (const auto& d : row.dates) {
            if (!d) out << " |";
            else if (previous && *d != *previous) out << " **" << model::format_iso_date(*d) << "** |";
            else out << " " << model::format_iso_date(*d) << " |";
            if (d) previous = d;
        }
        out << " " << escape_markdown_cell(moves_text(row)) << " |\n";
    };
    row_line("**Target close**", ledger.close);
    for (const auto& row : ledger.steps)
        row_line(escape_markdown_cell(row.title) + " (" + render::markdown_code_span(row.milestone_id, true) + ")", row);
    out << "\nVersions, oldest first:\n\n";
    for (std::size_t v = 0; v < ledger.versions.size(); ++v)
        out << v + 1 << "\\. " << render::escape_markdown(version_label(ledger.versions[v])) << "  \n";
    out << "\nA date in bold moved from the version before.\n";
    return out.str();
}

}  // namespace closeplan::diff
