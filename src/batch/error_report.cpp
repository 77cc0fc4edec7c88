// SPDX-License-Identifier: MIT
// errors.csv and JSON lines for failed rows.
#include "batch/error_report.hpp"

#include <csv.h>

#include <nlohmann/json.hpp>

#include "support/utf8.hpp"

namespace closeplan::batch {

std::string neutralise_formula(std::string_view value) {
    if (!value.empty()) {
        const char c = value.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + std::string(value);
    }
    return std::string(value);
}

std::string csv_field(std::string_view value) {
    const auto text = neutralise_formula(utf8::replace_invalid(value));
    // csv_write quotes the whole field and doubles quotes: at most 2n + 2 bytes.
    std::string out(text.size() * 2 + 2, '\0');
    const auto used = csv_write(out.data(), out.size(), text.data(), text.size());
    out.resize(used);
    return out;
}

std::string errors_csv_header() { return "row,column,value,code,message,deal_id,deal_name,owner,sheet_row\r\n"; }

std::string errors_csv_line(const row_error& e, const deal_label& deal) {
    return std::to_string(e.line) + "," + csv_field(e.column) + "," + csv_field(e.value) + "," + csv_field(e.code) +
           "," + csv_field(e.message) + "," + csv_field(deal.id) + "," + csv_field(deal.name) + "," +
           csv_field(deal.owner) + "," + (deal.sheet_row > 0 ? std::to_string(deal.sheet_row) : std::string()) + "\r\n";
}

std::string json_string(std::string_view text) {
    return nlohmann::json(utf8::replace_invalid(text)).dump();
}

nlohmann::ordered_json error_json_value(const row_error& e) {
    return {{"row", e.line},
            {"column", utf8::replace_invalid(e.column)},
            {"value", utf8::replace_invalid(e.value)},
            {"code", utf8::replace_invalid(e.code)},
            {"message", utf8::replace_invalid(e.message)}};
}

std::string error_json(const row_error& e) { return error_json_value(e).dump(); }

}  // namespace closeplan::batch
