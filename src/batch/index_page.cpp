// SPDX-License-Identifier: MIT
// The batch index pages (index_page.hpp).
#include "batch/index_page.hpp"

#include <cstdio>

#include "model/dates.hpp"
#include "render/escape.hpp"
#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

void append_esc(std::string& out, std::string_view text) {
    if (utf8::is_valid(text)) render::append_escaped_html(out, text);
    else render::append_escaped_html(out, utf8::replace_invalid(text));
}

std::string esc(std::string_view text) {
    std::string out;
    append_esc(out, text);
    return out;
}

void append_percent_encoded(std::string& out, std::string_view name) {
    // Stems are already [A-Za-z0-9_-] plus an extension; encode anything else anyway.
    static constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
            out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
}

// Sorts the table a header belongs to by that column, ascending then
// descending; a cell's data-k, when it has one, is what it sorts by, as a
// number when the header says data-sort="num". Each header holds a button, so
// Tab reaches it and Enter or Space sorts; aria-sort on the header says how.
// Changing one byte changes its hash: tests/unit/batch/index_page_test.cpp checks the pair.
constexpr std::string_view sort_script =
    "for(const t of document.querySelectorAll(\"table.deals\")){const h=t.tHead.rows[0].cells;for(let i=0;i<h.length;"
    "i++)h[i].querySelector(\"button\").addEventListener(\"click\",()=>{const up=h[i].getAttribute(\"aria-sort\")!==\"asce"
    "nding\",num=h[i].dataset.sort===\"num\",key=r=>{const c=r.cells[i];return c.dataset.k??c.textContent};for(const c"
    " of h)c.removeAttribute(\"aria-sort\");h[i].setAttribute(\"aria-sort\",up?\"ascending\":\"descending\");const b=t.tBod"
    "ies[0];b.append(...[...b.rows].sort((x,y)=>{const a=key(x),z=key(y),d=num?(parseFloat(a)||0)-(parseFloat(z)||0"
    "):a.localeCompare(z);return up?d:-d}))})}";
constexpr std::string_view sort_script_hash = "sha256-iOJt1MpGM3hYh2Wwg+icl6ujXeRyDI4wW273rn5h4WM=";

// A column header: a button that sorts (the script above). `number`: the column's
// cells are numbers, right-aligned as they are; `sort_by_number`: it sorts by
// number (Health: a score first, then text, so left-aligned as its cells).
std::string header(std::string_view label, bool number = false, bool sort_by_number = false) {
    return std::string("<th scope=\"col\"") + (number ? " class=\"num\"" : "") +
           (number || sort_by_number ? " data-sort=\"num\"" : "") + "><button type=\"button\">" + std::string(label) +
           "</button></th>";
}

// "87/100: H812 step-at-risk, H814 slipped-steps" (the index is the seller's page, never the buyer's).
std::string health_cell(const deal_health& h) {
    std::string text = std::to_string(h.score) + "/100";
    for (std::size_t i = 0; i < h.rules.size(); ++i) text += (i ? ", " : ": ") + h.rules[i];
    return std::string("<td data-k=\"") + std::to_string(h.score) + "\"" + (h.errors > 0 ? " class=\"bad\"" : "") + ">" +
           esc(text) + "</td>";
}

std::string count(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string_view index_sort_script() { return sort_script; }
std::string_view index_sort_script_hash() { return sort_script_hash; }

std::string index_page_start(const index_page_head& head) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src '" + std::string(sort_script_hash) + "'\">\n"
           "<title>" + esc(head.title) + "</title>\n<style>\n"
           "body{font-family:Helvetica,Arial,sans-serif;margin:2rem;color:#1d2530}\n"
           // Thirteen columns do not fit a phone: the table scrolls sideways in its own box, not the page.
           ".deals-scroll{overflow-x:auto}@media (max-width:40rem){body{margin:1rem}}\n"
           "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .6rem;"
           "border-bottom:1px solid #d5dbe3}.date{white-space:nowrap}\n"
           "th{background:#f1f4f8}th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;"
           "padding:0;margin:0;cursor:pointer;text-align:inherit}th button:focus-visible{outline:2px solid #1d4f7c;"
           "outline-offset:2px}th[aria-sort=ascending]::after{content:\" \\25B2\"}"
           "th[aria-sort=descending]::after{content:\" \\25BC\"}.bad{color:#a11d1d;font-weight:bold}.num{text-align:right}\n"
           ".totals{font-size:1.1rem}nav a,nav strong{margin-right:.4rem}\n"
           "</style>\n</head>\n<body>\n<h1>" + esc(head.title) + "</h1>\n<p>As of " + model::format_iso_date(head.as_of) +
           "</p>\n" + head.totals_html + head.nav_html +
           "<div class=\"deals-scroll\" role=\"region\" aria-label=\"Deals\" tabindex=\"0\">\n"
           "<table class=\"deals\">\n<thead><tr>" + header("Row", true) + header("Deal") + header("Owner") +
           header("Account") + header("Amount", true) + header("Stage") + header("Close date") + header("Progress", true) +
           header("Slips", true) + header("Overdue", true) + header("Schedule") +
           (head.with_health ? header("Health", false, true) : std::string()) + header("Files") +
           "</tr></thead>\n<tbody>\n";
}

std::string index_page_row(const deal_result& deal, bool with_health) {
    // Appended into one string: a row is a few hundred bytes, written once a deal.
    std::string row;
    row.reserve(640);
    const auto number = [&row](auto n) { row += std::to_string(n); };
    const auto text_cell = [&row](std::string_view text, const char* cls = nullptr) {
        row += "<td";
        if (cls) {
            row += " class=\"";
            row += cls;
            row += '"';
        }
        row += '>';
        append_esc(row, text);
        row += "</td>";
    };
    row += "<tr><td class=\"num\">";
    number(deal.sheet_row > 0 ? deal.sheet_row : deal.line);
    row += "</td>";
    if (deal.id.empty()) text_cell(deal.name);
    else if (deal.name.empty()) text_cell(deal.id);
    else text_cell(deal.id + " " + deal.name);
    text_cell(deal.owner);
    text_cell(deal.account);
    // The amount's number first ("240000.00 USD"), so the column sorts by it.
    row += "<td class=\"num\" data-k=\"";
    append_esc(row, std::string_view(deal.amount).substr(0, deal.amount.find(' ')));
    row += "\">";
    append_esc(row, deal.amount);
    row += "</td>";
    text_cell(deal.stage);
    row += "<td class=\"date\">";
    if (deal.close) row += model::format_iso_date(*deal.close);
    row += "</td>";
    if (deal.outcome == deal_outcome::failed) {
        const auto& first = deal.errors.empty() ? row_error{} : deal.errors.front();
        row += "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"bad\">failed: ";
        append_esc(row, first.message);
        row += "</td>";
        if (with_health) row += "<td></td>";
        row += "<td></td></tr>\n";
        return row;
    }
    const int percent = deal.progress.total > 0 ? deal.progress.done * 100 / deal.progress.total : 0;
    row += "<td class=\"num\" data-k=\"";
    number(percent);
    row += "\">";
    number(deal.progress.done);
    row += '/';
    number(deal.progress.total);
    row += "</td><td class=\"num\">";
    number(deal.slipped);
    row += "</td><td class=\"num\">";
    number(deal.overdue);
    row += "</td>";
    if (deal.feasible) {
        row += "<td>fits";
    } else {
        row += "<td class=\"bad\">does not fit: ";
        number(deal.business_days_missing);
        row += " business days missing";
    }
    // One row per task: a deal rendered without its bad tasks says so, with the first problem.
    if (deal.failed_rows > 0 && !deal.errors.empty()) {
        row += "; <span class=\"bad\">";
        row += count(static_cast<std::size_t>(deal.failed_rows), "task", "tasks");
        row += " left out: ";
        append_esc(row, deal.errors.front().message);
        row += "</span>";
    }
    row += "</td>";
    if (with_health) row += deal.health ? health_cell(*deal.health) : "<td></td>";
    row += "<td>";
    for (std::size_t i = 0; i < deal.files.size(); ++i) {
        const auto& file = deal.files[i];
        if (i) row += ' ';
        row += "<a href=\"";
        append_percent_encoded(row, file);
        row += "\">";
        append_esc(row, std::string_view(file).substr(file.rfind('.') + 1));
        row += "</a>";
    }
    row += "</td></tr>\n";
    return row;
}

std::string index_page_end(std::string_view nav_html) {
    return "</tbody>\n</table>\n</div>\n" + std::string(nav_html) + "<script>" + std::string(sort_script) +
           "</script>\n</body>\n</html>\n";
}

std::string index_totals(const batch_totals& totals) {
    const auto other_shard_rows = totals.skipped - totals.up_to_date;
    const auto other_shard_deals = totals.deals_skipped - totals.deals_up_to_date;
    auto line = [](std::size_t with_documents, std::size_t failed, std::size_t elsewhere, std::size_t filtered) {
        return std::to_string(with_documents) + " with documents, " + std::to_string(failed) + " failed" +
               (elsewhere ? ", " + std::to_string(elsewhere) + " in other shards" : std::string()) +
               (filtered ? ", " + std::to_string(filtered) + " left out (closed stages, --where)" : std::string());
    };
    std::string out = "<p class=\"totals\"><strong>" + count(totals.deals_seen(), "deal", "deals") + "</strong>: " +
                      line(totals.deals_rendered + totals.deals_up_to_date, totals.deals_failed, other_shard_deals,
                           totals.deals_filtered) +
                      ".<br>" + count(totals.rows_read, "row", "rows") + " read: " +
                      line(totals.rendered + totals.up_to_date, totals.failed, other_shard_rows, totals.filtered) + ".";
    if (totals.duplicate_ids)
        out += "<br>" + count(totals.duplicate_ids, "row repeats", "rows repeat") + " the deal id of an earlier row (B760).";
    return out + "</p>\n";
}

std::string index_page_file(const std::string& base, std::size_t page) {
    return page <= 1 ? base + ".html" : base + "-p" + std::to_string(page) + ".html";
}

std::string index_nav(std::size_t current, std::size_t pages, const std::string& base) {
    if (pages <= 1) return {};
    std::string out = "<nav><p>Pages (" + std::to_string(index_page_deals) + " deals each): ";
    for (std::size_t k = 1; k <= pages; ++k) {
        if (k == current) out += "<strong>" + std::to_string(k) + "</strong>";
        else {
            out += "<a href=\"";
            append_percent_encoded(out, index_page_file(base, k));
            out += "\">" + std::to_string(k) + "</a>";
        }
        out += k < pages ? " " : "";
    }
    return out + "</p></nav>\n";
}

std::string summary_line(const batch_totals& totals) {
    auto count = [](std::size_t total, std::size_t rendered, std::size_t failed, std::size_t skipped, std::size_t filtered) {
        return std::to_string(total) + " = rendered " + std::to_string(rendered) + " + failed " + std::to_string(failed) +
               " + skipped " + std::to_string(skipped) + (filtered ? " + filtered " + std::to_string(filtered) : std::string());
    };
    return "deals " + count(totals.deals_seen(), totals.deals_rendered, totals.deals_failed, totals.deals_skipped,
                            totals.deals_filtered) +
           "; rows read " + count(totals.rows_read, totals.rendered, totals.failed, totals.skipped, totals.filtered);
}

}  // namespace closeplan::batch
