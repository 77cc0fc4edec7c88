// SPDX-License-Identifier: MIT
// The typed overlay merge (lay_overlay_typed) against the tree merge it
// stands in for: over a batch's plans, a varied set of overlays gives the
// same plan, field by field and place by place, or the same row errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "batch/deal_plan.hpp"
#include "batch/default_playbook.hpp"
#include "batch/overlays.hpp"
#include "export_plan_fixture.hpp"
#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::batch {
namespace {

using model::format_iso_date;

model::date day(const char* iso) { return *model::parse_iso_date(iso); }

using test_support::export_plan;

/// The same with contacts joined (the primary one signs), criteria, a resource and a risk.
model::plan enriched_plan() {
    auto plan = export_plan();
    const char* people[][4] = {{"dana-ruiz", "Dana Ruiz", "CFO", "dana.ruiz@example.com"},
                               {"lee-park", "Lee Park", "IT Director", "lee.park@example.com"},
                               {"sam-diaz", "Sam Diaz", "Ops Lead", ""}};
    for (const auto& p : people) {
        model::stakeholder s;
        s.id = p[0];
        s.name = p[1];
        s.title = p[2];
        s.email = p[3];
        s.party_side = model::side::buyer;
        s.role_kind = model::role::economic_buyer;
        s.influence = model::level::high;
        s.cares_about = {"Claims backlog"};
        plan.stakeholders.push_back(s);
    }
    model::signatory signer;
    signer.stakeholder_id = "lee-park";
    signer.name = "Lee Park";
    signer.title = "IT Director";
    plan.signatures.buyer = signer;
    plan.outcome = "Faster claims";
    plan.success_criteria = {"Backlog under a week"};
    plan.deal.amount = "120000.50";
    plan.deal.currency = "USD";
    plan.deal.stage = "Proposal";
    plan.locale = "en-GB";
    model::resource pack;
    pack.id = "security-pack";
    pack.title = "Security pack";
    pack.url = "https://example.com/security";
    pack.for_ids = {"lee-park"};
    plan.resources.push_back(pack);
    model::risk r;
    r.title = "Budget freeze";
    r.assignee = "dana-ruiz";
    r.milestone_id = plan.milestones.front().id;
    plan.risks.push_back(r);
    plan.milestones.back().assignee = "sam-diaz";
    return plan;
}

std::string where(const source_location& w) {
    return w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column) + ":" + w.pointer;
}
std::string date(const std::optional<model::date>& d) { return d ? format_iso_date(*d) : "-"; }
template <typename E>
std::string name(const std::optional<E>& e) {
    return e ? std::string(model::to_string(*e)) : "-";
}
std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& i : items) out += i + "|";
    return out + "]";
}
std::string signer(const std::optional<model::signatory>& s) {
    if (!s) return "-";
    return s->stakeholder_id + "/" + s->name + "/" + s->title + "/" + date(s->signed_on) + "/" + name(s->how);
}

/// Every field a batch plan can hold, with the places the reader gives.
std::string dump(const model::plan& p) {
    std::ostringstream o;
    o << "v" << p.format_version << " deal " << p.deal.id << "|" << p.deal.name << "|" << p.deal.buyer.name << "|"
      << p.deal.buyer.logo << "|" << p.deal.seller.name << "|" << p.deal.amount << "|" << p.deal.currency << "|"
      << p.deal.stage << "\n";
    o << "as_of " << date(p.as_of) << " close " << format_iso_date(p.target_close) << " baseline "
      << date(p.target_close_baseline) << " go_live " << date(p.go_live) << " locale " << p.locale << "\n";
    o << "outcome " << p.outcome << "\nnotes " << p.notes << "\nsuccess " << list(p.success_criteria) << "\ndecision "
      << list(p.decision_criteria) << "\n";
    for (const auto& s : p.stakeholders)
        o << "stakeholder " << s.id << "|" << s.name << "|" << s.title << "|" << model::to_string(s.party_side) << "|"
          << name(s.role_kind) << "|" << name(s.influence) << "|" << s.email << "|" << list(s.cares_about) << " @"
          << where(s.where) << "\n";
    for (const auto& m : p.milestones) {
        o << "milestone " << m.id << "|" << m.title << "|" << model::to_string(m.owner) << "|" << m.assignee << "|"
          << m.workstream << "|" << date(m.due) << "|" << date(m.baseline) << "|" << model::to_string(m.state) << "|"
          << date(m.completed) << "|" << list(m.depends_on) << "|" << m.gate << "|" << m.notes << "|history";
        for (const auto& h : m.history) o << " " << format_iso_date(h);
        o << " @" << where(m.where) << "\n";
    }
    for (const auto& r : p.resources)
        o << "resource " << r.id << "|" << r.title << "|" << model::to_string(r.kind) << "|" << r.url << "|" << r.path
          << "|" << list(r.for_ids) << " @" << where(r.where) << "\n";
    for (const auto& r : p.risks)
        o << "risk " << r.title << "|" << model::to_string(r.severity_level) << "|" << name(r.owner) << "|" << r.assignee
          << "|" << r.mitigation << "|" << r.milestone_id << " @" << where(r.where) << "\n";
    o << "sign " << signer(p.signatures.buyer) << " " << signer(p.signatures.seller) << "\n";
    for (const auto& [pointer, w] : p.field_locations) o << "field " << pointer << " @" << where(w) << "\n";
    o << "value_map " << p.value_map.size() << " source " << p.source_file << " extensions " << p.extensions.size()
      << " commitments " << p.commitments.size() << "\n";
    return o.str();
}

struct merged {
    bool ok = false;
    std::string plan;
    std::string errors;
};

merged merge(model::plan plan, const std::string& text, const std::string& path, merge_path how) {
    const std::string folder = ".";
    const overlay_source overlay{text, path, folder};
    std::vector<row_error> errors;
    merged out;
    out.ok = complete_plan(plan, {}, &overlay, "export.csv", 7, errors, how);
    out.plan = dump(plan);
    for (const auto& e : errors) out.errors += e.code + " " + e.column + " " + e.message + "\n";
    return out;
}

/// Whether the typed merge itself (not the tree merge behind it) takes the overlay.
bool typed_takes(const model::plan& plan, const std::string& text, const std::string& path) {
    diagnostic_sink diags;
    const auto tree = load::load_document(text, path, load::syntax_for_path(path), diags);
    if (!tree || !diags.all().empty()) return false;
    validate::validate_options options;
    options.base_dir = std::filesystem::absolute(".").lexically_normal().string();
    options.asset_dirs = {options.base_dir};
    return lay_overlay_typed(plan, *tree, options, 7).has_value();
}

struct overlay_case {
    std::string text;
    bool typed;  ///< over enriched_plan(), the typed merge takes it (else the tree merge, for its errors or its fields)
    std::string path = "overlays/006A1.yaml";
};

std::vector<overlay_case> overlays(const std::string& first_step, const std::string& last_step) {
    return {
        // The bench's overlay.
        {"outcome: Cut claims-processing time by 30% before open enrolment.\n"
         "success_criteria: [Claims backlog under 2 days by September]\n"
         "risks:\n  - {title: Security review queue is six weeks, severity: high, owner: buyer, milestone: " +
             first_step + "}\n",
         true},
        {"closeplan: 1\noutcome: '  spaced [link](https://example.com)  '\nnotes: |\n  Two\n  lines\n", true},
        {"milestones:\n"
         "  - {id: " + first_step + ", title: Discovery done, owner: both, due: 2026-06-10, status: done, completed: 2026-06-09}\n"
         "  - {id: pilot, title: Pilot, owner: buyer, due: 2026-07-15, depends_on: [" + first_step + "], history: [2026-07-01]}\n"
         "  - {id: pilot, title: Pilot again, owner: seller, due: 2026-07-16, notes: '*replaced*'}\n",
         true},
        {"stakeholders:\n"
         "  - {id: lee-park, name: Lee Park, title: CIO, side: buyer, role: technical_evaluator}\n"
         "  - {id: ana, name: Ana Lima, side: seller, email: ana@example.com, cares_about: [Uptime, '']}\n",
         true},
        {"resources:\n  - {id: security-pack, title: New pack, url: 'https://example.com/new', for: [dana-ruiz]}\n"
         "  - {title: Case study, kind: case_study, url: 'https://example.com/case'}\n",
         true},
        {"decision_criteria: [SSO, Audit log]\nsuccess_criteria: [Second]\nlocale: de\ngo_live: 2026-11-02\n"
         "target_close: 2026-10-15\ntarget_close_baseline: 2026-09-30\n",
         true},
        {"success_criteria:\nlocale:\nnotes:\n", true},
        {"risks:\n", true},
        {"stakeholders:\n", false},  // the signer and assignees lose their stakeholders: R301 on the export's row
        {"{\"outcome\": \"From JSON\", \"risks\": [{\"title\": \"Legal\", \"severity\": \"low\"}]}\n", true,
         "overlays/006A1.json"},
        // The tree merge's: members the typed merge does not lay, and problems.
        {"deal: {stage: Negotiation}\n", false},
        {"sign_off: {buyer: dana-ruiz}\n", false},
        {"scope: {in: [Claims]}\n", false},
        {"risks:\n  - {title: Budget, x-jira: CP-1}\n", false},
        {"x-note: kept\noutcome: With an extension\n", false},
        {"risks:\n  - title: Budget freeze\n    severty: high\n", false},
        {"outcom: x\nas_of: 2026-01-01\n", false},
        {"risks:\n  - {title: x, severity: huge}\n", false},
        {"risks:\n  - {title: x, milestone: nowhere}\n", false},
        {"milestones:\n  - {id: '" + last_step + " ', title: Spaced id, owner: buyer, due: 2026-08-01}\n", false},
        {"milestones:\n  - {id: loop-a, title: A, owner: buyer, due: 2026-08-01, depends_on: [loop-b]}\n"
         "  - {id: loop-b, title: B, owner: buyer, due: 2026-08-02, depends_on: [loop-a]}\n",
         false},
        {"stakeholders:\n  - {id: x, name: X, side: buyer}\n  - {id: x, name: Y, side: buyer}\n", true},
        {"outcome: [a list]\n", false},
        {"target_close:\n", false},
        {"locale: en_GB\n", false},
        {"outcome: [unclosed\n", false},
        {"- just a list\n", false},
    };
}

TEST(OverlayMerge, TheTypedMergeGivesTheTreeMergesPlanOrErrors) {
    for (const bool enriched : {false, true}) {
        const auto base = enriched ? enriched_plan() : export_plan();
        for (const auto& c : overlays(base.milestones.front().id, base.milestones.back().id)) {
            SCOPED_TRACE(c.text);
            const auto tree = merge(base, c.text, c.path, merge_path::tree_only);
            const auto typed = merge(base, c.text, c.path, merge_path::typed_first);
            EXPECT_EQ(typed.ok, tree.ok);
            EXPECT_EQ(typed.errors, tree.errors);
            EXPECT_EQ(typed.plan, tree.plan);
            if (enriched) EXPECT_EQ(typed_takes(base, c.text, c.path), c.typed);
        }
    }
}

TEST(OverlayMerge, TheRepositorysOverlaysGiveTheSamePlanEitherWay) {
    // The batch fixtures' overlays and the fuzz target's seeds.
    const std::filesystem::path root = CLOSEPLAN_SOURCE_DIR;
    std::size_t seen = 0;
    for (const auto* dir : {"tests/batch/enrich/overlays", "fuzz/corpus/batch_overlay"})
        for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            SCOPED_TRACE(entry.path().string());
            for (const auto& base : {export_plan(), enriched_plan()}) {
                const auto tree = merge(base, text, "overlays/006A1.yaml", merge_path::tree_only);
                const auto typed = merge(base, text, "overlays/006A1.yaml", merge_path::typed_first);
                EXPECT_EQ(typed.ok, tree.ok);
                EXPECT_EQ(typed.errors, tree.errors);
                EXPECT_EQ(typed.plan, tree.plan);
            }
            ++seen;
        }
    EXPECT_GE(seen, 3u);
}

TEST(OverlayMerge, APlanTheReaderWouldChangeGoesTheTreesWay) {
    auto plan = enriched_plan();
    plan.outcome = "Faster claims ";  // the reader trims it
    const std::string overlay = "notes: Kept\n";
    EXPECT_FALSE(typed_takes(plan, overlay, "overlays/006A1.yaml"));
    const auto tree = merge(plan, overlay, "overlays/006A1.yaml", merge_path::tree_only);
    const auto typed = merge(plan, overlay, "overlays/006A1.yaml", merge_path::typed_first);
    EXPECT_TRUE(typed.ok);
    EXPECT_EQ(typed.plan, tree.plan);
    EXPECT_NE(typed.plan.find("outcome Faster claims\n"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::batch
