// SPDX-License-Identifier: MIT
// `closeplan init`: a scheduled plan written for a person to fill in. Every
// field carries its meaning as a comment, taken from the field table the
// validator and the editor schema read (validate/plan_fields.hpp), the first
// time it appears; the first line points YAML editors at the schema.
// Values go through yaml-cpp's emitter (double-quoted), so a deal name from
// the command line cannot change the file's structure.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "model/dates.hpp"
#include "schedule/schedule.hpp"
#include "validate/choices.hpp"
#include "validate/plan_fields.hpp"

namespace closeplan::schedule {

namespace {

using validate::detail::object_spec;

// Comments start in this column when the key and value leave room.
constexpr std::size_t comment_column = 40;

std::string quoted(std::string_view text) {
    YAML::Emitter out;
    out << YAML::DoubleQuoted << std::string(text);
    return out.c_str();
}

class starter_writer {
public:
    explicit starter_writer(std::ostringstream& out) : out_(out) {}

    /// `key: value  # meaning` at `indent`; the meaning once per (object, key).
    void field(int indent, const object_spec& object, std::string_view key, const std::string& value,
               bool list_item = false) {
        std::string line(static_cast<std::size_t>(indent), ' ');
        if (list_item) line.replace(line.size() - 2, 2, "- ");
        line += std::string(key) + ":";
        if (!value.empty()) line += " " + value;
        const auto comment = meaning(object, key);
        if (!comment.empty()) {
            line.resize(std::max(line.size() + 1, comment_column), ' ');
            line += "# " + comment;
        }
        out_ << line << '\n';
    }

private:
    std::string meaning(const object_spec& object, std::string_view key) {
        const std::string seen = std::string(object.name) + "." + std::string(key);
        if (std::find(seen_.begin(), seen_.end(), seen) != seen_.end()) return {};
        seen_.push_back(seen);
        const auto* f = validate::detail::find_field(object, key);
        if (!f) return {};
        std::string text(f->description);
        if (f->choices) text += " " + f->choices().rule + ".";
        return text;
    }

    std::ostringstream& out_;
    std::vector<std::string> seen_;
};

struct person {
    std::string id, name, title, cares_about;
    model::side side_of;
    model::role role_of;
};

// Placeholders for the people every plan needs (health rules H816, H817,
// H820): the buyer's economic buyer and champion, the seller's account executive.
const std::vector<person>& starter_people() {
    static const std::vector<person> people = {
        {"economic-buyer", "Name of the budget owner", "CFO", "Payback period", model::side::buyer, model::role::economic_buyer},
        {"champion", "Name of your champion", "Head of Operations", "Time saved for the team", model::side::buyer, model::role::champion},
        {"account-executive", "Your name", "Account Executive", "", model::side::seller, model::role::account_executive},
    };
    return people;
}

// A step needs someone who answers for it (H806): the champion for the
// buyer's and the joint steps, the account executive for the seller's.
std::string assignee_for(model::side owner) {
    return owner == model::side::seller ? "account-executive" : "champion";
}

}  // namespace

std::string to_starter_yaml(const model::plan& plan, std::string_view schema_ref) {
    using namespace validate::detail;
    std::ostringstream out;
    starter_writer w(out);
    out << "# yaml-language-server: $schema=" << schema_ref << '\n'
        << "# A mutual action plan for one deal (docs/plan-format.md), written by `closeplan init`.\n"
        << "# Replace the placeholders, then: closeplan check " << (plan.source_file.empty() ? "plan.yaml" : plan.source_file)
        << "\n";
    const auto& top = plan_fields();
    w.field(0, top, "closeplan", "1");
    w.field(0, top, "deal", "");
    const auto& deal = validate::detail::deal_fields();
    if (!plan.deal.id.empty()) w.field(2, deal, "id", quoted(plan.deal.id));
    w.field(2, deal, "name", quoted(plan.deal.name));
    w.field(2, deal, "buyer", quoted(plan.deal.buyer.name));
    w.field(2, deal, "seller", quoted(plan.deal.seller.name));
    if (!plan.deal.amount.empty()) w.field(2, deal, "amount", plan.deal.amount);
    if (!plan.deal.currency.empty()) w.field(2, deal, "currency", quoted(plan.deal.currency));
    if (!plan.deal.stage.empty()) w.field(2, deal, "stage", quoted(plan.deal.stage));
    if (plan.as_of) w.field(0, top, "as_of", model::format_iso_date(*plan.as_of));
    w.field(0, top, "target_close", model::format_iso_date(plan.target_close));
    w.field(0, top, "outcome", quoted("The business outcome, in the buyer's words"));
    w.field(0, top, "locale", quoted(plan.locale));

    w.field(0, top, "stakeholders", "");
    const auto& stakeholder = stakeholder_fields();
    for (const auto& p : starter_people()) {
        w.field(4, stakeholder, "id", quoted(p.id), true);
        w.field(4, stakeholder, "name", quoted(p.name));
        w.field(4, stakeholder, "title", quoted(p.title));
        w.field(4, stakeholder, "side", std::string(model::to_string(p.side_of)));
        w.field(4, stakeholder, "role", std::string(model::to_string(p.role_of)));
        if (!p.cares_about.empty()) w.field(4, stakeholder, "cares_about", "[" + quoted(p.cares_about) + "]");
    }

    w.field(0, top, "milestones", "");
    const auto& milestone = milestone_fields();
    for (const auto& m : plan.milestones) {
        w.field(4, milestone, "id", quoted(m.id), true);
        w.field(4, milestone, "title", quoted(m.title));
        w.field(4, milestone, "owner", std::string(model::to_string(m.owner)));
        w.field(4, milestone, "assignee", quoted(assignee_for(m.owner)));
        if (!m.workstream.empty()) w.field(4, milestone, "workstream", quoted(m.workstream));
        if (m.due) w.field(4, milestone, "due", model::format_iso_date(*m.due));
        w.field(4, milestone, "status", std::string(model::to_string(m.state)));
        if (!m.depends_on.empty()) {
            std::string ids;
            for (const auto& id : m.depends_on) ids += (ids.empty() ? "" : ", ") + quoted(id);
            w.field(4, milestone, "depends_on", "[" + ids + "]");
        }
        if (!m.gate.empty()) w.field(4, milestone, "gate", quoted(m.gate));
    }

    w.field(0, top, "sign_off", "");
    const auto& sign_off = sign_off_fields();
    w.field(2, sign_off, "buyer", quoted("economic-buyer"));
    w.field(2, sign_off, "seller", quoted("account-executive"));
    return out.str();
}

}  // namespace closeplan::schedule
