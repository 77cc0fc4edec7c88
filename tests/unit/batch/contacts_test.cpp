// SPDX-License-Identifier: MIT
// Stakeholders from CRM contacts: the role table, the mapping's overrides,
// the primary contact as signer, and the contacts export joined by deal id.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <thread>

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
    const auto nine = *index->for_deal("D-9");
    ASSERT_EQ(nine.size(), 2u);
    EXPECT_EQ(nine[0].name, "Priya Shah");
    EXPECT_EQ(nine[0].role, "BUDGET_HOLDER");
    EXPECT_EQ(nine[1].title, "Architect");
    EXPECT_EQ(index->for_deal("D-10")->size(), 1u);
    EXPECT_TRUE(index->for_deal("D-1")->empty());
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B735");
    EXPECT_EQ(diags.all()[0].where.line, 4);
}

// A contacts export as CRMs write them: a byte-order mark, CRLF, quoted values
// with line breaks and commas, a deal's contacts scattered across the file,
// rows with no deal id or no name, a row naming a deal twice, and a last row
// with no line end.
const std::string varied_contacts =
    "\xEF\xBB\xBF" "Record ID,First Name,Last Name,Job Title,Email,Buying Role,Associated Deal IDs,Primary\r\n"
    "1,Priya,Shah,\"VP Finance,\r\nEMEA\",priya@g.example,BUDGET_HOLDER,D-9,yes\r\n"
    "2,Tom,Berg,Architect,tom@g.example,Influencer,D-10;D-9,\r\n"
    "3,No,Deal,,,,,\r\n"
    "4,Ana,\"Lima\nSouza\",CTO,ana@g.example,Champion, D-10 ,\r\n"
    "5,,,,nobody@g.example,,D-9,\r\n"
    "6,\"Jo \"\"JJ\"\"\",Kim,Legal,jo@g.example,LEGAL_AND_COMPLIANCE,D-9;D-9,\r\n"
    "7,Lee,Wu,Buyer,lee@g.example,Procurement,D-11,1";

std::vector<std::vector<std::string>> names_and_titles(const std::vector<crm_contact>& contacts) {
    std::vector<std::vector<std::string>> out;
    for (const auto& c : contacts) out.push_back({c.name, c.title, c.role, c.email, c.primary ? "1" : "0"});
    return out;
}

/// `text` in a file of its own, opened for reading (the file's name is removed at once).
int file_holding(const std::string& text) {
    std::string name = ::testing::TempDir() + "contacts-XXXXXX";
    const int fd = ::mkstemp(name.data());
    EXPECT_GE(fd, 0);
    EXPECT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    ::unlink(name.c_str());
    return fd;
}

TEST(ContactsIndex, RowsReadAgainFromAFileGiveTheContactsOfTheFirstReading) {
    diagnostic_sink file_diags, stream_diags;
    auto from_file = contacts_index::read_file(file_holding(varied_contacts), "contacts.csv", contacts_preset(), file_diags);
    std::istringstream in(varied_contacts);
    auto from_stream = contacts_index::read(in, "contacts.csv", contacts_preset(), stream_diags);
    ASSERT_TRUE(from_file);
    ASSERT_TRUE(from_stream);
    EXPECT_EQ(from_file->size(), 7u);  // D-9 x4 (one row twice), D-10 x2, D-11
    using row = std::vector<std::string>;
    const std::vector<row> nine{{"Priya Shah", "VP Finance,\nEMEA", "BUDGET_HOLDER", "priya@g.example", "1"},
                                {"Tom Berg", "Architect", "Influencer", "tom@g.example", "0"},
                                {"Jo \"JJ\" Kim", "Legal", "LEGAL_AND_COMPLIANCE", "jo@g.example", "0"},
                                {"Jo \"JJ\" Kim", "Legal", "LEGAL_AND_COMPLIANCE", "jo@g.example", "0"}};
    const std::vector<row> ten{{"Tom Berg", "Architect", "Influencer", "tom@g.example", "0"},
                               {"Ana Lima\nSouza", "CTO", "Champion", "ana@g.example", "0"}};
    const std::vector<row> eleven{{"Lee Wu", "Buyer", "Procurement", "lee@g.example", "1"}};
    for (const auto* index : {&*from_file, &*from_stream}) {
        EXPECT_EQ(names_and_titles(*index->for_deal("D-9")), nine);
        EXPECT_EQ(names_and_titles(*index->for_deal("D-10")), ten);
        EXPECT_EQ(names_and_titles(*index->for_deal("D-11")), eleven);
        EXPECT_TRUE(index->for_deal("D-1")->empty());
        EXPECT_TRUE(index->for_deal("")->empty());
    }
    // The rows left out are warned about where they are, the same either way.
    ASSERT_EQ(file_diags.all().size(), 2u);
    EXPECT_EQ(file_diags.all()[0].code, "B735");
    EXPECT_EQ(file_diags.all()[0].where.line, 5);  // "No Deal": the quoted line break makes line 2-3 one row
    EXPECT_EQ(file_diags.all()[1].where.line, 8);  // no name
    ASSERT_EQ(stream_diags.all().size(), 2u);
    EXPECT_EQ(stream_diags.all()[1].where.line, file_diags.all()[1].where.line);
}

TEST(ContactsIndex, WorkersReadTheFileAtOnceWithoutSharingAPosition) {
    diagnostic_sink diags;
    auto index = contacts_index::read_file(file_holding(varied_contacts), "contacts.csv", contacts_preset(), diags);
    ASSERT_TRUE(index);
    const auto nine = names_and_titles(*index->for_deal("D-9"));
    const auto ten = names_and_titles(*index->for_deal("D-10"));
    std::vector<std::thread> workers;
    std::vector<int> wrong(4, 0);
    for (std::size_t w = 0; w < wrong.size(); ++w)
        workers.emplace_back([&, w] {
            for (int n = 0; n < 200; ++n) {
                const auto found = index->for_deal((n + static_cast<int>(w)) % 2 ? "D-9" : "D-10");
                if (!found || names_and_titles(*found) != ((n + static_cast<int>(w)) % 2 ? nine : ten)) ++wrong[w];
            }
        });
    for (auto& t : workers) t.join();
    EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(ContactsIndex, AFileChangedAfterItWasIndexedFailsTheLookUp) {
    const int fd = file_holding(varied_contacts);
    diagnostic_sink diags;
    auto index = contacts_index::read_file(::dup(fd), "contacts.csv", contacts_preset(), diags);
    ASSERT_TRUE(index);
    // Rewritten shorter: D-11's row (the last) is gone, and D-9's first row now starts elsewhere.
    ASSERT_EQ(::ftruncate(fd, 0), 0);
    const std::string shorter = "Record ID,Name,Associated Deal IDs\n1,X,D-9\n";
    ASSERT_EQ(::pwrite(fd, shorter.data(), shorter.size(), 0), static_cast<ssize_t>(shorter.size()));
    ::close(fd);
    EXPECT_FALSE(index->for_deal("D-11"));
    EXPECT_FALSE(index->for_deal("D-9"));
    EXPECT_TRUE(index->for_deal("D-404")->empty());  // no rows to read: nothing changed for it
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
