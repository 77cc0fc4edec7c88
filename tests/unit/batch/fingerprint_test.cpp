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
