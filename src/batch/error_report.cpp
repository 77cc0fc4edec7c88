// SPDX-License-Identifier: MIT
// errors.csv and JSON lines for failed rows.
#include "batch/error_report.hpp"

#include <csv.h>

#include <array>

#include <nlohmann/json.hpp>

#include "batch/json_fields.hpp"
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

namespace {

/// An error's members in --report json, for the writer and batch-index's reader.
constexpr std::array<json_fields::field<row_error>, 5> error_members{{
    {"row", &row_error::line},
    {"column", &row_error::column},
    {"value", &row_error::value},
    {"code", &row_error::code},
    {"message", &row_error::message},
}};

}  // namespace

nlohmann::ordered_json error_json_value(const row_error& e) {
    nlohmann::ordered_json out;
    json_fields::write(out, e, error_members);
    return out;
}

row_error error_from_json(const nlohmann::json& value) {
    row_error e;
    json_fields::read(value, e, error_members);
    return e;
}

std::string error_json(const row_error& e) { return error_json_value(e).dump(); }

}  // namespace closeplan::batch
