// SPDX-License-Identifier: MIT
// Cross-references: every id used must exist, signatories sit on their side, dependencies form no loop.
#include "validate/references.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {

// Suggestions compare against every known id; past this many the hint lists only a few anyway.
constexpr std::size_t max_ids_for_suggestions = 1000;
// A crafted file can hold a huge number of distinct cycles; the first ones are enough to act on.
constexpr std::size_t max_cycles_reported = 100;

/// Ids in file order (first use wins) with their position, for constant-time look-ups.
struct id_index {
    std::vector<std::string> ids;
    std::unordered_map<std::string_view, std::size_t> position;

    template <typename T>
    explicit id_index(const std::vector<T>& items) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!items[i].id.empty() && position.emplace(items[i].id, i).second) ids.push_back(items[i].id);
    }
    [[nodiscard]] const std::size_t* find(std::string_view id) const {
        const auto it = position.find(id);
        return it == position.end() ? nullptr : &it->second;
    }
};

std::vector<std::string> unknown_id_hints(std::string_view id, const std::vector<std::string>& known,
                                          std::string_view kinds) {
    std::vector<std::string> hints;
    if (known.empty()) {
        hints.push_back("the plan lists no " + std::string(kinds) + "; add them under `" + std::string(kinds) + ":`");
        return hints;
    }
    if (known.size() <= max_ids_for_suggestions)
        if (auto suggestion = closest(id, known)) hints.push_back(did_you_mean(*suggestion));
    hints.push_back("known " + std::string(kinds) + " are: " + join_capped(known));
    return hints;
}

void report_unknown(field_reader& fields, const id_ref& ref, const std::vector<std::string>& known,
                    std::string_view kind, std::string_view kinds) {
    fields.error("R301", std::string(ref.field) + ' ' + quote(ref.id.text) + " is not a known " + std::string(kind),
                 ref.id.where, unknown_id_hints(ref.id.text, known, kinds));
}

}  // namespace

void check_references(field_reader& fields, model::plan& plan, const pending_checks& pending) {
    const id_index stakeholder_index(plan.stakeholders);
    const id_index milestone_index(plan.milestones);
    const auto& stakeholders = stakeholder_index.ids;
    const auto& milestones = milestone_index.ids;
    for (const auto& ref : pending.stakeholder_refs)
        if (!stakeholder_index.find(ref.id.text))
            report_unknown(fields, ref, stakeholders, "stakeholder", "stakeholders");
    for (const auto& ref : pending.milestone_refs)
        if (!milestone_index.find(ref.id.text)) report_unknown(fields, ref, milestones, "milestone", "milestones");
    for (const auto& list : pending.depends_on)
        for (const auto& id : list)
            if (!milestone_index.find(id.text))
                report_unknown(fields, {id, "depends_on"}, milestones, "milestone", "milestones");

    for (const auto& signer : pending.signers) {
        const std::string side_name = signer.buyer_side ? "buyer" : "seller";
        const auto* index = stakeholder_index.find(signer.id.text);
        if (!index) {
            fields.error("R301", "sign_off " + side_name + ' ' + quote(signer.id.text) + " is not a known stakeholder",
                         signer.id.where, unknown_id_hints(signer.id.text, stakeholders, "stakeholders"));
            continue;
        }
        const auto* person = &plan.stakeholders[*index];
        const auto wanted = signer.buyer_side ? model::side::buyer : model::side::seller;
        if (person->party_side != wanted) {
            fields.error("R303",
                         "sign_off " + side_name + ' ' + quote(signer.id.text) + " is a " +
                             std::string(model::to_string(person->party_side)) + "-side stakeholder",
                         signer.id.where,
                         {"the " + side_name + "'s signatory must be a stakeholder with `side: " + side_name + "`"});
        }
        auto& slot = signer.buyer_side ? plan.signatures.buyer : plan.signatures.seller;
        if (slot) {
            slot->name = person->name;
            slot->title = person->title;
        }
    }

    for (const auto& id : pending.value_map_ids)
        if (!stakeholder_index.find(id.text))
            fields.warning("R304",
                           "value map matches id " + quote(id.text) + ", which is not a stakeholder of this plan",
                           id.where, unknown_id_hints(id.text, stakeholders, "stakeholders"));
}

void check_cycles(field_reader& fields, const model::plan& plan, const pending_checks& pending) {
    const auto count = plan.milestones.size();
    struct edge {
        std::size_t to;
        const located_text* written;
    };
    // First milestone wins for a duplicated id; the duplicate is reported as V205 already.
    const id_index milestone_index(plan.milestones);
    std::vector<std::vector<edge>> edges(count);
    for (std::size_t from = 0; from < count && from < pending.depends_on.size(); ++from) {
        for (const auto& id : pending.depends_on[from]) {
            const auto* target = milestone_index.find(id.text);
            if (!target) continue;
            const auto to = *target;
            if (to == from) {
                fields.error("R302", "milestone " + quote(id.text) + " depends on itself", id.where,
                             {"remove `" + id.text + "` from its depends_on"});
                continue;
            }
            edges[from].push_back({to, &id});
        }
    }

    // Iterative depth-first search: a long chain of milestones must not exhaust the stack.
    enum class mark { unseen, on_path, finished };
    std::vector<mark> marks(count, mark::unseen);
    std::vector<std::size_t> depth(count, 0);  // index on the current path, valid while on_path
    std::set<std::vector<std::size_t>> reported;
    for (std::size_t start = 0; start < count && reported.size() < max_cycles_reported; ++start) {
        if (marks[start] != mark::unseen) continue;
        std::vector<std::pair<std::size_t, std::size_t>> path{{start, 0}};  // node, next edge
        marks[start] = mark::on_path;
        depth[start] = 0;
        while (!path.empty() && reported.size() < max_cycles_reported) {
            auto& [node, next] = path.back();
            if (next == edges[node].size()) {
                marks[node] = mark::finished;
                path.pop_back();
                continue;
            }
            const auto to = edges[node][next++].to;
            if (marks[to] == mark::unseen) {
                marks[to] = mark::on_path;
                depth[to] = path.size();
                path.push_back({to, 0});
                continue;
            }
            if (marks[to] != mark::on_path) continue;
            std::vector<std::size_t> cycle;
            for (auto i = depth[to]; i < path.size(); ++i) cycle.push_back(path[i].first);
            // Start at the milestone written first, so each cycle has one spelling and one place.
            std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
            if (!reported.insert(cycle).second) continue;
            std::string text;
            for (auto index : cycle) text += plan.milestones[index].id + " → ";
            text += plan.milestones[cycle.front()].id;
            const auto second = cycle.size() > 1 ? cycle[1] : cycle[0];
            const auto& first_edges = edges[cycle.front()];
            const auto closing =
                std::find_if(first_edges.begin(), first_edges.end(), [&](const edge& e) { return e.to == second; });
            fields.error("R302", "dependency cycle: " + text, closing->written->where,
                         {"each arrow reads \"depends on\"; remove one of these depends_on entries"});
        }
    }
}

}  // namespace closeplan::validate::detail
