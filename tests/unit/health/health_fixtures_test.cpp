// SPDX-License-Identifier: MIT
// Every rule has a fixture that triggers it and nothing else, and every
// example triggers exactly the rules its story calls for.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "health_test_support.hpp"

namespace closeplan::health {
namespace {

using testing::review_file;
using testing::rule_ids;
using testing::source_path;

std::vector<std::filesystem::path> fixtures() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/health/fixtures")))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Rules a fixture cannot avoid besides its own, declared in its header as
// `# Also triggers: H814` (a slip past a successor is a slip too).
std::set<std::string> also_triggers(const std::filesystem::path& file) {
    std::set<std::string> ids;
    std::ifstream in(file);
    static const std::string prefix = "# Also triggers:";
    for (std::string line; std::getline(in, line) && line.starts_with("#");) {
        if (!line.starts_with(prefix)) continue;
        std::istringstream words(line.substr(prefix.size()));
        for (std::string id; words >> id;) ids.insert(id);
    }
    return ids;
}

TEST(HealthFixtures, EachFixtureTriggersExactlyItsRule) {
    const auto files = fixtures();
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        const auto stem = file.stem().string();
        // "H812-step-at-risk" expects H812; "healthy" expects nothing.
        auto expected = also_triggers(file);
        if (stem != "healthy") expected.insert(stem.substr(0, stem.find('-')));
        EXPECT_EQ(rule_ids(review_file(file.string())), expected) << file;
    }
}

TEST(HealthFixtures, EveryRuleHasAFixtureNamedAfterIt) {
    const auto files = fixtures();
    for (const auto& rule : rules()) {
        const auto name = std::string(rule.id) + "-" + std::string(rule.name) + ".yaml";
        EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.filename() == name; }))
            << "no fixture " << name;
    }
}

TEST(HealthExamples, EnterpriseHasSlipsAnOverdueStepAndAnUnusedResource) {
    // Four steps moved 14 days, the pen-test review is 3 days overdue, and the
    // rollout plan resource is for nobody (implementation material).
    const auto result = review_file(source_path("examples/enterprise/plan.yaml"));
    EXPECT_EQ(rule_ids(result), (std::set<std::string>{"H812", "H814", "H819"}));
    EXPECT_EQ(result.slips.steps_moved, 4);
    EXPECT_EQ(result.slips.total_days, 56);
    EXPECT_EQ(result.buyer_overdue.at_risk, 1);
}

TEST(HealthExamples, NorthwindHasSlipsAndItsKickoffStep) {
    EXPECT_EQ(rule_ids(review_file(source_path("examples/northwind/plan.yaml"))),
              (std::set<std::string>{"H811", "H814"}));
}

TEST(HealthExamples, PilotNamesNoChampion) {
    // A 12000 pilot: below the size that needs security/legal/procurement steps. Its pilot order
    // form is signed, but the deal's signature (the last signature step) is still ahead: no H821.
    EXPECT_EQ(rule_ids(review_file(source_path("examples/pilot/plan.yaml"))), (std::set<std::string>{"H817"}));
}

TEST(HealthExamples, StadtwerkeIsShortAndHasASlip) {
    EXPECT_EQ(rule_ids(review_file(source_path("examples/stadtwerke/plan.json"))),
              (std::set<std::string>{"H803", "H814"}));
}

}  // namespace
}  // namespace closeplan::health
