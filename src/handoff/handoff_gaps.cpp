// SPDX-License-Identifier: MIT
// What the plan lacks for Customer Success (C901-C906), as data for the pack and as warnings.
#include "handoff/handoff_document.hpp"

namespace closeplan::handoff {

namespace {

source_location at_pointer(const model::plan& p, std::string pointer) {
    if (auto found = p.field_locations.find(pointer); found != p.field_locations.end()) return found->second;
    return source_location{p.source_file, 0, 0, std::move(pointer)};
}

source_location at_item(const source_location& item, std::string_view suffix) {
    source_location where = item;
    where.pointer += suffix;
    return where;
}

}  // namespace

std::vector<gap> find_gaps(const model::plan& p) {
    std::vector<gap> out;
    if (!p.implementation.cs_owner)
        out.push_back({"C901", "handoff.gap.cs_owner", {}, "no Customer Success owner (implementation.cs_owner)",
                       at_pointer(p, "/implementation/cs_owner")});
    if (!p.implementation.kickoff)
        out.push_back({"C902", "handoff.gap.kickoff", {}, "no kickoff date (implementation.kickoff)",
                       at_pointer(p, "/implementation/kickoff")});
    if (p.success_criteria.empty())
        out.push_back({"C903", "handoff.gap.success_criteria", {}, "no success criteria in the buyer's words",
                       at_pointer(p, "/success_criteria")});
    if (p.commitments.empty())
        out.push_back({"C906", "handoff.gap.no_commitments", {}, "no commitments: nothing records what the seller promised",
                       at_pointer(p, "/commitments")});
    // CS has to reach every stakeholder after the handoff; the pack names each one it cannot.
    for (const auto& person : p.stakeholders)
        if (person.email.empty()) {
            const std::string name = person.name.empty() ? person.id : person.name;
            out.push_back({"H822", "handoff.gap.contact", name, "stakeholder \"" + name + "\" has no contact (email)",
                           at_item(person.where, "/email")});
        }
    for (const auto& c : p.commitments) {
        if (!c.owner && c.assignee.empty())
            out.push_back({"C904", "handoff.gap.commitment_owner", c.title,
                           "commitment \"" + c.title + "\" has no owner", at_item(c.where, "/owner")});
        if (!c.due)
            out.push_back({"C905", "handoff.gap.commitment_date", c.title,
                           "commitment \"" + c.title + "\" has no date", at_item(c.where, "/due")});
    }
    return out;
}

void report_gaps(const std::vector<gap>& gaps, diagnostic_sink& diags) {
    for (const auto& g : gaps) {
        std::vector<std::string> hints;
        if (g.code == "C901") hints = {"add `implementation: { cs_owner: { name: ..., title: ..., email: ... } }`"};
        if (g.code == "C902") hints = {"add `implementation: { kickoff: YYYY-MM-DD }`"};
        if (g.code == "C903") hints = {"add `success_criteria:` items as the buyer put them"};
        if (g.code == "C904") hints = {"give the commitment `owner: seller` (or buyer, both) and an `assignee:`"};
        if (g.code == "C905") hints = {"give the commitment a `due:` date"};
        if (g.code == "H822") hints = {"give the stakeholder an `email:`"};
        if (g.code == "C906") hints = {"list what was promised under `commitments:` with owner, due and source"};
        hints.push_back("the handoff pack is still written and lists this gap");
        diags.warning(g.code, g.message, g.where, std::move(hints));
    }
}

}  // namespace closeplan::handoff
