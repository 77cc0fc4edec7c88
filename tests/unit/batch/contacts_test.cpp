// SPDX-License-Identifier: MIT
// Stakeholders from CRM contacts: the role table, the mapping's overrides,
// the primary contact as signer, and the contacts export joined by deal id.
#include <gtest/gtest.h>

#include <sstream>

#include "batch/contacts.hpp"

namespace closeplan::batch {
namespace {

TEST(ContactRoles, CrmRolesBecomePlanRoles) {
    const auto sf = *preset_named("salesforce");
    EXPECT_EQ(plan_role_for("Economic Buyer", sf), model::role::economic_buyer);
    EXPECT_EQ(plan_role_for("Technical Buyer", sf), model::role::technical_evaluator);
    EXPECT_EQ(plan_role_for("Champion", sf), model::role::champion);
    EXPECT_EQ(plan_role_for("Decision Maker", sf), model::role::decision_maker);
    EXPECT_EQ(plan_role_for("Influencer", sf), model::role::other);
    EXPECT_EQ(plan_role_for("Business User", sf), model::role::end_user);
    EXPECT_EQ(plan_role_for("Executive Sponsor", sf), model::role::executive_sponsor);
    // HubSpot's internal names and multi-select values.
    EXPECT_EQ(plan_role_for("BUDGET_HOLDER", sf), model::role::economic_buyer);
    EXPECT_EQ(plan_role_for("LEGAL_AND_COMPLIANCE", sf), model::role::legal);
    EXPECT_EQ(plan_role_for("Legal & Compliance", sf), model::role::legal);
    EXPECT_EQ(plan_role_for("Blocker;Champion", sf), model::role::other);  // the first known one
    EXPECT_EQ(plan_role_for("Wizard;Champion", sf), model::role::champion);
    EXPECT_EQ(plan_role_for("", sf), model::role::other);
}

TEST(ContactRoles, TheMappingOverridesTheTable) {
    auto m = *preset_named("salesforce");
    m.roles.emplace_back(normalise_role("Influencer"), model::role::champion);
    m.roles.emplace_back(normalise_role("Business Approver"), model::role::decision_maker);
    EXPECT_EQ(plan_role_for("Influencer", m), model::role::champion);
    EXPECT_EQ(plan_role_for("business-approver", m), model::role::decision_maker);
    EXPECT_EQ(plan_role_named("economic_buyer"), model::role::economic_buyer);
    EXPECT_FALSE(plan_role_named("Economic Buyer"));
}

TEST(ContactRoles, EveryTableRowIsNormalised) {
    for (const auto& row : contact_role_table()) EXPECT_EQ(normalise_role(row.crm), row.crm);
}

model::plan plan_with_rep() {
    model::plan plan;
    model::stakeholder rep;
    rep.id = "deal-owner";
    rep.name = "Nora Quinn";
    rep.party_side = model::side::seller;
    plan.stakeholders.push_back(rep);
    return plan;
}

TEST(AddContacts, StakeholdersWithRolesAndThePrimaryAsSigner) {
    auto plan = plan_with_rep();
    add_contacts(plan,
                 {{"Lee Park", "IT Director", "Technical Buyer", "lee@n.example", false},
                  {"Dana Ruiz", "CFO", "Economic Buyer", "dana@n.example", true},
                  {"Dana Ruiz", "CFO", "Decision Maker", "dana@n.example", false},  // a second role: same person
                  {"Lee Park", "Analyst", "Champion", "lee2@n.example", false}},    // another Lee Park
                 *preset_named("salesforce"));
    ASSERT_EQ(plan.stakeholders.size(), 4u);
    EXPECT_EQ(plan.stakeholders[1].id, "lee-park");
    EXPECT_EQ(plan.stakeholders[1].role_kind, model::role::technical_evaluator);
    EXPECT_EQ(plan.stakeholders[1].party_side, model::side::buyer);
    EXPECT_EQ(plan.stakeholders[2].id, "dana-ruiz");
    EXPECT_EQ(plan.stakeholders[2].influence, model::level::high);
    EXPECT_EQ(plan.stakeholders[3].id, "lee-park-2");
    ASSERT_TRUE(plan.signatures.buyer);
    EXPECT_EQ(plan.signatures.buyer->stakeholder_id, "dana-ruiz");
    EXPECT_EQ(plan.signatures.buyer->title, "CFO");
}

TEST(AddContacts, AGivenSignerStaysAndBadEmailsAreDropped) {
    auto plan = plan_with_rep();
    plan.signatures.buyer = model::signatory{"", "Pat Lee", "COO", {}};
    export_row row{2, {"Ana Lima", "javascript:alert(1)@x", "1"}};
    resolved_columns columns;
    columns.contact[static_cast<std::size_t>(contact_field::name)] = 0;
    columns.contact[static_cast<std::size_t>(contact_field::email)] = 1;
    columns.contact[static_cast<std::size_t>(contact_field::primary)] = 2;
    auto contact = contact_in_row(row, columns);
    ASSERT_TRUE(contact);
    EXPECT_TRUE(contact->primary);
    EXPECT_EQ(contact->email, "");
    add_contacts(plan, {*contact}, *preset_named("salesforce"));
    EXPECT_EQ(plan.signatures.buyer->name, "Pat Lee");
}

TEST(ContactsIndex, JoinsOnTheDealIdWithSeveralIdsInACell) {
    std::istringstream in(
        "Record ID,First Name,Last Name,Job Title,Email,Buying Role,Associated Deal IDs\r\n"
        "101,Priya,Shah,VP Finance,priya@g.example,BUDGET_HOLDER,D-9\r\n"
        "102,Tom,Berg,Architect,tom@g.example,Influencer,D-9;D-10\r\n"
        "103,No,Deal,,,,\r\n");
    diagnostic_sink diags;
    auto index = contacts_index::read(in, "contacts.csv", contacts_preset(), diags);
    ASSERT_TRUE(index);
    EXPECT_EQ(index->size(), 3u);
    const auto nine = index->for_deal("D-9");
    ASSERT_EQ(nine.size(), 2u);
    EXPECT_EQ(nine[0].name, "Priya Shah");
    EXPECT_EQ(nine[0].role, "BUDGET_HOLDER");
    EXPECT_EQ(nine[1].title, "Architect");
    EXPECT_EQ(index->for_deal("D-10").size(), 1u);
    EXPECT_TRUE(index->for_deal("D-1").empty());
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B735");
    EXPECT_EQ(diags.all()[0].where.line, 4);
}

TEST(ContactsIndex, ADealIdColumnIsNeeded) {
    std::istringstream in("First Name,Last Name\nDana,Ruiz\n");
    diagnostic_sink diags;
    EXPECT_FALSE(contacts_index::read(in, "contacts.csv", contacts_preset(), diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B734");
    EXPECT_NE(diags.all()[0].message.find("deal id"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::batch
