// SPDX-License-Identifier: MIT
// Reads the plan's lists with ids: stakeholders, milestones, resources and risks.
#include <array>

#include "model/dates.hpp"
#include "validate/choices.hpp"
#include "validate/plan_fields.hpp"
#include "validate/links.hpp"
#include "validate/paths.hpp"
#include "validate/plan_reader.hpp"
#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {


// Work after the signature (kickoff) is expected to fall after target_close.
bool after_signature(std::string_view workstream) {
    return workstream == "kickoff";
}

}  // namespace

void plan_reader::read_stakeholders(const raw_node& root, model::plan& plan) {
    std::map<std::string, int, std::less<>> seen;
    for (const raw_node* item : mapping_items(root, "stakeholders", "stakeholder")) {
        model::stakeholder s;
        s.where = at(*item);
        fields_.check_keys(*item, stakeholder_fields().keys);
        if (auto id = fields_.located(*item, "id", need::required)) {
            note_id(seen, *id, "stakeholder");
            s.id = id->text;
        }
        s.name = fields_.text(*item, "name", need::required);
        s.title = fields_.text(*item, "title");
        if (auto side = fields_.choose<model::side>(*item, stakeholder_side_choices(), need::required))
            s.party_side = *side;
        s.role_kind = fields_.choose<model::role>(*item, role_choices());
        s.influence = fields_.choose<model::level>(*item, influence_choices());
        if (auto email = fields_.located(*item, "email"); email && !email->text.empty()) {
            check_email(*email);
            s.email = email->text;
        }
        s.cares_about = fields_.text_list(*item, "cares_about");
        plan.stakeholders.push_back(std::move(s));
    }
}

void plan_reader::read_milestones(const raw_node& root, model::plan& plan) {
    std::map<std::string, int, std::less<>> seen;
    for (const raw_node* item : mapping_items(root, "milestones", "milestone")) {
        model::milestone m;
        m.where = at(*item);
        fields_.check_keys(*item, milestone_fields().keys);
        if (auto id = fields_.located(*item, "id", need::required)) {
            note_id(seen, *id, "milestone");
            m.id = id->text;
        }
        m.title = fields_.text(*item, "title", need::required);
        if (auto owner = fields_.choose<model::side>(*item, owner_choices(), need::required)) m.owner = *owner;
        m.assignee = stakeholder_ref(*item, "assignee");
        m.workstream = fields_.text(*item, "workstream");

        const raw_node* status_node = fields_.member(*item, "status", need::optional);
        std::optional<model::status> state;
        if (status_node)
            if (auto index = fields_.choice_of(*status_node, status_choices()))
                state = static_cast<model::status>(*index);
        m.state = state.value_or(model::status::not_started);
        const bool done = m.state == model::status::done;
        // An unreadable status was already reported; asking for `due` too would only add noise.
        const bool due_required = !done && (!status_node || state);
        m.due = fields_.date(*item, "due", due_required ? need::required : need::optional,
                             "due is required unless status is done");
        m.baseline = fields_.date(*item, "baseline");
        // Extension: earlier due dates, checked like baseline (docs/plan-format.md).
        if (const raw_node* history = fields_.member(*item, "history", need::optional);
            history && fields_.expect_list(*history, "\"history\""))
            for (const auto& entry : history->items)
                if (!entry.is_null())
                    if (auto moved = fields_.date_of(entry, "history")) m.history.push_back(*moved);
        if (const raw_node* completed = fields_.member(*item, "completed", need::optional)) {
            m.completed = fields_.date_of(*completed, "completed");
            if (m.completed && state && !done)
                fields_.warning(
                    "V211", "completed date on a milestone whose status is " + std::string(model::to_string(*state)),
                    at(*completed), {"set `status: done`, or remove `completed`"});
        }
        auto depends = fields_.located_list(*item, "depends_on");
        for (const auto& d : depends) m.depends_on.push_back(d.text);
        pending_.depends_on.push_back(std::move(depends));
        m.gate = fields_.text(*item, "gate");
        m.notes = fields_.text(*item, "notes");

        if (m.due && has_target_close_ && *m.due > plan.target_close && !after_signature(m.workstream)) {
            if (const raw_node* due = item->find("due"))
                fields_.warning("V211",
                                "due " + model::format_iso_date(*m.due) + " is after target_close " +
                                    model::format_iso_date(plan.target_close),
                                at(*due),
                                {"milestones lead up to the signature: move this one earlier or target_close later"});
        }
        plan.milestones.push_back(std::move(m));
    }
}

void plan_reader::read_resources(const raw_node& root, model::plan& plan) {
    std::map<std::string, int, std::less<>> seen;
    for (const raw_node* item : mapping_items(root, "resources", "resource")) {
        model::resource r;
        r.where = at(*item);
        fields_.check_keys(*item, resource_fields().keys);
        if (auto id = fields_.located(*item, "id"); id && !id->text.empty()) {
            note_id(seen, *id, "resource");
            r.id = id->text;
        }
        r.title = fields_.text(*item, "title", need::required);
        if (auto kind = fields_.choose<model::resource_kind>(*item, resource_kind_choices())) r.kind = *kind;
        // Read raw, not trimmed: a leading space in a link is itself a problem to report.
        const raw_node* url = fields_.member(*item, "url", need::optional);
        if (url && fields_.text_of(*url, "url", need::required)) {
            if (auto problem = check_link(url->text))
                fields_.error("V206", std::move(problem->message), at(*url), std::move(problem->hints));
            else
                r.url = url->text;
        }
        auto path = fields_.located(*item, "path");
        if (path && !path->text.empty()) {
            if (check_local_file(fields_, *path, options_, "resource", if_missing::warn)) r.path = path->text;
        }
        if (!url && !path)
            fields_.error("V202", "missing required field \"url\"", at_missing(*item, "url"),
                          {"give the resource a `url:` (https, http or mailto) or a `path:` to a local file"});
        for (auto& id : fields_.located_list(*item, "for")) {
            r.for_ids.push_back(id.text);
            pending_.stakeholder_refs.push_back({std::move(id), "for"});
        }
        plan.resources.push_back(std::move(r));
    }
}

void plan_reader::read_risks(const raw_node& root, model::plan& plan) {
    for (const raw_node* item : mapping_items(root, "risks", "risk")) {
        model::risk r;
        r.where = at(*item);
        fields_.check_keys(*item, risk_fields().keys);
        r.title = fields_.text(*item, "title", need::required);
        if (auto severity = fields_.choose<model::level>(*item, severity_choices())) r.severity_level = *severity;
        r.owner = fields_.choose<model::side>(*item, owner_choices());
        r.assignee = stakeholder_ref(*item, "assignee");
        r.mitigation = fields_.text(*item, "mitigation");
        if (auto milestone = fields_.located(*item, "milestone"); milestone && !milestone->text.empty()) {
            r.milestone_id = milestone->text;
            pending_.milestone_refs.push_back({std::move(*milestone), "milestone"});
        }
        plan.risks.push_back(std::move(r));
    }
}

}  // namespace closeplan::validate::detail
