// SPDX-License-Identifier: MIT
// The typed plan: what validate/ produces from a raw tree and every later stage reads.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"

namespace closeplan::model {

using date = std::chrono::year_month_day;

enum class side { buyer, seller, both };
enum class status { not_started, scheduled, in_progress, done, blocked };
enum class level { high, medium, low };  // influence and risk severity

/// Roles are a closed list in the spec (plan-format.md section 1).
enum class role {
    economic_buyer, champion, decision_maker, technical_evaluator, security, legal,
    procurement, executive_sponsor, end_user,
    account_executive, solutions_engineer, customer_success, sales_leader, other
};

enum class resource_kind {
    roi, security, case_study, legal, proposal, implementation, reference, other
};

struct party {
    std::string name;
    std::string logo;  ///< path relative to the plan file, already checked to stay inside allowed folders; empty = none
};

struct deal_info {
    std::string id;    ///< optional; names output files in batch
    std::string name;  ///< required
    party buyer;
    party seller;
    std::string amount;    ///< exact decimal text as written ("240000", "240000.50"); empty = none
    std::string currency;  ///< ISO code, e.g. "USD"; empty = none
    std::string stage;
};

struct stakeholder {
    std::string id;
    std::string name;
    std::string title;
    side party_side = side::buyer;  ///< buyer or seller (never both)
    std::optional<role> role_kind;
    std::optional<level> influence;
    std::string email;
    std::vector<std::string> cares_about;  ///< the plan's own list (value map merged later, in analyze/)
    source_location where;
};

struct milestone {
    std::string id;
    std::string title;
    side owner = side::both;
    std::string assignee;  ///< stakeholder id or empty
    std::string workstream;
    std::optional<date> due;
    std::optional<date> baseline;
    /// closeplan extension `history:`: the earlier due dates between baseline and
    /// due, oldest first, so the handoff can say how many times the step moved.
    std::vector<date> history;
    status state = status::not_started;
    std::optional<date> completed;
    std::vector<std::string> depends_on;
    std::string gate;
    std::string notes;  ///< Markdown (md field)
    source_location where;
};

struct resource {
    std::string id;
    std::string title;
    resource_kind kind = resource_kind::other;
    std::string url;   ///< http(s) or mailto only (validated)
    std::string path;  ///< local file, relative to the plan, checked to stay inside allowed folders
    std::vector<std::string> for_ids;
    source_location where;
};

struct risk {
    std::string title;
    level severity_level = level::medium;
    std::optional<side> owner;
    std::string assignee;
    std::string mitigation;  ///< Markdown
    std::string milestone_id;
    source_location where;
};

/// One sign-off line. Either a stakeholder reference (stakeholder_id set, name
/// and title copied from that stakeholder by validate/) or written inline.
/// How a side gave its sign-off (plan-format.md, sign_off).
enum class sign_method { email, meeting, signature };

struct signatory {
    std::string stakeholder_id;
    std::string name;
    std::string title;
    std::optional<date> signed_on;
    std::optional<sign_method> how;  ///< only with a date
};

struct sign_off {
    std::optional<signatory> buyer;
    std::optional<signatory> seller;
};

/// One entry of a value map (plan-format.md section 2).
struct value_entry {
    std::vector<role> match_roles;
    std::vector<std::string> match_title_words;  ///< case-insensitive, any word
    std::vector<std::string> match_ids;
    std::vector<std::string> cares_about;
    std::vector<std::string> proof;       ///< resource kinds or resource ids
    std::vector<std::string> milestones;  ///< workstreams or milestone ids
    source_location where;
};

struct commitment {
    std::string title;
    std::optional<side> owner;
    std::string assignee;
    std::optional<date> due;
    std::string source;
    source_location where;
};

struct contact {
    std::string name;
    std::string title;
    std::string email;
};

struct implementation_info {
    std::optional<date> kickoff;
    std::optional<contact> cs_owner;
};

/// `contract:` the key terms Customer Success runs the account by.
struct contract_terms {
    std::optional<date> start;
    std::optional<int> term_months;
    std::optional<date> renewal_date;  ///< as written, else start + term (contract_renewal())
    std::string renewal_rule;          ///< "Auto-renews for 12 months unless cancelled"
    std::optional<int> notice_days;    ///< notice period before renewal, in days
    std::string billing;               ///< "Annual in advance, net 30"
    std::string notes;                 ///< plain text: anything else agreed in the contract
    source_location where;
    [[nodiscard]] bool empty() const {
        return !start && !term_months && !renewal_date && renewal_rule.empty() && !notice_days && billing.empty() &&
               notes.empty();
    }
};

/// One line of `purchased:`.
struct purchase {
    std::string product;
    std::string quantity;  ///< exact decimal text as written; empty = none
    std::string unit;
    std::string note;
    source_location where;
};

/// `environment:` the buyer's systems and what the product must connect to.
struct environment_info {
    std::vector<std::string> systems;
    std::vector<std::string> integrations;
    std::string notes;  ///< plain text
};

/// One entry of `competition:`.
struct competitor {
    std::string who;
    std::string why_we_won;
    source_location where;
};

struct extension_member;

/// An extension value (`x-` key) kept as written: text, list or mapping.
struct extension_value {
    enum class kind { null, text, list, map };
    kind type = kind::null;
    std::string text;
    std::vector<extension_value> items;
    /// In file order. A struct, not a std::pair: a pair may not hold the type
    /// being defined (clang's libstdc++ checks refuse it).
    std::vector<extension_member> members;
};

struct extension_member {
    std::string key;
    extension_value value;
};

/// An `x-` key anywhere in the plan, with its JSON Pointer ("/milestones/2/x-jira").
struct extension_field {
    std::string pointer;
    std::string key;  ///< "x-jira"
    extension_value value;
    source_location where;
};

struct plan {
    int format_version = 1;
    deal_info deal;
    std::optional<date> as_of;  ///< from the file; the CLI may override; absent = today
    date target_close;
    /// closeplan extension `target_close_baseline:`: the close date first agreed,
    /// so a moved close shows it ("Target close 29 May 2026 (was 22 May)").
    std::optional<date> target_close_baseline;
    std::optional<date> go_live;
    std::string outcome;                         ///< Markdown
    std::vector<std::string> success_criteria;   ///< Markdown items
    std::vector<std::string> decision_criteria;  ///< Markdown items
    std::vector<stakeholder> stakeholders;
    std::vector<milestone> milestones;
    std::vector<resource> resources;
    std::vector<risk> risks;
    std::string notes;  ///< Markdown: open items
    sign_off signatures;
    std::vector<value_entry> value_map;  ///< inline entries plus those of the value map file
    std::string locale = "en-US";
    std::vector<commitment> commitments;
    std::vector<std::string> scope_in;
    std::vector<std::string> scope_out;
    implementation_info implementation;
    contract_terms contract;
    std::vector<purchase> purchased;
    environment_info environment;
    std::vector<competitor> competition;
    std::vector<std::string> red_flags;
    /// Every `x-` key of the file, in file order (not descended into: an `x-`
    /// mapping is one field).
    std::vector<extension_field> extensions;

    std::string source_file;  ///< path of the plan file as given
    /// Where the plan-level Markdown fields are (by JSON Pointer: "/outcome",
    /// "/success_criteria/0"), for diagnostics about their content.
    std::map<std::string, source_location> field_locations;

    [[nodiscard]] const stakeholder* find_stakeholder(std::string_view id) const;
    [[nodiscard]] const milestone* find_milestone(std::string_view id) const;
    [[nodiscard]] const resource* find_resource(std::string_view id) const;
    /// The renewal date as written, else start + term_months; none when neither.
    [[nodiscard]] std::optional<date> contract_renewal() const;
    /// The last day to give notice: renewal minus notice_days; none without both.
    [[nodiscard]] std::optional<date> contract_notice_by() const;
};

// Names as written in plan files ("buyer", "in_progress", "economic_buyer"...).
std::string_view to_string(side v);
std::string_view to_string(status v);
std::string_view to_string(level v);
std::string_view to_string(role v);
std::string_view to_string(resource_kind v);
std::string_view to_string(sign_method v);

}  // namespace closeplan::model
