// SPDX-License-Identifier: MIT
// What Customer Success runs the account by (contract, purchased, environment, competition,
// red flags), the sign-off record and `x-` extension fields: read, and located errors (V215-V219).
#include <gtest/gtest.h>

#include "model/dates.hpp"
#include "validate_support.hpp"

namespace closeplan {
namespace {

using test::validate_text;

model::date d(const char* iso) { return *model::parse_iso_date(iso); }

// Lines 1-7 of every plan below; what a test adds starts on line 8.
std::string plan_with(std::string_view rest) {
    return "closeplan: 1\n"
           "deal:\n"
           "  name: X\n"
           "target_close: 2026-06-30\n"
           "stakeholders:\n"
           "  - { id: dana, name: Dana Ruiz, title: CFO, side: buyer }\n"
           "  - { id: sam, name: Sam Lee, title: AE, side: seller }\n" +
           std::string(rest);
}

TEST(validate_handoff_fields, every_field_is_read) {
    auto v = validate_text(plan_with(
        "contract:\n"
        "  start: 2026-07-01\n"
        "  term_months: 24\n"
        "  renewal: Auto-renews yearly\n"
        "  notice_days: 60\n"
        "  billing: Quarterly\n"
        "  notes: Price held\n"
        "purchased:\n"
        "  - { product: Portal, quantity: 250, unit: seats, note: Tiered }\n"
        "  - { product: Support }\n"
        "environment: { systems: [Facets], integrations: [Okta SSO], notes: Air-gapped }\n"
        "competition:\n"
        "  - { who: Initech, why_we_won: Native connector }\n"
        "red_flags: [Champion leaving]\n"));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    const auto& p = *v.plan;
    EXPECT_EQ(p.contract.start, d("2026-07-01"));
    EXPECT_EQ(p.contract.term_months, 24);
    EXPECT_FALSE(p.contract.renewal_date);
    EXPECT_EQ(p.contract.renewal_rule, "Auto-renews yearly");
    EXPECT_EQ(p.contract_renewal(), d("2028-07-01"));
    EXPECT_EQ(p.contract_notice_by(), d("2028-05-02"));
    EXPECT_EQ(p.contract.billing, "Quarterly");
    EXPECT_EQ(p.contract.notes, "Price held");
    ASSERT_EQ(p.purchased.size(), 2u);
    EXPECT_EQ(p.purchased[0].quantity, "250");
    EXPECT_EQ(p.purchased[0].unit, "seats");
    EXPECT_EQ(p.purchased[1].product, "Support");
    EXPECT_EQ(p.environment.systems, std::vector<std::string>{"Facets"});
    EXPECT_EQ(p.environment.integrations, std::vector<std::string>{"Okta SSO"});
    EXPECT_EQ(p.environment.notes, "Air-gapped");
    ASSERT_EQ(p.competition.size(), 1u);
    EXPECT_EQ(p.competition[0].why_we_won, "Native connector");
    EXPECT_EQ(p.red_flags, std::vector<std::string>{"Champion leaving"});
}

TEST(validate_handoff_fields, renewal_written_as_a_date_is_a_date) {
    auto v = validate_text(plan_with("contract: { start: 2026-07-01, renewal: 2027-06-30 }\n"));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    EXPECT_EQ(v.plan->contract.renewal_date, d("2027-06-30"));
    auto bad = validate_text(plan_with("contract: { renewal: 2027-02-30 }\n"));
    EXPECT_NE(bad.report().find("error[V204]"), std::string::npos) << bad.report();
}

TEST(validate_handoff_fields, v215_counts_are_whole_numbers_in_range) {
    auto v = validate_text(plan_with("contract:\n  term_months: twelve\n  notice_days: 9999\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:16: error[V215]: \"term_months\" \"twelve\" is not a whole number from 1 to 1200 (at /contract/term_months)\n"
              "  hint: write digits only, e.g. `term_months: 90`\n"
              "plan.yaml:10:16: error[V215]: \"notice_days\" \"9999\" is not a whole number from 0 to 3650 (at /contract/notice_days)\n"
              "  hint: write digits only, e.g. `notice_days: 90`");
    EXPECT_FALSE(v.plan);
}

TEST(validate_handoff_fields, v216_quantity_is_a_plain_number) {
    auto v = validate_text(plan_with("purchased:\n  - { product: Portal, quantity: 250 seats }\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:34: error[V216]: quantity \"250 seats\" is not a plain number (at /purchased/0/quantity)\n"
              "  hint: write digits with an optional decimal point, e.g. 250, and the unit in `unit:`");
}

TEST(validate_handoff_fields, v218_renewal_before_start) {
    auto v = validate_text(plan_with("contract: { start: 2026-07-01, renewal: 2026-01-01 }\n"));
    EXPECT_NE(v.report().find("warning[V218]: contract renewal 2026-01-01 is not after start 2026-07-01"),
              std::string::npos)
        << v.report();
    EXPECT_TRUE(v.plan);
}

TEST(validate_handoff_fields, unknown_keys_inside_stay_v208) {
    auto v = validate_text(plan_with("competition:\n  - { who: Initech, why_won: Price }\n"));
    EXPECT_NE(v.report().find("warning[V208]: unknown field \"why_won\""), std::string::npos) << v.report();
}

TEST(validate_handoff_fields, signer_by_id_carries_a_date_and_how) {
    auto v = validate_text(plan_with("sign_off:\n"
                                     "  buyer: { id: dana, date: 2026-06-28, how: email }\n"
                                     "  seller: sam\n"));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    const auto& buyer = *v.plan->signatures.buyer;
    EXPECT_EQ(buyer.stakeholder_id, "dana");
    EXPECT_EQ(buyer.name, "Dana Ruiz");  // copied from the stakeholder
    EXPECT_EQ(buyer.title, "CFO");
    EXPECT_EQ(buyer.signed_on, d("2026-06-28"));
    EXPECT_EQ(buyer.how, model::sign_method::email);
    EXPECT_FALSE(v.plan->signatures.seller->signed_on);
}

TEST(validate_handoff_fields, signer_checks_v203_v217_v219_and_r303) {
    auto v = validate_text(plan_with("sign_off:\n"
                                     "  buyer: { id: dana, name: Dana, how: fax }\n"
                                     "  seller: { id: dana, how: meeting }\n"));
    const auto report = v.report();
    EXPECT_NE(report.find("error[V219]: \"buyer\" gives both `id` and `name`"), std::string::npos) << report;
    EXPECT_NE(report.find("error[V203]"), std::string::npos) << report;
    EXPECT_NE(report.find("warning[V217]: \"seller\" says how it signed but not when"), std::string::npos) << report;
    EXPECT_NE(report.find("error[R303]"), std::string::npos) << report;
    EXPECT_FALSE(v.plan);
}

TEST(validate_handoff_fields, x_fields_anywhere_are_kept_whole_and_never_warned) {
    auto v = validate_text(plan_with("x-crm-id: OPP-1\n"
                                     "milestones:\n"
                                     "  - id: a\n"
                                     "    title: A\n"
                                     "    owner: buyer\n"
                                     "    due: 2026-06-01\n"
                                     "    x-jira: { key: SEC-1, labels: [infra, q3] }\n"
                                     "contract: { x-po: 77 }\n"));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    const auto& x = v.plan->extensions;
    ASSERT_EQ(x.size(), 3u);
    EXPECT_EQ(x[0].pointer, "/x-crm-id");
    EXPECT_EQ(x[0].value.text, "OPP-1");
    EXPECT_EQ(x[0].where.line, 8);
    EXPECT_EQ(x[1].pointer, "/milestones/0/x-jira");
    EXPECT_EQ(x[1].key, "x-jira");
    ASSERT_EQ(x[1].value.type, model::extension_value::kind::map);
    EXPECT_EQ(x[1].value.members[0].key, "key");
    EXPECT_EQ(x[1].value.members[1].value.items[1].text, "q3");
    EXPECT_EQ(x[2].pointer, "/contract/x-po");
    EXPECT_EQ(x[2].value.text, "77");  // as written: text
}

}  // namespace
}  // namespace closeplan
