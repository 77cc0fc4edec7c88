// SPDX-License-Identifier: MIT
// CRM rows to plans.
#include "batch/deal_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "batch/deal_filter.hpp"
#include "model/dates.hpp"
#include "schedule/schedule.hpp"
#include "batch/xlsx_reader.hpp"
#include "support/utf8.hpp"
#include "view/locales.hpp"

namespace closeplan::batch {

namespace {

std::string_view value_at(const export_row& row, std::optional<std::size_t> column) {
    if (!column || *column >= row.values.size()) return {};
    return row.values[*column];
}

std::string column_name(const row_reader& reader, std::optional<std::size_t> column, const char* field) {
    if (!column) return field;
    if (!reader.sheet_columns) return reader.header->name(*column);
    return reader.header->name(*column) + " (column " + column_letters(*column) + ")";
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// Reads the deal columns every mode shares; adds B705/B706/B707 errors.
struct deal_values {
    std::string id, name, account, owner, stage, next_step, amount, currency, region;
    std::optional<model::date> close;
};

deal_values read_deal_values(const export_row& row, const row_reader& reader, std::vector<row_error>& errors,
                             bool close_required) {
    deal_values v;
    auto text = [&](deal_field f) { return clean_text(trimmed(value_at(row, reader.columns.at(f)))); };
    v.id = text(deal_field::id);
    v.name = text(deal_field::name);
    v.account = text(deal_field::account);
    v.owner = text(deal_field::owner);
    v.stage = text(deal_field::stage);
    v.next_step = text(deal_field::next_step);
    v.region = text(deal_field::region);

    const auto name_column = reader.columns.at(deal_field::name);
    if (v.name.empty() && name_column)
        errors.push_back({row.line, column_name(reader, name_column, "name"), "", "B705", "the deal name is empty"});

    const auto close_column = reader.columns.at(deal_field::close_date);
    const auto close_text = trimmed(value_at(row, close_column));
    if (!close_text.empty() || (close_required && close_column)) {
        auto parsed = parse_crm_date(close_text, reader.close_dates.value_or(reader.mapping->dates));
        if (auto* d = std::get_if<model::date>(&parsed)) v.close = *d;
        else errors.push_back({row.line, column_name(reader, close_column, "close_date"), close_text,
                               close_text.empty() ? "B705" : "B706",
                               close_text.empty() ? "the close date is empty"
                                                  : "close date \"" + close_text + "\" " + std::get<std::string>(parsed)});
    }

    const auto amount_column = reader.columns.at(deal_field::amount);
    const auto amount_text = trimmed(value_at(row, amount_column));
    if (!amount_text.empty()) {
        const auto currency_text = trimmed(value_at(row, reader.columns.at(deal_field::currency)));
        const std::string fallback = !currency_text.empty() ? currency_text : reader.mapping->currency;
        auto parsed = parse_money(amount_text, reader.decimal, fallback);
        if (auto* m = std::get_if<money>(&parsed)) {
            if (m->minor < 0) {
                errors.push_back({row.line, column_name(reader, amount_column, "amount"), amount_text, "B707",
                                  "amount \"" + amount_text + "\" is negative"});
            } else {
                v.amount = m->decimal_text();
                v.currency = m->currency;
            }
        } else {
            errors.push_back({row.line, column_name(reader, amount_column, "amount"), amount_text, "B707",
                              "amount \"" + amount_text + "\" " + std::get<std::string>(parsed)});
        }
    }
    return v;
}

// The seller's people and the deal's own words, added to a plan however its milestones came.
void add_deal_details(model::plan& plan, const deal_values& v, const row_reader& reader, const region_rule* region) {
    if (!v.owner.empty()) {
        model::stakeholder owner;
        owner.id = "deal-owner";
        owner.name = v.owner;
        owner.title = "Deal owner";
        owner.party_side = model::side::seller;
        owner.role_kind = model::role::account_executive;
        plan.stakeholders.push_back(std::move(owner));
    }
    // CRM notes are the seller's: on a buyer's page only when the mapping says so.
    if (!v.next_step.empty() && reader.mapping->shows_buyer(deal_field::next_step)) plan.notes = v.next_step;
    // --locale names every plan's locale; else the deal's region's, else the mapping's.
    plan.locale = region && !region->locale.empty() && !reader.locale_forced ? region->locale : reader.locale;
    plan.value_map.insert(plan.value_map.end(), reader.value_map.begin(), reader.value_map.end());
}

/// The stage a buyer reads: renamed by the mapping's `stages:`, else the raw
/// stage only when `buyer_page` lists it (raw stages are CRM ids and sales jargon).
std::string buyer_stage(const std::string& stage, const column_mapping& mapping) {
    if (stage.empty()) return {};
    for (const auto& [crm, words] : mapping.stage_names)
        if (filter_key(crm) == filter_key(stage)) return words;
    return mapping.shows_buyer(deal_field::stage) ? stage : std::string();
}

schedule::deal_fields deal_fields_of(const deal_values& v, const row_reader& reader) {
    schedule::deal_fields fields;
    fields.id = v.id;
    fields.name = v.name.empty() ? (v.id.empty() ? std::string("Deal") : v.id) : v.name;
    if (!v.account.empty()) fields.buyer = v.account;
    if (!reader.mapping->seller.empty()) fields.seller = reader.mapping->seller;
    if (reader.mapping->shows_buyer(deal_field::amount)) {
        fields.amount = v.amount;
        fields.currency = v.currency;
    }
    fields.stage = buyer_stage(v.stage, *reader.mapping);
    return fields;
}

/// The deal's region rule (mapping `regions:`); a region the table does not
/// name is a B742 error at the region column. nullptr when there is none.
const region_rule* region_of(const export_row& row, const deal_values& v, const row_reader& reader,
                             std::vector<row_error>& errors) {
    if (reader.mapping->regions.empty() || v.region.empty()) return nullptr;
    if (const auto* rule = reader.mapping->region_named(v.region)) return rule;
    std::string known;
    for (const auto& r : reader.mapping->regions) known += (known.empty() ? "" : ", ") + r.name;
    errors.push_back({row.line, column_name(reader, reader.columns.at(deal_field::region), "region"), v.region, "B742",
                      "region \"" + v.region + "\" is not in the regions of " + reader.mapping->name + " (" + known + ")"});
    return nullptr;
}

/// Each `plan:` entry's text for this row: the cell cleaned, CRM dates as
/// YYYY-MM-DD when they can be read (else as written, for the validator's
/// V204), a locale checked against the built-in ones (B741).
std::vector<plan_cell> plan_cells_of(const export_row& row, const row_reader& reader, std::vector<row_error>& errors) {
    std::vector<plan_cell> cells;
    const auto& columns = reader.mapping->plan;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        if (c.value) {
            cells.push_back({&c, std::nullopt, {}, *c.value});
            continue;
        }
        const auto index = i < reader.columns.plan.size() ? reader.columns.plan[i] : std::nullopt;
        if (!index) continue;
        auto text = clean_text(trimmed(value_at(row, index)));
        if (text.empty()) continue;
        const auto name = column_name(reader, index, c.path.c_str());
        using validate::detail::field_kind;
        if (c.kind == field_kind::date || c.kind == field_kind::date_list) {
            const auto style = i < reader.plan_dates.size() && reader.plan_dates[i] ? *reader.plan_dates[i] : reader.mapping->dates;
            auto as_iso = [&](std::string_view piece) {
                auto parsed = parse_crm_date(trimmed(piece), style);
                const auto* d = std::get_if<model::date>(&parsed);
                return d ? model::format_iso_date(*d) : std::string(piece);
            };
            if (c.split.empty()) {
                text = as_iso(text);
            } else {
                std::string out;
                std::size_t start = 0;
                while (start <= text.size()) {
                    auto end = text.find(c.split, start);
                    if (end == std::string::npos) end = text.size();
                    out += (start ? c.split : std::string()) + as_iso(std::string_view(text).substr(start, end - start));
                    start = end + c.split.size();
                }
                text = std::move(out);
            }
        }
        if (c.path == "locale" && !is_built_in_locale(text)) {
            errors.push_back({row.line, name, text, "B741",
                              "locale \"" + text + "\" has no labels in closeplan (locales are " +
                                  view::built_in_locale_list() + ")"});
            continue;
        }
        cells.push_back({&c, index, name, std::move(text)});
    }
    return cells;
}

/// The mapped plan fields of the deal's (first) row over its plan; false: the deal failed.
bool add_plan_cells(model::plan& plan, const export_row& row, const row_reader& reader, std::vector<row_error>& errors) {
    if (reader.mapping->plan.empty()) return true;
    const auto cells = plan_cells_of(row, reader, errors);
    if (!errors.empty()) return false;
    return apply_plan_cells(plan, cells, reader.file_name, row.line, errors);
}

std::optional<model::side> owner_side(std::string_view text) {
    const auto key = lower(trimmed(text));
    for (auto w : {"buyer", "customer", "client", "prospect"})
        if (key == w) return model::side::buyer;
    for (auto w : {"seller", "vendor", "us", "internal", "supplier"})
        if (key == w) return model::side::seller;
    for (auto w : {"", "both", "shared", "joint", "mutual"})
        if (key == w) return model::side::both;
    return std::nullopt;
}

std::optional<model::status> task_status(std::string_view text) {
    const auto key = lower(trimmed(text));
    for (auto w : {"", "not started", "not_started", "open", "to do", "todo", "deferred"})
        if (key == w) return model::status::not_started;
    for (auto w : {"scheduled", "planned"})
        if (key == w) return model::status::scheduled;
    for (auto w : {"in progress", "in_progress", "started", "waiting on someone else", "waiting"})
        if (key == w) return model::status::in_progress;
    for (auto w : {"done", "completed", "complete", "closed"})
        if (key == w) return model::status::done;
    for (auto w : {"blocked", "on hold", "stuck"})
        if (key == w) return model::status::blocked;
    return std::nullopt;
}

}  // namespace

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            out += "\xEF\xBF\xBD";
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::vector<row_error> check_row_text(const export_row& row, const row_reader& reader) {
    std::vector<row_error> errors;
    for (std::size_t column = 0; column < row.values.size(); ++column) {
        const auto& value = row.values[column];
        const bool past_header = column >= reader.header->size();
        if (past_header && !value.empty()) {
            errors.push_back({row.line, "column " + std::to_string(column + 1), value, "B708",
                              "the row has " + std::to_string(row.values.size()) + " values but the header has " +
                                  std::to_string(reader.header->size()) + " columns"});
            break;
        }
        if (auto bad = utf8::find_invalid(value)) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(value[bad->offset]));
            errors.push_back({row.line, past_header ? "column " + std::to_string(column + 1) : column_name(reader, column, ""),
                              value, "B704",
                              std::string("invalid UTF-8 (") + std::string(utf8::describe(bad->kind)) + ", byte " + byte +
                                  " at offset " + std::to_string(bad->offset) + ")"});
        }
    }
    return errors;
}

std::pair<std::string, std::string> deal_identity(const export_row& row, const row_reader& reader) {
    return {clean_text(trimmed(value_at(row, reader.columns.at(deal_field::id)))),
            clean_text(trimmed(value_at(row, reader.columns.at(deal_field::name))))};
}

std::string deal_value(const export_row& row, const row_reader& reader, deal_field field) {
    return clean_text(trimmed(value_at(row, reader.columns.at(field))));
}

naming_fields deal_naming(const export_row& row, const row_reader& reader, bool with_more) {
    auto field = [&](deal_field f) { return clean_text(trimmed(value_at(row, reader.columns.at(f)))); };
    naming_fields out;
    out.id = field(deal_field::id);
    out.name = field(deal_field::name);
    if (with_more) {
        out.account = field(deal_field::account);
        out.owner = field(deal_field::owner);
    }
    return out;
}

built_deal build_deal_from_row(const export_row& row, const row_reader& reader, const schedule::playbook& book,
                               const schedule::business_calendar& calendar) {
    built_deal out;
    out.errors = check_row_text(row, reader);
    if (!out.errors.empty()) return out;
    const auto v = read_deal_values(row, reader, out.errors, true);
    out.id = v.id;
    out.name = v.name;
    out.owner = v.owner;
    const auto* region = region_of(row, v, reader, out.errors);
    if (!out.errors.empty() || !v.close) return out;

    const auto scheduled = schedule::schedule_backward(book, *v.close, reader.as_of,
                                                       region && region->calendar ? *region->calendar : calendar);
    if (auto why = model::range_problem(scheduled.first_start)) {
        const auto close_column = reader.columns.at(deal_field::close_date);
        out.errors.push_back({row.line, column_name(reader, close_column, "close_date"), model::format_iso_date(*v.close),
                              "B706", "close date " + model::format_iso_date(*v.close) +
                                          " leaves no room: the schedule would start on " +
                                          model::format_iso_date(scheduled.first_start) + ", which " + *why});
        return out;
    }
    out.feasible = scheduled.feasible;
    out.business_days_missing = scheduled.business_days_missing;
    out.plan = schedule::build_plan(book, scheduled, deal_fields_of(v, reader), *v.close, reader.as_of);
    add_deal_details(*out.plan, v, reader, region);
    if (!add_plan_cells(*out.plan, row, reader, out.errors)) out.plan.reset();
    return out;
}

built_deal build_deal_from_tasks(const std::vector<export_row>& rows, const row_reader& reader) {
    built_deal out;
    for (const auto& row : rows) {
        auto problems = check_row_text(row, reader);
        out.errors.insert(out.errors.end(), problems.begin(), problems.end());
    }
    if (!out.errors.empty() || rows.empty()) return out;

    const auto v = read_deal_values(rows.front(), reader, out.errors, false);
    out.id = v.id;
    out.name = v.name;
    out.owner = v.owner;
    const auto* region = region_of(rows.front(), v, reader, out.errors);

    model::plan plan;
    std::optional<model::date> latest_due;
    std::unordered_map<std::string, std::string> person_ids;  // assignee name -> stakeholder id, one lookup per row
    for (const auto& row : rows) {
        model::milestone m;
        m.id = "task-" + std::to_string(plan.milestones.size() + 1);
        const auto title_column = reader.columns.at(task_field::title);
        m.title = clean_text(trimmed(value_at(row, title_column)));
        if (m.title.empty())
            out.errors.push_back({row.line, column_name(reader, title_column, "title"), "", "B705", "the task title is empty"});

        const auto side_column = reader.columns.at(task_field::owner_side);
        const auto side_text = trimmed(value_at(row, side_column));
        if (auto side = owner_side(side_text)) m.owner = *side;
        else out.errors.push_back({row.line, column_name(reader, side_column, "owner_side"), side_text, "B709",
                                   "owner side \"" + side_text + "\" is not buyer, seller or both"});

        const auto status_column = reader.columns.at(task_field::status);
        const auto status_text = trimmed(value_at(row, status_column));
        if (auto state = task_status(status_text)) m.state = *state;
        else out.errors.push_back({row.line, column_name(reader, status_column, "status"), status_text, "B709",
                                   "status \"" + status_text + "\" is not one of not started, in progress, done, blocked"});

        const auto due_column = reader.columns.at(task_field::due);
        const auto due_text = trimmed(value_at(row, due_column));
        if (!due_text.empty() || m.state != model::status::done) {
            auto parsed = parse_crm_date(due_text, reader.due_dates.value_or(reader.mapping->dates));
            if (auto* d = std::get_if<model::date>(&parsed)) {
                m.due = *d;
                if (!latest_due || *d > *latest_due) latest_due = *d;
            } else {
                out.errors.push_back({row.line, column_name(reader, due_column, "due"), due_text,
                                      due_text.empty() ? "B705" : "B706",
                                      due_text.empty() ? "the due date is empty"
                                                       : "due date \"" + due_text + "\" " + std::get<std::string>(parsed)});
            }
        }

        const auto who = clean_text(trimmed(value_at(row, reader.columns.at(task_field::assignee))));
        if (!who.empty()) {
            auto [found, added] = person_ids.try_emplace(who, "person-" + std::to_string(person_ids.size() + 1));
            if (added) {
                model::stakeholder person;
                person.id = found->second;
                person.name = who;
                person.party_side = m.owner == model::side::buyer ? model::side::buyer : model::side::seller;
                plan.stakeholders.push_back(std::move(person));
            }
            m.assignee = found->second;
        }
        m.where.line = row.line;
        plan.milestones.push_back(std::move(m));
    }
    if (!out.errors.empty()) return out;

    const auto close = v.close ? *v.close : latest_due ? *latest_due : reader.as_of;
    const auto fields = deal_fields_of(v, reader);
    plan.deal.id = fields.id;
    plan.deal.name = fields.name;
    plan.deal.buyer.name = fields.buyer;
    plan.deal.seller.name = fields.seller;
    plan.deal.amount = fields.amount;
    plan.deal.currency = fields.currency;
    plan.deal.stage = fields.stage;
    plan.as_of = reader.as_of;
    plan.target_close = close;
    add_deal_details(plan, v, reader, region);
    if (add_plan_cells(plan, rows.front(), reader, out.errors)) out.plan = std::move(plan);
    return out;
}

}  // namespace closeplan::batch
