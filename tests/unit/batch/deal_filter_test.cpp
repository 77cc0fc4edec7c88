// SPDX-License-Identifier: MIT
// --where and closed stages: which deals a batch renders.
#include <gtest/gtest.h>

#include "batch/deal_filter.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

TEST(DealFilter, StagesInAndNotIn) {
    std::string why;
    const auto in = parse_deal_filter("stage=Proposal|Negotiation/Review", why);
    ASSERT_TRUE(in) << why;
    const auto not_owner = parse_deal_filter("owner != Sam Ortiz", why);  // spaces around the operator are fine
    ASSERT_TRUE(not_owner) << why;
    const std::vector<deal_filter> filters{*in, *not_owner};
    auto row = [](std::string stage, std::string owner) {
        return [=](deal_field f) { return f == deal_field::stage ? stage : f == deal_field::owner ? owner : std::string(); };
    };
    EXPECT_TRUE(passes_text_filters(filters, row(" proposal ", "Nora Quinn")));
    EXPECT_FALSE(passes_text_filters(filters, row("Qualification", "Nora Quinn")));
    EXPECT_FALSE(passes_text_filters(filters, row("Proposal", "sam ortiz")));
}

TEST(DealFilter, CloseBeforeAndAfter) {
    std::string why;
    const auto before = parse_deal_filter("close<2026-12-31", why);
    const auto after = parse_deal_filter("close>2026-06-30", why);
    ASSERT_TRUE(before && after);
    const std::vector<deal_filter> filters{*before, *after};
    EXPECT_TRUE(passes_close_filters(filters, *model::parse_iso_date("2026-09-30")));
    EXPECT_FALSE(passes_close_filters(filters, *model::parse_iso_date("2026-12-31")));
    EXPECT_FALSE(passes_close_filters(filters, *model::parse_iso_date("2026-06-30")));
}

TEST(DealFilter, MistakesSayWhatToWrite) {
    std::string why;
    EXPECT_FALSE(parse_deal_filter("stage", why));
    EXPECT_NE(why.find("FIELD=VALUE"), std::string::npos);
    EXPECT_FALSE(parse_deal_filter("territory=EMEA", why));
    EXPECT_NE(why.find("`territory` is not a field"), std::string::npos);
    EXPECT_TRUE(parse_deal_filter("region=EMEA-DE|EMEA-UK", why));  // the mapping's region column
    EXPECT_FALSE(parse_deal_filter("close=2026-01-01", why));
    EXPECT_FALSE(parse_deal_filter("close<31/12/2026", why));
    EXPECT_FALSE(parse_deal_filter("stage<x", why));
}

TEST(DealFilter, ClosedStagesOfThePresets) {
    const auto sf = *preset_named("salesforce");
    EXPECT_TRUE(is_closed_stage(sf, "Closed Won"));
    EXPECT_TRUE(is_closed_stage(sf, " closed lost"));
    EXPECT_FALSE(is_closed_stage(sf, "Negotiation/Review"));
    const auto hs = *preset_named("hubspot");
    EXPECT_TRUE(is_closed_stage(hs, "closedwon"));
    EXPECT_TRUE(is_closed_stage(hs, "closedlost"));
    EXPECT_FALSE(is_closed_stage(hs, "contractsent"));
    EXPECT_FALSE(is_closed_stage(column_mapping{}, "Closed Won"));  // a mapping file names its own
}

}  // namespace
}  // namespace closeplan::batch
