// SPDX-License-Identifier: MIT
// The resume fingerprint follows what shapes the documents (any field of the
// finished render request, the mapping, the playbook), not how the work is spread.
#include <gtest/gtest.h>

#include "batch/default_playbook.hpp"
#include "batch/fingerprint.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

batch_inputs base() {
    batch_inputs in;
    in.playbook = default_playbook();
    in.mapping = preset_named("salesforce");
    in.request.as_of = model::parse_iso_date("2026-06-01");
    return in;
}

TEST(Fingerprint, SameInputsSameHash) {
    EXPECT_EQ(input_fingerprint(base(), "1.0"), input_fingerprint(base(), "1.0"));
    EXPECT_NE(input_fingerprint(base(), "1.0"), input_fingerprint(base(), "1.1"));
}

TEST(Fingerprint, EveryRenderRequestFieldCounts) {
    const auto plain = input_fingerprint(base(), "1");
    auto sections = base();
    sections.request.sections = {"milestones"};
    EXPECT_NE(input_fingerprint(sections, "1"), plain) << "--sections was once missing from the flag list";
    auto fit = base();
    fit.request.fit = "one-page";
    EXPECT_NE(input_fingerprint(fit, "1"), plain);
    auto offset = base();
    offset.request.heading_offset = 1;
    EXPECT_NE(input_fingerprint(offset, "1"), plain);
    auto as_of = base();
    as_of.request.as_of = model::parse_iso_date("2026-06-02");
    EXPECT_NE(input_fingerprint(as_of, "1"), plain);
}

TEST(Fingerprint, MappingAndPlaybookCount) {
    const auto plain = input_fingerprint(base(), "1");
    auto mapping = base();
    mapping.mapping->seller = "Tallyworks";
    EXPECT_NE(input_fingerprint(mapping, "1"), plain);
    auto book = base();
    book.playbook->steps.front().days += 1;
    EXPECT_NE(input_fingerprint(book, "1"), plain);
    auto holidays = base();
    holidays.calendar.add(*model::parse_iso_date("2026-07-03"));
    EXPECT_NE(input_fingerprint(holidays, "1"), plain);
    // Spreading and anchors move every date.
    auto stretch = base();
    stretch.playbook->max_stretch = 1;
    EXPECT_NE(input_fingerprint(stretch, "1"), plain);
    auto anchor = base();
    anchor.playbook->steps.front().anchor = schedule::step_anchor::start;
    EXPECT_NE(input_fingerprint(anchor, "1"), plain);
}

TEST(Fingerprint, PlanColumnsAndRegionsCount) {
    const auto plain = input_fingerprint(base(), "1");
    auto mapped = base();
    plan_column outcome;
    outcome.path = "outcome";
    outcome.headers = {"Description"};
    mapped.mapping->plan.push_back(outcome);
    const auto with_outcome = input_fingerprint(mapped, "1");
    EXPECT_NE(with_outcome, plain);
    mapped.mapping->plan.back().split = ";";
    EXPECT_NE(input_fingerprint(mapped, "1"), with_outcome);
    auto region = base();
    region.mapping->regions.push_back({"EMEA-DE", "de", {"holidays/de.yaml"}, schedule::business_calendar{}, {}});
    const auto with_region = input_fingerprint(region, "1");
    EXPECT_NE(with_region, plain);
    // An edited holidays file reschedules the region's deals: its days count, not only its name.
    region.mapping->regions.back().calendar->add(*model::parse_iso_date("2026-12-24"));
    EXPECT_NE(input_fingerprint(region, "1"), with_region);
}

TEST(Fingerprint, HowTheWorkIsSpreadDoesNotCount) {
    const auto plain = input_fingerprint(base(), "1");
    auto spread = base();
    spread.jobs = 8;
    spread.shard_count = 4;
    spread.shard_index = 2;
    spread.resume = true;
    spread.health = health::config{};
    EXPECT_EQ(input_fingerprint(spread, "1"), plain);
}

}  // namespace
}  // namespace closeplan::batch
