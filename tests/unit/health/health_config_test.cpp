// SPDX-License-Identifier: MIT
// The health config file: every mistake located and explained.
#include <gtest/gtest.h>

#include "health/health.hpp"

namespace closeplan::health {
namespace {

std::string first_problem(const std::string& text) {
    diagnostic_sink diags;
    const auto settings = parse_config(text, "health.yaml", diags);
    EXPECT_FALSE(settings.has_value());
    return diags.all().empty() ? "" : format_diagnostic(diags.all().front());
}

TEST(HealthConfig, ReadsSeveritiesSwitchesAndThresholds) {
    diagnostic_sink diags;
    const auto settings = parse_config(
        "closeplan-health: 1\nrules:\n  seller-heavy: off\n  H810: { severity: error, min_amount: 100000 }\n", "h.yaml", diags);
    ASSERT_TRUE(settings.has_value());
    EXPECT_FALSE(settings->enabled("H801"));
    EXPECT_TRUE(settings->enabled("H802"));
    EXPECT_EQ(settings->level(*find_rule("H810")), severity::error);
    EXPECT_EQ(settings->value(*find_rule("H810"), "min_amount"), 100000);
    EXPECT_EQ(settings->value(*find_rule("H809"), "min_buffer_days"), 5);
}

TEST(HealthConfig, MissingHeader) {
    EXPECT_EQ(first_problem("rules: {}\n"),
              "health.yaml:1:1: error[H890]: not a health config: `closeplan-health: 1` is missing\n"
              "  hint: a health config starts with `closeplan-health: 1`; docs/health.md shows one");
}

TEST(HealthConfig, UnknownRuleSuggestsTheNearestName) {
    EXPECT_EQ(first_problem("closeplan-health: 1\nrules:\n  seler-heavy: off\n"),
              "health.yaml:3:3: error[H891]: unknown health rule \"seler-heavy\" (at /rules/seler-heavy)\n"
              "  hint: did you mean `seller-heavy`?\n"
              "  hint: rules are named by id (H801) or name (seller-heavy); docs/health.md lists them");
}

TEST(HealthConfig, BadSeverity) {
    EXPECT_EQ(first_problem("closeplan-health: 1\nrules:\n  H801: loud\n"),
              "health.yaml:3:9: error[H892]: severity \"loud\" is not error, warning, note or off (at /rules/H801)\n"
              "  hint: write one of error, warning, note, off");
}

TEST(HealthConfig, UnknownSettingListsTheRulesOwn) {
    EXPECT_EQ(first_problem("closeplan-health: 1\nrules:\n  no-close-buffer: { min_bufer_days: 3 }\n"),
              "health.yaml:3:22: error[H892]: unknown setting \"min_bufer_days\" for no-close-buffer "
              "(at /rules/no-close-buffer/min_bufer_days)\n"
              "  hint: did you mean `min_buffer_days`?\n"
              "  hint: no-close-buffer takes: severity, min_buffer_days");
}

TEST(HealthConfig, ThresholdMustBeANumber) {
    EXPECT_EQ(first_problem("closeplan-health: 1\nrules:\n  buyer-idle: { window_days: soon }\n"),
              "health.yaml:3:30: error[H892]: window_days must be a number of zero or more, found \"soon\" "
              "(at /rules/buyer-idle/window_days)\n"
              "  hint: window_days: days after as_of in which the buyer should own an open step");
}

}  // namespace
}  // namespace closeplan::health
