// SPDX-License-Identifier: MIT
// Writes plan.json with nlohmann::ordered_json so keys keep the documented order.
#include "handoff/plan_json.hpp"

#include <nlohmann/json.hpp>

#include "model/dates.hpp"

namespace closeplan::handoff {

namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<model::date>& d) { return d ? json(model::format_iso_date(*d)) : json(nullptr); }
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

template <typename E>
json enum_or_null(const std::optional<E>& e) {
    return e ? json(std::string(model::to_string(*e))) : json(nullptr);
}

json dates(const std::vector<model::date>& list) {
    json out = json::array();
    for (const auto& d : list) out.push_back(model::format_iso_date(d));
    return out;
}

json texts(const std::vector<std::string>& list) {
    json out = json::array();
    for (const auto& s : list) out.push_back(s);
    return out;
}

std::string_view health_name(analyze::step_health h) {
    switch (h) {
        case analyze::step_health::done: return "done";
        case analyze::step_health::on_track: return "on_track";
        case analyze::step_health::at_risk: return "at_risk";
        case analyze::step_health::stalled: return "stalled";
    }
    return "on_track";
}

json progress_json(const analyze::progress& p) { return json{{"done", p.done}, {"total", p.total}}; }

json signatory_json(const std::optional<model::signatory>& s) {
    if (!s) return nullptr;
    return json{{"stakeholder", text_or_null(s->stakeholder_id)},
                {"name", s->name},
                {"title", text_or_null(s->title)},
                {"signed_on", date_or_null(s->signed_on)},
                {"how", enum_or_null(s->how)}};
}

json int_or_null(const std::optional<int>& n) { return n ? json(*n) : json(nullptr); }

// Extension values as written: every scalar stays text (the loader never types them).
json extension_json(const model::extension_value& v) {
    using kind = model::extension_value::kind;
    switch (v.type) {
        case kind::null: return nullptr;
        case kind::text: return v.text;
        case kind::list: {
            json out = json::array();
            for (const auto& item : v.items) out.push_back(extension_json(item));
            return out;
        }
        case kind::map: {
            json out = json::object();
            for (const auto& [key, value] : v.members) out[key] = extension_json(value);
            return out;
        }
    }
    return nullptr;
}

json milestone_json(const model::milestone& m, const analyze::milestone_analysis& a) {
    const auto moves = moves_of(m);
    json analysis{{"health", std::string(health_name(a.health))},
                  {"overdue", a.overdue},
                  {"days_overdue", a.days_overdue},
                  {"slipped", a.slipped},
                  {"slip_days", a.slip_days},
                  {"baseline_delta_days", a.baseline_delta_days},
                  {"late_completion", a.late_completion},
                  {"days_late", a.days_late},
                  {"after_target_close", a.after_target_close},
                  {"moves", moves.moves},
                  {"agreed", date_or_null(moves.agreed)}};
    return json{{"id", m.id},
                {"title", m.title},
                {"owner", std::string(model::to_string(m.owner))},
                {"assignee", text_or_null(m.assignee)},
                {"workstream", text_or_null(m.workstream)},
                {"due", date_or_null(m.due)},
                {"baseline", date_or_null(m.baseline)},
                {"history", dates(m.history)},
                {"status", std::string(model::to_string(m.state))},
                {"completed", date_or_null(m.completed)},
                {"depends_on", texts(m.depends_on)},
                {"gate", text_or_null(m.gate)},
                {"notes", text_or_null(m.notes)},
                {"analysis", std::move(analysis)}};
}

json value_row_json(const analyze::value_row& r) {
    return json{{"stakeholder", r.stakeholder_id},
                {"cares_about", texts(r.cares_about)},
                {"proof_resources", texts(r.proof_resource_ids)},
                {"proof_missing", texts(r.proof_unresolved)},
                {"milestones", texts(r.milestone_ids)},
                {"covered", r.covered},
                {"relevant", r.relevant}};
}

}  // namespace

std::string write_plan_json(const model::plan& p, const analyze::analysis& facts, const std::vector<gap>& gaps) {
    json doc;
    doc["closeplan_plan_json"] = 1;
    doc["as_of"] = model::format_iso_date(facts.as_of);
    doc["locale"] = p.locale;
    doc["deal"] = json{{"id", text_or_null(p.deal.id)},
                       {"name", p.deal.name},
                       {"buyer", json{{"name", p.deal.buyer.name}, {"logo", text_or_null(p.deal.buyer.logo)}}},
                       {"seller", json{{"name", p.deal.seller.name}, {"logo", text_or_null(p.deal.seller.logo)}}},
                       {"amount", text_or_null(p.deal.amount)},
                       {"currency", text_or_null(p.deal.currency)},
                       {"stage", text_or_null(p.deal.stage)}};
    doc["target_close"] = model::format_iso_date(p.target_close);
    doc["target_close_baseline"] = date_or_null(p.target_close_baseline);
    doc["go_live"] = date_or_null(p.go_live);
    doc["outcome"] = text_or_null(p.outcome);
    doc["success_criteria"] = texts(p.success_criteria);
    doc["decision_criteria"] = texts(p.decision_criteria);

    json people = json::array();
    for (const auto& s : p.stakeholders)
        people.push_back(json{{"id", s.id},
                              {"name", s.name},
                              {"title", text_or_null(s.title)},
                              {"side", std::string(model::to_string(s.party_side))},
                              {"role", enum_or_null(s.role_kind)},
                              {"influence", enum_or_null(s.influence)},
                              {"email", text_or_null(s.email)},
                              {"cares_about", texts(s.cares_about)}});
    doc["stakeholders"] = std::move(people);

    json steps = json::array();
    for (std::size_t i = 0; i < p.milestones.size(); ++i) steps.push_back(milestone_json(p.milestones[i], facts.milestones[i]));
    doc["milestones"] = std::move(steps);

    json resources = json::array();
    for (const auto& r : p.resources)
        resources.push_back(json{{"id", text_or_null(r.id)},
                                 {"title", r.title},
                                 {"kind", std::string(model::to_string(r.kind))},
                                 {"url", text_or_null(r.url)},
                                 {"path", text_or_null(r.path)},
                                 {"for", texts(r.for_ids)}});
    doc["resources"] = std::move(resources);

    json risks = json::array();
    for (const auto& r : p.risks)
        risks.push_back(json{{"title", r.title},
                             {"severity", std::string(model::to_string(r.severity_level))},
                             {"owner", enum_or_null(r.owner)},
                             {"assignee", text_or_null(r.assignee)},
                             {"mitigation", text_or_null(r.mitigation)},
                             {"milestone", text_or_null(r.milestone_id)}});
    doc["risks"] = std::move(risks);
    doc["notes"] = text_or_null(p.notes);
    doc["sign_off"] = json{{"buyer", signatory_json(p.signatures.buyer)}, {"seller", signatory_json(p.signatures.seller)}};

    json commitments = json::array();
    for (const auto& c : p.commitments)
        commitments.push_back(json{{"title", c.title},
                                   {"owner", enum_or_null(c.owner)},
                                   {"assignee", text_or_null(c.assignee)},
                                   {"due", date_or_null(c.due)},
                                   {"source", text_or_null(c.source)}});
    doc["commitments"] = std::move(commitments);
    doc["scope"] = json{{"in", texts(p.scope_in)}, {"out", texts(p.scope_out)}};
    json cs_owner = nullptr;
    if (const auto& who = p.implementation.cs_owner)
        cs_owner = json{{"name", who->name}, {"title", text_or_null(who->title)}, {"email", text_or_null(who->email)}};
    doc["implementation"] = json{{"kickoff", date_or_null(p.implementation.kickoff)}, {"cs_owner", std::move(cs_owner)}};
    const auto& c = p.contract;
    doc["contract"] = json{{"start", date_or_null(c.start)},
                           {"term_months", int_or_null(c.term_months)},
                           {"renewal", date_or_null(c.renewal_date)},
                           {"renewal_rule", text_or_null(c.renewal_rule)},
                           {"notice_days", int_or_null(c.notice_days)},
                           {"billing", text_or_null(c.billing)},
                           {"notes", text_or_null(c.notes)},
                           {"renews_on", date_or_null(p.contract_renewal())},
                           {"notice_by", date_or_null(p.contract_notice_by())}};
    json purchased = json::array();
    for (const auto& item : p.purchased)
        purchased.push_back(json{{"product", item.product},
                                 {"quantity", text_or_null(item.quantity)},
                                 {"unit", text_or_null(item.unit)},
                                 {"note", text_or_null(item.note)}});
    doc["purchased"] = std::move(purchased);
    doc["environment"] = json{{"systems", texts(p.environment.systems)},
                              {"integrations", texts(p.environment.integrations)},
                              {"notes", text_or_null(p.environment.notes)}};
    json competition = json::array();
    for (const auto& who : p.competition)
        competition.push_back(json{{"who", who.who}, {"why_we_won", text_or_null(who.why_we_won)}});
    doc["competition"] = std::move(competition);
    doc["red_flags"] = texts(p.red_flags);
    // Keyed by where they were written, so a field under a milestone stays told apart from one at the top.
    json extensions = json::object();
    for (const auto& x : p.extensions) extensions[x.pointer] = extension_json(x.value);
    doc["extensions"] = std::move(extensions);

    json value_rows = json::array();
    for (const auto& r : facts.value_rows) value_rows.push_back(value_row_json(r));
    doc["analysis"] = json{{"days_to_close", facts.days_to_close},
                           {"progress", json{{"overall", progress_json(facts.overall)},
                                             {"buyer", progress_json(facts.buyer)},
                                             {"seller", progress_json(facts.seller)},
                                             {"both", progress_json(facts.both)}}},
                           {"overdue_count", facts.overdue_count},
                           {"slipped_count", facts.slipped_count},
                           {"total_slip_days", facts.total_slip_days},
                           {"value_rows", std::move(value_rows)},
                           {"value_covered", facts.value_covered},
                           {"value_relevant", facts.value_relevant}};

    json gap_list = json::array();
    for (const auto& g : gaps) gap_list.push_back(json{{"code", g.code}, {"message", g.message}, {"pointer", g.where.pointer}});
    doc["handoff_gaps"] = std::move(gap_list);
    // ensure_ascii off: UTF-8 stays UTF-8; dump() escapes control characters and quotes.
    return doc.dump(2) + "\n";
}

}  // namespace closeplan::handoff
