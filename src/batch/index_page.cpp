// SPDX-License-Identifier: MIT
// The batch index page and the JSON form of a deal.
#include "batch/index_page.hpp"

#include "model/dates.hpp"
#include "render/escape.hpp"
#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

std::string esc(std::string_view text) { return render::escape_html(utf8::replace_invalid(text)); }

std::string percent_encode_path(std::string_view name) {
    // Stems are already [A-Za-z0-9_-] plus an extension; encode anything else anyway.
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
            out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

}  // namespace

std::string index_page_start(const std::string& title, model::date as_of, bool with_health) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<title>" + esc(title) + "</title>\n<style>\n"
           "body{font-family:Helvetica,Arial,sans-serif;margin:2rem;color:#1d2530}\n"
           "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #d5dbe3}\n"
           "th{background:#f1f4f8}.bad{color:#a11d1d;font-weight:bold}.num{text-align:right}\n"
           "</style>\n</head>\n<body>\n<h1>" + esc(title) + "</h1>\n<p>As of " + model::format_iso_date(as_of) +
           "</p>\n<table>\n<thead><tr><th>Row</th><th>Deal</th><th>Close date</th><th class=\"num\">Progress</th>"
           "<th class=\"num\">Slips</th><th class=\"num\">Overdue</th><th>Schedule</th>" +
           std::string(with_health ? "<th>Health</th>" : "") + "<th>Files</th></tr></thead>\n<tbody>\n";
}

namespace {

// "87/100: H812 step-at-risk, H814 slipped-steps" (the index is the seller's page, never the buyer's).
std::string health_cell(const deal_health& h) {
    std::string text = std::to_string(h.score) + "/100";
    for (std::size_t i = 0; i < h.rules.size(); ++i) text += (i ? ", " : ": ") + h.rules[i];
    return std::string("<td") + (h.errors > 0 ? " class=\"bad\"" : "") + ">" + esc(text) + "</td>";
}

}  // namespace

std::string index_page_row(const deal_result& deal, bool with_health) {
    std::string label = deal.id.empty() ? deal.name : deal.name.empty() ? deal.id : deal.id + " " + deal.name;
    std::string row = "<tr><td>" + std::to_string(deal.line) + "</td><td>" + esc(label) + "</td><td>" +
                      (deal.close ? model::format_iso_date(*deal.close) : std::string()) + "</td>";
    if (deal.outcome == deal_outcome::failed) {
        const auto& first = deal.errors.empty() ? row_error{} : deal.errors.front();
        return row + "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"bad\">failed: " +
               esc(first.message) + "</td>" + (with_health ? "<td></td>" : "") + "<td></td></tr>\n";
    }
    row += "<td class=\"num\">" + std::to_string(deal.progress.done) + "/" + std::to_string(deal.progress.total) +
           "</td><td class=\"num\">" + std::to_string(deal.slipped) + "</td><td class=\"num\">" +
           std::to_string(deal.overdue) + "</td>";
    row += deal.feasible ? std::string("<td>fits</td>")
                         : "<td class=\"bad\">does not fit: " + std::to_string(deal.business_days_missing) +
                               " business days missing</td>";
    if (with_health) row += deal.health ? health_cell(*deal.health) : "<td></td>";
    row += "<td>";
    for (std::size_t i = 0; i < deal.files.size(); ++i) {
        const auto& file = deal.files[i];
        row += (i ? " " : "") + std::string("<a href=\"") + percent_encode_path(file) + "\">" +
               esc(file.substr(file.rfind('.') + 1)) + "</a>";
    }
    return row + "</td></tr>\n";
}

std::string index_page_end(const batch_totals& totals) {
    // Counts of what the folder holds, not of this run: a resumed batch and
    // an uninterrupted one give the same page.
    const auto other_shards = totals.skipped - totals.up_to_date;
    return "</tbody>\n</table>\n<p>" + std::to_string(totals.rows_read) + " rows read: " +
           std::to_string(totals.rendered + totals.up_to_date) + " with documents, " + std::to_string(totals.failed) +
           " failed" + (other_shards ? ", " + std::to_string(other_shards) + " in other shards" : std::string()) +
           (totals.filtered ? ", " + std::to_string(totals.filtered) + " left out (closed stages, --where)" : std::string()) +
           ".</p>\n</body>\n</html>\n";
}

std::string summary_line(const batch_totals& totals) {
    return "rows read " + std::to_string(totals.rows_read) + " = rendered " + std::to_string(totals.rendered) +
           " + failed " + std::to_string(totals.failed) + " + skipped " + std::to_string(totals.skipped) +
           (totals.filtered ? " + filtered " + std::to_string(totals.filtered) : std::string());
}

}  // namespace closeplan::batch
