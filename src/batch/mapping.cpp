// SPDX-License-Identifier: MIT
// Presets and mapping files.
#include "batch/mapping.hpp"

#include <algorithm>
#include <filesystem>

#include "batch/contacts.hpp"
#include "batch/deal_filter.hpp"
#include "batch/file_names.hpp"
#include "load/load_document.hpp"
#include "view/locales.hpp"

namespace closeplan::batch {

namespace {

constexpr std::array<const char*, deal_field_count> deal_names{
    "id", "name", "account", "close_date", "amount", "currency", "owner", "stage", "next_step", "region"};
constexpr std::array<const char*, task_field_count> task_names{"title", "owner_side", "due", "status", "assignee"};
constexpr std::array<const char*, contact_field_count> contact_names{"deal_id", "name",  "first_name", "last_name",
                                                                     "title",   "role",  "email",      "primary"};

void set(column_mapping& m, deal_field f, std::vector<std::string> names) {
    m.deal[static_cast<std::size_t>(f)] = std::move(names);
}
void set(column_mapping& m, task_field f, std::vector<std::string> names) {
    m.task[static_cast<std::size_t>(f)] = std::move(names);
}
void set(column_mapping& m, contact_field f, std::vector<std::string> names) {
    m.contact[static_cast<std::size_t>(f)] = std::move(names);
}

// Report labels first (spec section 4), then Data Loader and warehouse API names,
// then the labels of a report exported with the user language set to German.
column_mapping salesforce() {
    column_mapping m;
    m.name = "salesforce";
    set(m, deal_field::id, {"Opportunity ID", "Opportunity ID (18)", "Id", "Opportunity-ID"});
    set(m, deal_field::name, {"Opportunity Name", "Name", "Opportunity-Name"});
    set(m, deal_field::account, {"Account Name", "Account.Name", "account_id", "Accountname", "Account-Name"});
    set(m, deal_field::close_date, {"Close Date", "CloseDate", "close_date", "Schlusstermin", "Abschlussdatum"});
    set(m, deal_field::amount, {"Amount", "Total Amount", "Betrag", "Gesamtbetrag"});
    set(m, deal_field::currency, {"Amount Currency", "Opportunity Currency", "CurrencyIsoCode", "Betragswährung", "Opportunity-Währung"});
    set(m, deal_field::owner, {"Opportunity Owner", "Owner.Name", "owner_id", "Opportunity-Inhaber"});
    set(m, deal_field::stage, {"Stage", "StageName", "stage_name", "Phase"});
    set(m, deal_field::next_step, {"Next Step", "Opportunity Next Steps", "NextStep", "next_step", "Nächster Schritt"});
    set(m, task_field::title, {"Subject", "Betreff"});
    set(m, task_field::due, {"Due Date", "ActivityDate", "Fälligkeitsdatum"});
    set(m, task_field::status, {"Status"});
    set(m, task_field::assignee, {"Assigned", "Assigned To", "Zugewiesen an"});
    // "Opportunities with Contact Roles" reports and Contact Role exports (OpportunityContactRole).
    set(m, contact_field::deal_id, {"Opportunity ID", "OpportunityId", "Opportunity ID (18)"});
    set(m, contact_field::name, {"Contact Name", "Contact: Full Name", "Full Name", "Contact.Name"});
    set(m, contact_field::first_name, {"First Name", "Contact: First Name", "FirstName"});
    set(m, contact_field::last_name, {"Last Name", "Contact: Last Name", "LastName"});
    set(m, contact_field::title, {"Title", "Contact: Title", "Contact.Title"});
    set(m, contact_field::role, {"Contact Role", "Role", "Contact Role: Role"});
    set(m, contact_field::email, {"Email", "Contact: Email", "Contact.Email"});
    set(m, contact_field::primary, {"Primary", "Is Primary", "IsPrimary", "Contact Role: Primary"});
    m.closed_stages = {"Closed Won", "Closed Lost"};
    return m;
}

column_mapping hubspot() {
    column_mapping m;
    m.name = "hubspot";
    set(m, deal_field::id, {"Record ID", "deal_id", "hs_object_id"});
    set(m, deal_field::name, {"Deal Name", "property_dealname", "dealname"});
    set(m, deal_field::account, {"Associated Company", "Company name"});
    set(m, deal_field::close_date, {"Close Date", "property_closedate", "closedate"});
    set(m, deal_field::amount, {"Amount", "property_amount", "amount"});
    set(m, deal_field::currency, {"Currency", "deal_currency_code"});
    set(m, deal_field::owner, {"Deal owner", "owner_id", "hubspot_owner_id"});
    set(m, deal_field::stage, {"Deal Stage", "deal_pipeline_stage_id", "dealstage"});
    set(m, deal_field::next_step, {"Next step", "hs_next_step"});
    set(m, task_field::title, {"Task Title", "Subject"});
    set(m, task_field::due, {"Due Date"});
    set(m, task_field::status, {"Task Status", "Status"});
    set(m, task_field::assignee, {"Assigned to"});
    // Contacts exported with their associated deals (several ids split by `;`).
    set(m, contact_field::deal_id, {"Associated Deal IDs", "Associated Deal", "Deal ID", "deal_id"});
    set(m, contact_field::name, {"Full Name", "Contact Name"});
    set(m, contact_field::first_name, {"First Name", "firstname"});
    set(m, contact_field::last_name, {"Last Name", "lastname"});
    set(m, contact_field::title, {"Job Title", "jobtitle"});
    set(m, contact_field::role, {"Buying Role", "hs_buying_role"});
    set(m, contact_field::email, {"Email", "email"});
    set(m, contact_field::primary, {"Primary Contact", "Primary"});
    m.closed_stages = {"closedwon", "closedlost", "Closed Won", "Closed Lost"};
    return m;
}

template <typename Field, std::size_t N>
std::optional<Field> field_named(const std::array<const char*, N>& names, std::string_view key) {
    for (std::size_t i = 0; i < N; ++i)
        if (key == names[i]) return static_cast<Field>(i);
    return std::nullopt;
}

std::string known(const auto& names) {
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// `name: Close Date` or `name: [Close Date, CloseDate]`.
std::vector<std::string> header_names(const load::raw_node& node, diagnostic_sink& diags) {
    std::vector<std::string> out;
    if (node.is_scalar()) out.push_back(node.text);
    else if (node.is_sequence())
        for (const auto& item : node.items) {
            if (item.is_scalar()) out.push_back(item.text);
            else diags.error("B701", "a column name must be text", item.where);
        }
    else diags.error("B701", "a column must be a header name or a list of them", node.where,
                     {"write `close_date: Close Date` or `close_date: [Close Date, CloseDate]`"});
    return out;
}

void read_columns(const load::raw_node& node, column_mapping& m, std::string_view section, diagnostic_sink& diags) {
    const bool task = section == "task";
    if (!node.is_mapping()) {
        diags.error("B701", "`" + std::string(section) + "` must be a mapping of field: column", node.where);
        return;
    }
    for (const auto& member : node.members) {
        if (section == "contact") {
            if (auto f = field_named<contact_field>(contact_names, member.key))
                m.contact[static_cast<std::size_t>(*f)] = header_names(member.value, diags);
            else diags.error("B701", "unknown contact field `" + member.key + "`", member.key_where,
                             {"contact fields are " + known(contact_names)});
        } else if (task) {
            if (auto f = field_named<task_field>(task_names, member.key))
                m.task[static_cast<std::size_t>(*f)] = header_names(member.value, diags);
            else diags.error("B701", "unknown task field `" + member.key + "`", member.key_where,
                             {"task fields are " + known(task_names)});
        } else {
            if (auto f = field_named<deal_field>(deal_names, member.key))
                m.deal[static_cast<std::size_t>(*f)] = header_names(member.value, diags);
            else diags.error("B701", "unknown deal field `" + member.key + "`", member.key_where,
                             {"deal fields are " + known(deal_names)});
        }
    }
}

// `buyer_page: [amount, stage]`: the internal fields a buyer's page may show.
void read_buyer_fields(const load::raw_node& node, column_mapping& m, diagnostic_sink& diags) {
    const std::vector<load::raw_node> one{node};
    for (const auto& item : node.is_sequence() ? node.items : one) {
        const auto f = item.is_scalar() ? field_named<deal_field>(deal_names, item.text) : std::nullopt;
        if (f && (*f == deal_field::next_step || *f == deal_field::amount || *f == deal_field::stage))
            m.buyer_fields.push_back(*f);
        else diags.error("B701", "`" + item.text + "` is not an internal field a buyer's page can show", item.where,
                         {"buyer_page lists next_step, amount and stage"});
    }
}

// `roles: { Business Approver: decision_maker }`: CRM role -> plan role, over the built-in table.
void read_roles(const load::raw_node& node, column_mapping& m, diagnostic_sink& diags) {
    if (!node.is_mapping()) {
        diags.error("B701", "`roles` must be a mapping of CRM role: plan role", node.where,
                    {"write for example `roles: { Business Approver: decision_maker }`"});
        return;
    }
    for (const auto& member : node.members) {
        const auto role = member.value.is_scalar() ? plan_role_named(member.value.text) : std::nullopt;
        if (!role) {
            diags.error("B701", "`" + member.value.text + "` is not a plan role", member.value.where,
                        {"plan roles are " + plan_role_names()});
            continue;
        }
        m.roles.emplace_back(normalise_role(member.key), *role);
    }
}

// `regions: { EMEA-DE: { locale: de, holidays: holidays/de.yaml }, US: { locale: en-US } }`;
// holiday files resolve against the mapping's folder and are read once, here.
void read_regions(const load::raw_node& node, const std::string& mapping_path, column_mapping& m, diagnostic_sink& diags) {
    if (!node.is_mapping()) {
        diags.error("B701", "`regions` must be a mapping of region: { locale, holidays }", node.where,
                    {"write for example `regions: { EMEA-DE: { locale: de, holidays: holidays/de.yaml } }`"});
        return;
    }
    const auto folder = std::filesystem::path(mapping_path).parent_path();
    for (const auto& member : node.members) {
        region_rule rule;
        rule.name = member.key;
        rule.where = member.key_where;
        if (!member.value.is_mapping()) {
            diags.error("B701", "the region `" + member.key + "` must be a mapping with `locale` and/or `holidays`",
                        member.value.where, {"write `" + member.key + ": { locale: de, holidays: holidays/de.yaml }`"});
            continue;
        }
        for (const auto& field : member.value.members) {
            if (field.key == "locale" && field.value.is_scalar()) {
                if (is_built_in_locale(field.value.text)) rule.locale = field.value.text;
                else diags.error("B701", "the region `" + member.key + "` names locale `" + field.value.text +
                                             "`, which closeplan has no labels for",
                                 field.value.where, {"locales are " + view::built_in_locale_list()});
            } else if (field.key == "holidays") {
                const auto files = header_names(field.value, diags);
                schedule::business_calendar calendar;
                for (const auto& file : files) {
                    const auto path = (folder / file).lexically_normal().string();
                    if (auto days = schedule::load_holidays(path, diags)) calendar.add(*days);
                    rule.holidays.push_back(path);
                }
                rule.calendar = std::move(calendar);
            } else {
                diags.error("B701", "unknown region field `" + field.key + "`", field.key_where,
                            {"a region has `locale` (a built-in locale) and `holidays` (files, relative to the mapping)"});
            }
        }
        m.regions.push_back(std::move(rule));
    }
}

}  // namespace

bool is_built_in_locale(std::string_view tag) {
    for (const auto& l : view::built_in_locales())
        if (l.tag == tag) return true;
    return false;
}

const region_rule* column_mapping::region_named(std::string_view value) const {
    const auto key = filter_key(value);
    for (const auto& r : regions)
        if (filter_key(r.name) == key) return &r;
    return nullptr;
}

const char* field_name(contact_field f) { return contact_names[static_cast<std::size_t>(f)]; }
const char* field_name(deal_field f) { return deal_names[static_cast<std::size_t>(f)]; }
const char* field_name(task_field f) { return task_names[static_cast<std::size_t>(f)]; }

std::optional<column_mapping> preset_named(std::string_view name) {
    if (name == "salesforce") return salesforce();
    if (name == "hubspot") return hubspot();
    return std::nullopt;
}

column_mapping contacts_preset() {
    auto both = salesforce();
    both.name = "the salesforce and hubspot presets";
    const auto other = hubspot();
    for (std::size_t i = 0; i < contact_field_count; ++i)
        for (const auto& name : other.contact[i])
            if (std::find(both.contact[i].begin(), both.contact[i].end(), name) == both.contact[i].end())
                both.contact[i].push_back(name);
    return both;
}

std::optional<column_mapping> detect_preset(const header_row& header) {
    for (auto preset : {salesforce(), hubspot()}) {
        const auto& names = preset.deal[static_cast<std::size_t>(deal_field::name)];
        const auto& dates = preset.deal[static_cast<std::size_t>(deal_field::close_date)];
        auto has_any = [&](const std::vector<std::string>& candidates) {
            for (const auto& n : candidates)
                if (header.find(n)) return true;
            return false;
        };
        // "Name" alone is too common to identify Salesforce: require its close date too.
        if (has_any(names) && has_any(dates)) return preset;
    }
    return std::nullopt;
}

std::optional<column_mapping> load_mapping(const std::string& path, diagnostic_sink& diags) {
    const auto errors_before = diags.error_count();
    auto tree = load::load_file(path, diags);
    if (!tree) return std::nullopt;
    column_mapping m;
    m.name = path;
    if (!tree->is_mapping()) {
        diags.error("B701", "a mapping file must be a mapping with `closeplan-mapping: 1`", tree->where);
        return std::nullopt;
    }
    const auto* version = tree->find("closeplan-mapping");
    if (!version || version->text != "1")
        diags.error("B701", "a mapping file starts with `closeplan-mapping: 1`", tree->where);
    for (const auto& member : tree->members) {
        const auto& key = member.key;
        const auto& value = member.value;
        if (key == "closeplan-mapping") continue;
        if (key == "deal" || key == "task" || key == "contact") {
            read_columns(value, m, key, diags);
        } else if (key == "plan") {
            m.plan = read_plan_columns(value, diags);
        } else if (key == "regions") {
            read_regions(value, path, m, diags);
        } else if (key == "roles") {
            read_roles(value, m, diags);
        } else if (key == "dates") {
            if (auto style = parse_date_style(value.text); style && value.is_scalar()) m.dates = *style;
            else diags.error("B701", "unknown date style `" + value.text + "`", value.where,
                             {"use M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD"});
        } else if (key == "decimal") {
            if (value.text == "point") m.decimal = decimal_mark::point;
            else if (value.text == "comma") m.decimal = decimal_mark::comma;
            else diags.error("B701", "`decimal` must be `point` or `comma`", value.where);
        } else if (key == "currency") {
            const bool ok = value.text.size() == 3 && std::all_of(value.text.begin(), value.text.end(),
                                                                  [](char c) { return c >= 'A' && c <= 'Z'; });
            if (ok) m.currency = value.text;
            else diags.error("B701", "`currency` must be a three-letter code such as USD", value.where);
        } else if (key == "seller" && value.is_scalar()) {
            m.seller = value.text;
        } else if (key == "locale" && value.is_scalar()) {
            m.locale = value.text;
        } else if (key == "buyer_page") {
            read_buyer_fields(value, m, diags);
        } else if (key == "stages") {
            if (!value.is_mapping()) diags.error("B701", "`stages` must be a mapping of CRM stage: buyer's words", value.where);
            for (const auto& stage : value.members) {
                if (stage.value.is_scalar() && !stage.value.text.empty()) m.stage_names.emplace_back(stage.key, stage.value.text);
                else diags.error("B701", "the stage `" + stage.key + "` needs the words a buyer reads", stage.value.where);
            }
        } else if (key == "closed_stages") {
            m.closed_stages = header_names(value, diags);
        } else if (key == "file_name") {
            const auto problem = value.is_scalar() ? file_name_pattern_problem(value.text)
                                                   : std::optional<std::string>("it must be text");
            if (problem) diags.error("B701", "`file_name` cannot name files: " + *problem, value.where,
                                     {"write for example `file_name: \"{id}-{name}\"` or `\"{account}-{id}\"`"});
            else m.file_name = value.text;
        } else if (!key.starts_with("x-")) {
            diags.error("B701", "unknown mapping key `" + key + "`", member.key_where,
                        {"keys are closeplan-mapping, deal, task, contact, plan, regions, roles, dates, decimal, currency, seller, "
                         "locale, file_name, buyer_page, stages, closed_stages"});
        }
    }
    if (diags.error_count() != errors_before) return std::nullopt;
    return m;
}

resolved_columns resolve_columns(const column_mapping& mapping, const header_row& header) {
    resolved_columns out;
    auto first_present = [&](const std::vector<std::string>& candidates) -> std::optional<std::size_t> {
        for (const auto& name : candidates)
            if (auto column = header.find(name)) return column;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < deal_field_count; ++i) out.deal[i] = first_present(mapping.deal[i]);
    for (std::size_t i = 0; i < task_field_count; ++i) out.task[i] = first_present(mapping.task[i]);
    for (std::size_t i = 0; i < contact_field_count; ++i) out.contact[i] = first_present(mapping.contact[i]);
    for (const auto& column : mapping.plan) out.plan.push_back(first_present(column.headers));
    return out;
}

}  // namespace closeplan::batch
