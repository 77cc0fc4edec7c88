// SPDX-License-Identifier: MIT
// Reads the top of a plan: format version, deal, dates, sign-off and the handoff sections.
#include "validate/plan_reader.hpp"

#include <array>

#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "validate/choices.hpp"
#include "validate/plan_fields.hpp"
#include "validate/links.hpp"
#include "validate/paths.hpp"
#include "validate/wording.hpp"

namespace closeplan::validate {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

// Plain decimal text only: amounts stay exact strings, and "1e5" or "$240k" are guesses we refuse to make.
bool is_plain_decimal(std::string_view text) {
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot);
    if (whole.empty()) return false;
    for (char c : whole)
        if (!is_digit(c)) return false;
    if (dot == std::string_view::npos) return true;
    const auto fraction = text.substr(dot + 1);
    if (fraction.empty()) return false;
    for (char c : fraction)
        if (!is_digit(c)) return false;
    return true;
}

bool is_currency_code(std::string_view text) {
    if (text.size() != 3) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// BCP 47 shape: a 2-8 letter language, then subtags of 1-8 letters or digits.
bool is_language_tag(std::string_view text) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const auto end = text.find('-', start);
        const auto part = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            if (!is_alnum(c)) return false;
            if (first && is_digit(c)) return false;
        }
        if (first && part.size() < 2) return false;
        first = false;
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

}  // namespace closeplan::validate

namespace closeplan::validate::detail {

namespace {

// Markdown fields outside milestones and risks keep their own location, so a
// warning about their content (an unsafe link) points at the right line.
void remember_field_locations(const load::raw_node& root, model::plan& plan) {
    for (const char* key : {"outcome", "notes", "success_criteria", "decision_criteria"}) {
        const auto* node = root.find(key);
        if (!node) continue;
        plan.field_locations[node->where.pointer] = node->where;
        for (const auto& item : node->items) plan.field_locations[item.where.pointer] = item.where;
    }
}




std::string uppercase(std::string_view text) {
    std::string out;
    for (char c : text) out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

const load::raw_member* member_named(const raw_node& map, std::string_view key) {
    for (const auto& m : map.members)
        if (m.key == key) return &m;
    return nullptr;
}

}  // namespace

bool plan_reader::read(const raw_node& root, model::plan& plan) {
    plan.source_file = root.where.file;
    if (!root.is_mapping()) {
        fields_.error("V209", "a plan file must be a mapping of fields, found " + std::string(describe(root)), at(root),
                      {"start the file with `closeplan: 1` and the plan's fields below it"});
        return false;
    }
    if (!read_version(root)) return false;
    fields_.check_keys(root, plan_fields().keys);
    read_deal(root, plan);
    plan.as_of = fields_.date(root, "as_of");
    read_target_close(root, plan);
    read_dates_people_and_steps(root, plan);
    remember_field_locations(root, plan);
    read_sign_off(root, plan);
    read_value_map(root, plan);
    read_locale(root, plan);
    read_commitments(root, plan);
    read_scope(root, plan);
    read_implementation(root, plan);
    read_contract(root, plan);
    read_purchased(root, plan);
    read_environment(root, plan);
    read_competition(root, plan);
    read_red_flags(root, plan);
    collect_extensions(root, plan.extensions);
    check_dates(root, plan);
    return true;
}

void plan_reader::read_target_close(const raw_node& root, model::plan& plan) {
    if (auto close = fields_.date(root, "target_close", need::required,
                                  "target_close is the signature date every milestone works back from")) {
        plan.target_close = *close;
        has_target_close_ = true;
    }
}

void plan_reader::read_locale(const raw_node& root, model::plan& plan) {
    if (auto locale = fields_.located(root, "locale"); locale && !locale->text.empty()) {
        if (is_language_tag(locale->text)) {
            plan.locale = locale->text;
        } else {
            std::vector<std::string> hints;
            auto dashed = locale->text;
            for (char& c : dashed)
                if (c == '_') c = '-';
            if (dashed != locale->text && is_language_tag(dashed)) hints.push_back(did_you_mean(dashed));
            hints.emplace_back("write a language tag such as en-US, en-GB, de or pt-BR");
            fields_.error("V210", "locale " + quote(locale->text) + " is not a language tag", locale->where,
                          std::move(hints));
        }
    }
}

void plan_reader::read_members(const raw_node& root, model::plan& plan) {
    // Each as read() reads it, in read()'s order.
    if (root.find("target_close")) read_target_close(root, plan);
    read_dates_people_and_steps(root, plan);
    read_locale(root, plan);
}

// What read() and read_members() both read after the close date, in this order (an overlay's members
// are read as a plan file's are, so their diagnostics come in the same order).
void plan_reader::read_dates_people_and_steps(const raw_node& root, model::plan& plan) {
    // Extension: the close date first agreed (docs/plan-format.md).
    plan.target_close_baseline = fields_.date(root, "target_close_baseline");
    plan.go_live = fields_.date(root, "go_live");
    plan.outcome = fields_.text(root, "outcome");
    plan.success_criteria = fields_.text_list(root, "success_criteria");
    plan.decision_criteria = fields_.text_list(root, "decision_criteria");
    read_stakeholders(root, plan);
    read_milestones(root, plan);
    read_resources(root, plan);
    read_risks(root, plan);
    plan.notes = fields_.text(root, "notes");
}

bool plan_reader::read_version(const raw_node& root) {
    if (const auto* m = member_named(root, "closeplan-value-map")) {
        fields_.error("V201", "this is a value map file, not a plan", at_key(*m), {"pass it with --value-map FILE"});
        return false;
    }
    if (const auto* m = member_named(root, "closeplan-playbook")) {
        fields_.error("V201", "this is a playbook file, not a plan", at_key(*m), {"pass it with --playbook FILE"});
        return false;
    }
    const bool json = load::syntax_for_path(root.where.file) == load::input_syntax::json;
    const std::string version_line = json ? "`\"closeplan\": 1`" : "`closeplan: 1`";
    const raw_node* version = root.find("closeplan");
    if (!version) {
        fields_.error("V201", "missing format version", at_missing(root, "closeplan"),
                      {"add " + version_line + " at the top of the file"});
    } else if (!version->is_scalar() || trim(version->text) != "1") {
        const std::string written = version->is_scalar() ? quote(version->text) : std::string(describe(*version));
        fields_.error("V201", "unsupported format version " + written, at(*version),
                      {"this closeplan reads format version 1: " + version_line});
    }
    return true;
}

void plan_reader::read_deal(const raw_node& root, model::plan& plan) {
    const raw_node* deal =
        fields_.member(root, "deal", need::required, "every plan names its deal: `deal: { name: ... }`");
    if (!deal || !fields_.expect_mapping(*deal, "\"deal\"")) return;
    fields_.check_keys(*deal, deal_fields().keys);
    plan.deal.id = fields_.text(*deal, "id");
    plan.deal.name = fields_.text(*deal, "name", need::required);
    plan.deal.stage = fields_.text(*deal, "stage");
    if (const raw_node* buyer = fields_.member(*deal, "buyer", need::optional))
        plan.deal.buyer = read_party(*buyer, "buyer");
    if (const raw_node* seller = fields_.member(*deal, "seller", need::optional))
        plan.deal.seller = read_party(*seller, "seller");
    if (auto amount = fields_.located(*deal, "amount"); amount && !amount->text.empty()) {
        if (is_plain_decimal(amount->text))
            plan.deal.amount = amount->text;
        else
            fields_.error("V210", "amount " + quote(amount->text) + " is not a plain number", amount->where,
                          {"write digits with an optional decimal point, e.g. 240000 or 240000.50, and the "
                           "currency in `currency:`"});
    }
    if (auto currency = fields_.located(*deal, "currency"); currency && !currency->text.empty()) {
        if (is_currency_code(currency->text)) {
            plan.deal.currency = currency->text;
        } else {
            std::vector<std::string> hints;
            if (is_currency_code(uppercase(currency->text))) hints.push_back(did_you_mean(uppercase(currency->text)));
            hints.emplace_back("write a three-letter ISO 4217 code such as USD, EUR or GBP");
            fields_.error("V210", "currency " + quote(currency->text) + " is not a three-letter code", currency->where,
                          std::move(hints));
        }
    }
}

model::party plan_reader::read_party(const raw_node& node, std::string_view what) {
    model::party party;
    if (node.is_scalar()) {
        party.name = std::string(trim(node.text));
        return party;
    }
    if (!node.is_mapping()) {
        fields_.error(
            "V209",
            quote(what) + " must be a name or a mapping with name and logo, found " + std::string(describe(node)),
            at(node),
            {"write `" + std::string(what) + ": Northwind Health` or `" + std::string(what) +
             ": { name: Northwind Health, logo: logos/northwind.png }`"});
        return party;
    }
    fields_.check_keys(node, party_fields().keys);
    party.name = fields_.text(node, "name", need::required);
    if (auto logo = fields_.located(node, "logo"); logo && !logo->text.empty()) {
        if (check_local_file(fields_, *logo, options_, "logo", if_missing::warn)) party.logo = logo->text;
    }
    return party;
}

void plan_reader::read_sign_off(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "sign_off", need::optional);
    if (!node || !fields_.expect_mapping(*node, "\"sign_off\"")) return;
    fields_.check_keys(*node, sign_off_fields().keys);
    if (const raw_node* buyer = fields_.member(*node, "buyer", need::optional))
        plan.signatures.buyer = read_signatory(*buyer, true);
    if (const raw_node* seller = fields_.member(*node, "seller", need::optional))
        plan.signatures.seller = read_signatory(*seller, false);
}

std::optional<model::signatory> plan_reader::read_signatory(const raw_node& node, bool buyer_side) {
    const std::string_view what = buyer_side ? "buyer" : "seller";
    model::signatory signer;
    if (node.is_scalar()) {
        auto id = fields_.text_of(node, what, need::required);
        if (!id) return std::nullopt;
        signer.stakeholder_id = *id;
        pending_.signers.push_back({buyer_side, {*id, at(node)}});
        return signer;
    }
    if (!node.is_mapping()) {
        fields_.error("V209",
                      quote(what) + " must be a stakeholder id or a mapping with name, title and date, found " +
                          std::string(describe(node)),
                      at(node),
                      {"write `" + std::string(what) + ": dana` or `" + std::string(what) +
                       ": { name: Dana Ruiz, title: CFO }`"});
        return std::nullopt;
    }
    fields_.check_keys(node, signatory_fields().keys);
    // A stakeholder id with the record of the sign-off: `{ id: dana, date: 2026-06-28, how: email }`.
    if (auto id = fields_.located(node, "id"); id && !id->text.empty()) {
        signer.stakeholder_id = id->text;
        pending_.signers.push_back({buyer_side, *id});
        if (const raw_node* name = node.find("name"))
            fields_.error("V219", quote(what) + " gives both `id` and `name`", at(*name),
                          {"the name and title come from the stakeholder `" + id->text + "`: remove `name` and `title`"});
    } else {
        signer.name = fields_.text(node, "name", need::required);
        signer.title = fields_.text(node, "title");
    }
    signer.signed_on = fields_.date(node, "date");
    signer.how = fields_.choose<model::sign_method>(node, sign_method_choices());
    if (signer.how && !signer.signed_on)
        fields_.warning("V217", quote(what) + " says how it signed but not when", at(*node.find("how")),
                        {"add `date: YYYY-MM-DD`, the day the sign-off was given"});
    return signer;
}

void plan_reader::read_commitments(const raw_node& root, model::plan& plan) {
    for (const raw_node* item : mapping_items(root, "commitments", "commitment")) {
        model::commitment c;
        c.where = at(*item);
        fields_.check_keys(*item, commitment_fields().keys);
        c.title = fields_.text(*item, "title", need::required);
        c.owner = fields_.choose<model::side>(*item, owner_choices());
        c.assignee = stakeholder_ref(*item, "assignee");
        c.due = fields_.date(*item, "due");
        c.source = fields_.text(*item, "source");
        plan.commitments.push_back(std::move(c));
    }
}

void plan_reader::read_scope(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "scope", need::optional);
    if (!node || !fields_.expect_mapping(*node, "\"scope\"", "write `scope: { in: [...], out: [...] }`")) return;
    fields_.check_keys(*node, scope_fields().keys);
    plan.scope_in = fields_.text_list(*node, "in");
    plan.scope_out = fields_.text_list(*node, "out");
}

void plan_reader::read_implementation(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "implementation", need::optional);
    if (!node || !fields_.expect_mapping(*node, "\"implementation\"")) return;
    fields_.check_keys(*node, implementation_fields().keys);
    plan.implementation.kickoff = fields_.date(*node, "kickoff");
    if (const raw_node* owner = fields_.member(*node, "cs_owner", need::optional))
        plan.implementation.cs_owner = read_contact(*owner, "cs_owner");
}

std::optional<model::contact> plan_reader::read_contact(const raw_node& node, std::string_view what) {
    if (!fields_.expect_mapping(node, quote(what),
                                "write `" + std::string(what) + ": { name: ..., title: ..., email: ... }`"))
        return std::nullopt;
    fields_.check_keys(node, contact_fields().keys);
    model::contact c;
    c.name = fields_.text(node, "name", need::required);
    c.title = fields_.text(node, "title");
    if (auto email = fields_.located(node, "email"); email && !email->text.empty()) {
        check_email(*email);
        c.email = email->text;
    }
    return c;
}

void plan_reader::check_email(const located_text& email) {
    if (!plausible_email(email.text))
        fields_.warning("V212", "email " + quote(email.text) + " does not look like an address", email.where,
                        {"write it as name@example.com"});
}

void plan_reader::check_dates(const raw_node& root, const model::plan& plan) {
    using model::format_iso_date;
    // Once both sides have dated their sign-off the deal is signed: a close in the past is no news.
    const bool signed_by_both = plan.signatures.buyer && plan.signatures.buyer->signed_on && plan.signatures.seller &&
                                plan.signatures.seller->signed_on;
    if (has_target_close_ && plan.as_of && plan.target_close < *plan.as_of && !signed_by_both) {
        if (const raw_node* node = root.find("target_close"))
            fields_.warning("V211",
                            "target_close " + format_iso_date(plan.target_close) + " is before as_of " +
                                format_iso_date(*plan.as_of),
                            at(*node), {"the signature date has passed: move target_close if the deal is still open"});
    }
    // A baseline equal to the close says nothing moved: most likely the new date went into the wrong field.
    if (has_target_close_ && plan.target_close_baseline && *plan.target_close_baseline == plan.target_close) {
        if (const raw_node* node = root.find("target_close_baseline"))
            fields_.warning("V211",
                            "target_close_baseline " + format_iso_date(*plan.target_close_baseline) +
                                " is the same as target_close: the close never moved",
                            at(*node),
                            {"keep the first agreed date in target_close_baseline and the new one in target_close, "
                             "or remove target_close_baseline"});
    }
    if (has_target_close_ && plan.go_live && *plan.go_live < plan.target_close) {
        if (const raw_node* node = root.find("go_live"))
            fields_.warning("V211",
                            "go_live " + format_iso_date(*plan.go_live) + " is before target_close " +
                                format_iso_date(plan.target_close),
                            at(*node), {"go-live follows the signature: check both dates"});
    }
}

std::vector<const raw_node*> plan_reader::mapping_items(const raw_node& root, std::string_view key,
                                                        std::string_view item) {
    std::vector<const raw_node*> out;
    const raw_node* node = fields_.member(root, key, need::optional);
    if (!node || !fields_.expect_list(*node, quote(key))) return out;
    for (const auto& entry : node->items) {
        if (entry.is_mapping())
            out.push_back(&entry);
        else
            fields_.error("V209",
                          "each " + std::string(item) + " must be a mapping, found " + std::string(describe(entry)),
                          at(entry), {"write the " + std::string(item) + "'s fields under `- ` as `key: value` lines"});
    }
    return out;
}

void plan_reader::note_id(std::map<std::string, int, std::less<>>& seen, const located_text& id,
                          std::string_view kind) {
    const auto [it, inserted] = seen.emplace(id.text, id.where.line);
    if (inserted) return;
    fields_.error("V205", "duplicate " + std::string(kind) + " id " + quote(id.text), id.where,
                  {"the first " + std::string(kind) + " with this id is on line " + std::to_string(it->second) +
                   "; ids must be unique"});
}

std::string plan_reader::stakeholder_ref(const raw_node& map, std::string_view key) {
    auto id = fields_.located(map, key);
    if (!id || id->text.empty()) return {};
    pending_.stakeholder_refs.push_back({*id, key});
    return id->text;
}

}  // namespace closeplan::validate::detail
