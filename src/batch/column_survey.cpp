// SPDX-License-Identifier: MIT
// Column-wide reading of dates and amounts: the evidence, then one verdict.
#include "batch/column_survey.hpp"

#include <algorithm>
#include <cstdio>

#include "batch/xlsx_reader.hpp"
#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

constexpr std::size_t proofs_kept = 2;  // the error names two proving rows

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Floating-point noise as spreadsheets and HubSpot print a double: only digits,
// marks and a sign, 15 or more significant digits, four or more of them after
// the last mark (so `1,234,567,890,123,456` is grouping). parse_money rounds it.
bool looks_like_float_noise(std::string_view text) {
    std::size_t significant = 0, after_mark = 0;
    bool started = false, marked = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            started = started || c != '0';
            if (started) ++significant;
            ++after_mark;
        } else if (c == '.' || c == ',') {
            after_mark = 0;
            marked = true;
        } else if (c != '-') {
            return false;  // a double prints as digits, one mark and a sign, nothing else
        }
    }
    return marked && significant >= 15 && after_mark >= 4;
}

// The line a byte of a value is on: values with line breaks span lines.
int line_of(const csv_record& record, std::size_t column, std::size_t offset) {
    int line = record.line;
    for (std::size_t c = 0; c < column && c < record.fields.size(); ++c)
        line += static_cast<int>(std::count(record.fields[c].begin(), record.fields[c].end(), '\n'));
    const auto& value = record.fields[column];
    line += static_cast<int>(std::count(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    return line;
}

// The record's first byte that is not UTF-8; sets `saw_utf8` when a value
// holds a valid sequence beyond ASCII (before its own first bad byte).
std::optional<bad_byte> first_bad_in(const csv_record& record, bool& saw_utf8) {
    std::optional<bad_byte> first;
    for (std::size_t column = 0; column < record.fields.size(); ++column) {
        const auto& value = record.fields[column];
        if (std::all_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            continue;
        const auto bad = utf8::find_invalid(value);
        const std::size_t valid_end = bad ? bad->offset : value.size();
        if (std::any_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(valid_end),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            saw_utf8 = true;
        if (bad && !first)
            first = bad_byte{line_of(record, column, bad->offset), column, static_cast<unsigned char>(value[bad->offset])};
    }
    return first;
}

std::string column_label(const header_row* header, std::size_t column, bool sheet = false) {
    std::string label = "column " + (sheet ? column_letters(column) : std::to_string(column + 1));
    if (header && column < header->size() && !header->name(column).empty())
        label += " (`" + utf8::replace_invalid(header->name(column)) + "`)";
    return label;
}

std::string quoted_proofs(const std::vector<proving_value>& proofs, const char* line_word) {
    std::string out;
    for (std::size_t i = 0; i < proofs.size(); ++i)
        out += std::string(i == 0 ? "" : " and ") + line_word + " " + std::to_string(proofs[i].line) + " \"" +
               utf8::replace_invalid(proofs[i].value) + "\"";
    return out;
}

const char* mark_name(decimal_mark mark) { return mark == decimal_mark::point ? "point" : "comma"; }
const char* mark_example(decimal_mark mark) { return mark == decimal_mark::point ? "1,234.56" : "1.234,56"; }

}  // namespace

void column_evidence::add(std::size_t reading, int line, std::string_view value) {
    if (proofs[reading].size() < proofs_kept) proofs[reading].push_back({line, std::string(value)});
}

std::optional<date_style> settled_columns::date_style_of(std::optional<std::size_t> column) const {
    if (!column) return std::nullopt;
    for (const auto& [c, style] : dates)
        if (c == *column) return style;
    return std::nullopt;
}

column_survey::column_survey(std::vector<std::size_t> date_columns, std::vector<std::size_t> amount_columns) {
    for (auto c : date_columns)
        if (std::none_of(dates_.begin(), dates_.end(), [&](const column_evidence& e) { return e.column == c; }))
            dates_.push_back({c, {}});
    for (auto c : amount_columns) amounts_.push_back({c, {}});
}

void column_survey::check_text(const csv_record& record) {
    if (bad_) {
        // Only whether UTF-8 appears anywhere still matters.
        if (!saw_utf8_) first_bad_in(record, saw_utf8_);
        return;
    }
    bad_ = first_bad_in(record, saw_utf8_);
}

void column_survey::observe(const csv_record& record) {
    if (!record.problem.empty()) return;
    check_text(record);
    for (auto& e : dates_) {
        if (e.column >= record.fields.size()) continue;
        const auto value = trimmed(record.fields[e.column]);
        if (auto style = proven_style(value)) e.add(*style == date_style::month_first ? 0 : 1, record.line, value);
    }
    for (auto& e : amounts_) {
        if (e.column >= record.fields.size()) continue;
        const auto value = trimmed(record.fields[e.column]);
        if (auto mark = proven_mark(value)) e.add(*mark == decimal_mark::point ? 0 : 1, record.line, value);
        if (looks_like_float_noise(value) && noisy_++ == 0) first_noisy_ = proving_value{record.line, std::string(value)};
    }
}

std::optional<bad_byte> header_bad_byte(const csv_record& header) {
    bool ignored = false;
    return first_bad_in(header, ignored);
}

void report_not_utf8(const bad_byte& bad, const header_row* header, const std::string& file_name,
                     diagnostic_sink& diags) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", bad.byte);
    diags.error("B720",
                std::string("the export is not UTF-8: byte ") + byte + " in " + column_label(header, bad.column) +
                    " is not UTF-8, and no value is; it was probably saved as Windows-1252 (Excel's \"CSV\" on Windows)",
                {file_name, bad.line, 0, {}},
                {"convert it first: iconv -f WINDOWS-1252 -t UTF-8 '" + file_name + "' > export-utf8.csv",
                 "or export again as \"CSV UTF-8\""});
}

std::optional<settled_columns> settle_columns(const column_survey& survey, const header_row& header,
                                              const stated_styles& stated, const std::string& file_name,
                                              std::string_view default_currency, diagnostic_sink& diags) {
    // A file with bytes that are not UTF-8 and no UTF-8 beyond ASCII is in
    // another encoding: one error for the file, not one for every value. A
    // UTF-8 file with one broken value keeps the row's own error (B704).
    if (survey.first_bad_byte() && !survey.saw_utf8()) {
        report_not_utf8(*survey.first_bad_byte(), &header, file_name, diags);
        return std::nullopt;
    }
    settled_columns out;
    const std::string line_word = stated.sheet ? "row" : "line";
    const char* date_readings[] = {"month first (M/D/YYYY)", "day first (D/M/YYYY)"};
    for (const auto& e : survey.dates()) {
        const auto& [month_first, day_first] = e.proofs;
        const auto label = column_label(&header, e.column, stated.sheet);
        if (!month_first.empty() && !day_first.empty()) {
            const auto& a = month_first.front();
            const auto& b = day_first.front();
            const auto& first = a.line < b.line ? a : b;
            diags.error("B715",
                        label + " writes dates both month first (" + line_word + " " + std::to_string(a.line) + " \"" + a.value +
                            "\") and day first (" + line_word + " " + std::to_string(b.line) + " \"" + b.value +
                            "\"), so none of its slash dates can be trusted",
                        {file_name, first.line, 0, {}},
                        {"correct the rows in the CRM, or export each region separately",
                         "no --date-format can fix this: one of those rows would be read wrong"});
            return std::nullopt;
        }
        std::optional<date_style> proven;
        if (!month_first.empty()) proven = date_style::month_first;
        if (!day_first.empty()) proven = date_style::day_first;
        if (proven && stated.dates && *stated.dates != *proven) {
            const auto& proofs = e.proofs[*proven == date_style::month_first ? 0 : 1];
            diags.error("B716",
                        stated.dates_source + " contradicts " + label + ": " + quoted_proofs(proofs, line_word.c_str()) +
                            (proofs.size() == 1 ? " is " : " are ") + "only possible " +
                            date_readings[*proven == date_style::month_first ? 0 : 1],
                        {file_name, proofs.front().line, 0, {}},
                        {std::string("drop the date format: the column's values settle it as ") + style_name(*proven),
                         "or, when these rows are the wrong ones, correct them in the CRM"});
            return std::nullopt;
        }
        if (proven) out.dates.emplace_back(e.column, *proven);
        else if (stated.dates) out.dates.emplace_back(e.column, *stated.dates);
    }

    column_evidence amounts;  // the export has one decimal mark: all amount columns together
    for (const auto& e : survey.amounts())
        for (std::size_t r = 0; r < 2; ++r)
            for (const auto& p : e.proofs[r]) amounts.add(r, p.line, p.value);
    const auto amount_label = survey.amounts().empty() ? std::string() : column_label(&header, survey.amounts().front().column, stated.sheet);
    const auto& [points, commas] = amounts.proofs;
    if (!points.empty() && !commas.empty()) {
        const auto& a = points.front();
        const auto& b = commas.front();
        diags.error("B717",
                    amount_label + " writes amounts with a decimal point (" + line_word + " " + std::to_string(a.line) + " \"" +
                        a.value + "\") and with a decimal comma (" + line_word + " " + std::to_string(b.line) + " \"" + b.value +
                        "\"), so an amount like 240,000 cannot be read",
                    {file_name, std::min(a.line, b.line), 0, {}},
                    {"correct the rows in the CRM so one convention is used throughout"});
        return std::nullopt;
    }
    std::optional<decimal_mark> proven_decimal;
    if (!points.empty()) proven_decimal = decimal_mark::point;
    if (!commas.empty()) proven_decimal = decimal_mark::comma;
    if (proven_decimal && stated.decimal && *stated.decimal != *proven_decimal) {
        const auto& proofs = amounts.proofs[*proven_decimal == decimal_mark::point ? 0 : 1];
        diags.error("B718",
                    stated.decimal_source + " contradicts " + amount_label + ": " + quoted_proofs(proofs, line_word.c_str()) +
                        (proofs.size() == 1 ? " is " : " are ") + "written with a decimal " + mark_name(*proven_decimal) +
                        " (like " + mark_example(*proven_decimal) + ")",
                    {file_name, proofs.front().line, 0, {}},
                    {std::string("drop the decimal setting: the column's values settle it as ") + mark_name(*proven_decimal)});
        return std::nullopt;
    }
    out.decimal = proven_decimal ? *proven_decimal : stated.decimal ? *stated.decimal : stated.default_decimal;

    if (const auto& noisy = survey.first_noisy()) {
        std::string rounded;
        auto parsed = parse_money(noisy->value, out.decimal, default_currency);
        if (auto* m = std::get_if<money>(&parsed)) rounded = " becomes " + m->decimal_text();
        diags.report({severity::note, "B719",
                      std::to_string(survey.noisy_amounts()) +
                          (survey.noisy_amounts() == 1 ? " amount in " + amount_label + " carries floating-point noise and is"
                                                       : " amounts in " + amount_label + " carry floating-point noise and are") +
                          " rounded to the currency's minor unit (" + line_word + " " +
                          std::to_string(noisy->line) + " \"" + noisy->value + "\"" + rounded + ")",
                      {file_name, noisy->line, 0, {}},
                      {"export the amount as a currency field, or round it in the CRM, to keep this note away"}});
    }
    return out;
}

}  // namespace closeplan::batch
