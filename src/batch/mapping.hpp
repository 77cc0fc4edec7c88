// SPDX-License-Identifier: MIT
// Which column of a CRM export holds what: the Salesforce and HubSpot presets,
// detected from the header row, or a mapping file for anything else.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "batch/crm_dates.hpp"
#include "batch/header.hpp"
#include "batch/money.hpp"
#include "batch/plan_columns.hpp"
#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "schedule/business_calendar.hpp"

namespace closeplan::batch {

/// Deal columns (one row per deal, or the deal columns of a task row).
/// `region` picks the deal's locale and holidays from the mapping's `regions:`, and is a --where field.
enum class deal_field { id, name, account, close_date, amount, currency, owner, stage, next_step, region };
inline constexpr std::size_t deal_field_count = 10;
/// Task columns (one row per task, grouped by the deal id column).
enum class task_field { title, owner_side, due, status, assignee };
inline constexpr std::size_t task_field_count = 5;

/// Contact columns: one row per contact role (with --group-by the deal id),
/// or a separate contacts export joined on `deal_id` (--contacts).
enum class contact_field { deal_id, name, first_name, last_name, title, role, email, primary };
inline constexpr std::size_t contact_field_count = 8;

/// Names as written in mapping files: "close_date", "owner_side", "first_name".
const char* field_name(deal_field f);
const char* field_name(task_field f);
const char* field_name(contact_field f);

/// One entry of the mapping's `regions:`: the locale and holidays of the
/// deals whose region column holds `name` (compared trimmed, any case).
struct region_rule {
    std::string name;
    std::string locale;                    ///< a built-in locale; empty: the run's
    std::vector<std::string> holidays;     ///< files, as resolved against the mapping's folder
    /// Set when `holidays:` is: such deals are scheduled on these holidays alone, not the run's --holidays.
    std::optional<schedule::business_calendar> calendar;
    source_location where;
};

/// Candidate header names per field (the first present one is used), and how
/// the export writes dates and amounts.
struct column_mapping {
    std::string name;  ///< "salesforce", "hubspot", or the mapping file's path
    std::array<std::vector<std::string>, deal_field_count> deal;
    std::array<std::vector<std::string>, task_field_count> task;
    std::array<std::vector<std::string>, contact_field_count> contact;
    /// `roles:` CRM contact role (normalised, contacts.hpp) -> plan role, read before the built-in table.
    std::vector<std::pair<std::string, model::role>> roles;
    date_style dates = date_style::automatic;
    std::optional<decimal_mark> decimal;  ///< unset: from the separator (`;` files use a comma)
    std::string currency;                 ///< when an amount names none
    std::string seller;                   ///< the selling company, for the plan's title block
    std::string locale;                   ///< plan locale (en-US when empty)
    std::string file_name;                ///< output file name pattern (file_names.hpp); empty = `{id}-{name}`
    /// `buyer_page:` the internal fields (next_step, amount, stage) a buyer's
    /// page may show; none by default: CRM notes, amounts and raw stages are the seller's.
    std::vector<deal_field> buyer_fields;
    /// `stages:` raw stage -> the words a buyer reads; a stage listed here is shown, renamed.
    std::vector<std::pair<std::string, std::string>> stage_names;
    /// `closed_stages:` deals in these stages are left out unless --include-closed (the presets know theirs).
    std::vector<std::string> closed_stages;
    /// `plan:` plan fields filled from columns (plan_columns.hpp).
    std::vector<plan_column> plan;
    /// `regions:` region -> locale and holidays (the `region` deal column picks one per row).
    std::vector<region_rule> regions;

    /// The region rule for a row's region value; nullptr when none matches.
    [[nodiscard]] const region_rule* region_named(std::string_view value) const;

    [[nodiscard]] bool shows_buyer(deal_field f) const {
        for (auto shown : buyer_fields)
            if (shown == f) return true;
        return false;
    }
};

/// Whether closeplan ships labels for this locale tag (view/locales.hpp): what a region or a mapped `locale` may name.
bool is_built_in_locale(std::string_view tag);

/// The built-in presets: "salesforce" (an opportunity report, labels or API
/// names) and "hubspot" (a deals export, labels or internal names).
std::optional<column_mapping> preset_named(std::string_view name);
/// The contact columns of both presets (a contacts export of either CRM), for --contacts without a mapping.
column_mapping contacts_preset();
/// The preset whose deal-name column this header has, if any.
std::optional<column_mapping> detect_preset(const header_row& header);

/// Reads a mapping file (YAML or JSON, `closeplan-mapping: 1`); problems are
/// B701 errors with file:line:column. An unreadable file throws (L100).
std::optional<column_mapping> load_mapping(const std::string& path, diagnostic_sink& diags);

/// Column indices of a mapping in one header row.
struct resolved_columns {
    std::array<std::optional<std::size_t>, deal_field_count> deal;
    std::array<std::optional<std::size_t>, task_field_count> task;
    [[nodiscard]] std::optional<std::size_t> at(deal_field f) const { return deal[static_cast<std::size_t>(f)]; }
    std::array<std::optional<std::size_t>, contact_field_count> contact;
    [[nodiscard]] std::optional<std::size_t> at(task_field f) const { return task[static_cast<std::size_t>(f)]; }
    [[nodiscard]] std::optional<std::size_t> at(contact_field f) const { return contact[static_cast<std::size_t>(f)]; }
    /// Parallel to column_mapping::plan: each entry's column (unset for `{ value: }` and absent columns).
    std::vector<std::optional<std::size_t>> plan;
    /// Whether a contact's name can be read (a name column, or first and last name).
    [[nodiscard]] bool has_contact_name() const {
        return at(contact_field::name) || at(contact_field::first_name) || at(contact_field::last_name);
    }
};

resolved_columns resolve_columns(const column_mapping& mapping, const header_row& header);

}  // namespace closeplan::batch
