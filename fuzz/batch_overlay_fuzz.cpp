// SPDX-License-Identifier: MIT
// A per-deal overlay (`closeplan batch --overlays DIR`): the input is the
// text of DIR/<deal id>.yaml. src/batch/overlays merges it over the plan a
// fixed export row gives (the built-in playbook scheduled back from the
// close, the rep as a stakeholder, a next step), the plan validator reads the
// result, and a merged plan is rendered to every output format. A refused
// overlay must say why (a row error); an accepted one must render. The
// typed merge and the tree merge it stands in for (batch/deal_plan.hpp's
// merge_path) must accept the same overlays, refuse them with the same row
// errors and render the same bytes.
#include <chrono>

#include "batch/deal_plan.hpp"
#include "batch/default_playbook.hpp"
#include "batch/overlays.hpp"
#include "fuzz_support.hpp"
#include "pipeline/pipeline.hpp"
#include "render/render.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/schedule.hpp"

namespace {

using namespace closeplan;

model::plan export_plan() {
    static const auto book = batch::default_playbook();
    schedule::deal_fields deal;
    deal.id = "006A000001";
    deal.name = "Claims analytics platform";
    deal.buyer = "Northwind Health";
    deal.amount = "240000";
    deal.currency = "USD";
    const model::date close{std::chrono::sys_days{fuzz::fuzz_today()} + std::chrono::days{120}};
    const auto scheduled = schedule::schedule_backward(book, close, fuzz::fuzz_today(), schedule::business_calendar{});
    auto plan = schedule::build_plan(book, scheduled, deal, close, fuzz::fuzz_today());
    model::stakeholder rep;
    rep.id = "deal-owner";
    rep.name = "Nora Quinn";
    rep.title = "Deal owner";
    rep.party_side = model::side::seller;
    rep.role_kind = model::role::account_executive;
    plan.stakeholders.push_back(rep);
    plan.notes = "Send the security pack";
    return plan;
}


std::string row_errors(const std::vector<batch::row_error>& errors) {
    std::string out;
    for (const auto& e : errors) out += e.code + " " + e.column + " " + e.message + "\n";
    return out;
}

std::vector<std::string> rendered(const model::plan& plan) {
    pipeline::render_request request;
    for (const auto& format : render::output_formats()) request.formats.push_back(format.name);
    request.today = fuzz::fuzz_today();
    request.as_of = fuzz::fuzz_today();
    diagnostic_sink diags;
    std::vector<std::string> out;
    for (auto& o : pipeline::render_model(plan, request, diags)) out.push_back(std::move(o.bytes));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string path = "overlays/006A000001.yaml";
    const batch::overlay_source overlay{text, path, fuzz::scratch_dir()};
    auto plan = export_plan();
    auto tree_plan = plan;
    std::vector<batch::row_error> errors, tree_errors;
    const bool accepted = batch::complete_plan(plan, {}, &overlay, "export.csv", 2, errors);
    const bool tree_accepted = batch::complete_plan(tree_plan, {}, &overlay, "export.csv", 2, tree_errors,
                                                    batch::merge_path::tree_only);
    if (accepted != tree_accepted || row_errors(errors) != row_errors(tree_errors))
        fuzz::finding("complete_plan: the typed and the tree merge disagree");
    if (!accepted) {
        if (errors.empty()) fuzz::finding("apply_overlay: refused without a row error");
        return 0;
    }
    if (!errors.empty()) fuzz::finding("apply_overlay: accepted with row errors");
    if (rendered(plan) != rendered(tree_plan)) fuzz::finding("complete_plan: the typed and the tree merge render apart");
    return 0;
}
