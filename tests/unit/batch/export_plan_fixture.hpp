// SPDX-License-Identifier: MIT
// The plan batch builds from an export row, for the overlay tests (overlays_test, overlay_merge_test):
// the default playbook scheduled back from the close, the rep as a stakeholder.
#pragma once

#include "batch/default_playbook.hpp"
#include "model/dates.hpp"
#include "model/plan.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::batch::test_support {

inline model::plan export_plan() {
    schedule::deal_fields deal;
    deal.id = "006A1";
    deal.name = "Claims analytics";
    deal.buyer = "Northwind";
    const auto book = default_playbook();
    const auto as_of = *model::parse_iso_date("2026-06-01");
    const auto close = *model::parse_iso_date("2026-09-30");
    const auto scheduled = schedule::schedule_backward(book, close, as_of, schedule::business_calendar{});
    auto plan = schedule::build_plan(book, scheduled, deal, close, as_of);
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

}  // namespace closeplan::batch::test_support
