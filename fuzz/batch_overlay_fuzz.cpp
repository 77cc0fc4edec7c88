// SPDX-License-Identifier: MIT
// A per-deal overlay (`closeplan batch --overlays DIR`): the input is the
// text of DIR/<deal id>.yaml. src/batch/overlays merges it over the plan a
// fixed export row gives (the built-in playbook scheduled back from the
// close, the rep as a stakeholder, a next step), the plan validator reads the
// result, and a merged plan is rendered to every output format. A refused
// overlay must say why (a row error); an accepted one must render.
#include <chrono>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto plan = export_plan();
    std::vector<batch::row_error> errors;
    if (!batch::apply_overlay(plan, text, "overlays/006A000001.yaml", fuzz::scratch_dir(), "export.csv", 2, errors)) {
        if (errors.empty()) fuzz::finding("apply_overlay: refused without a row error");
        return 0;
    }
    if (!errors.empty()) fuzz::finding("apply_overlay: accepted with row errors");
    pipeline::render_request request;
    for (const auto& format : render::output_formats()) request.formats.push_back(format.name);
    request.today = fuzz::fuzz_today();
    request.as_of = fuzz::fuzz_today();
    diagnostic_sink diags;
    (void)pipeline::render_model(plan, request, diags);
    return 0;
}
