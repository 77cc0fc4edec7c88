// SPDX-License-Identifier: MIT
// Header names cleaned of stray and non-breaking spaces; duplicates and presets.
#include <gtest/gtest.h>

#include "batch/header.hpp"
#include "batch/mapping.hpp"

namespace closeplan::batch {
namespace {

TEST(Header, NormalisesSpacesAndNonBreakingSpaces) {
    EXPECT_EQ(normalise_header("  Close Date "), "Close Date");
    EXPECT_EQ(normalise_header("Main contact's name\xC2\xA0"), "Main contact's name");
    EXPECT_EQ(normalise_header("Close\xC2\xA0\xC2\xA0 Date"), "Close Date");
    EXPECT_EQ(header_key("Deal OWNER "), "deal owner");
}

TEST(Header, FindsCaseInsensitivelyAndTakesTheFirstOfDuplicates) {
    const header_row header({"Record ID", "Associated Company", "Deal Name", "Associated Company ", "Proposal Status "});
    EXPECT_EQ(header.find("associated company"), 1u);
    EXPECT_EQ(header.find("Proposal Status"), 4u);
    EXPECT_FALSE(header.find("Stage"));
    EXPECT_FALSE(header.find(""));
    ASSERT_EQ(header.duplicates().size(), 1u);
    EXPECT_EQ(header.duplicates()[0], "Associated Company");
}

TEST(Presets, DetectsSalesforceReportFromItsHeader) {
    const header_row header({"Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Close Date", "Amount",
                             "Next Step", "Opportunity ID"});
    const auto preset = detect_preset(header);
    ASSERT_TRUE(preset);
    EXPECT_EQ(preset->name, "salesforce");
    const auto columns = resolve_columns(*preset, header);
    EXPECT_EQ(columns.at(deal_field::name), 2u);
    EXPECT_EQ(columns.at(deal_field::id), 7u);
    EXPECT_EQ(columns.at(deal_field::owner), 0u);
    EXPECT_FALSE(columns.at(deal_field::currency));
}

TEST(Presets, DetectsHubSpotDealsExport) {
    const header_row header({"Record ID", "Deal Name", "Deal Stage", "Close Date", "Amount", "Deal owner", "Pipeline",
                             "Associated Company"});
    const auto preset = detect_preset(header);
    ASSERT_TRUE(preset);
    EXPECT_EQ(preset->name, "hubspot");
    EXPECT_EQ(resolve_columns(*preset, header).at(deal_field::account), 7u);
}

TEST(Presets, DetectsApiAndWarehouseNames) {
    EXPECT_EQ(detect_preset(header_row({"id", "name", "close_date", "amount", "stage_name"}))->name, "salesforce");
    EXPECT_EQ(detect_preset(header_row({"deal_id", "property_dealname", "property_closedate"}))->name, "hubspot");
}

TEST(Presets, UnknownHeaderIsNotGuessed) {
    EXPECT_FALSE(detect_preset(header_row({"Opportunity Owner", "Opportunity Owner Email", "Opportunity Name", "Amount"})));
    EXPECT_FALSE(detect_preset(header_row({"Name", "Value"})));
    EXPECT_FALSE(preset_named("pipedrive"));
}

TEST(Header, AHundredThousandColumnsAreIndexedNotScanned) {
    std::vector<std::string> names;
    for (int i = 0; i < 100000; ++i) names.push_back("Custom " + std::to_string(i));
    names.push_back("custom  7");  // a duplicate after normalising
    const header_row header(names);
    EXPECT_EQ(header.size(), 100001u);
    EXPECT_EQ(header.find("CUSTOM 99999"), 99999u);
    EXPECT_EQ(header.find("custom 7"), 7u);
    EXPECT_EQ(header.duplicates(), (std::vector<std::string>{"custom 7"}));
    EXPECT_FALSE(header.find("Close Date"));
}

}  // namespace
}  // namespace closeplan::batch
