// SPDX-License-Identifier: MIT
// CRM rows to plans: the deal's fields, playbook milestones, task milestones.
#include <gtest/gtest.h>

#include "batch/deal_builder.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

struct fixture {
    header_row header;
    column_mapping mapping = *preset_named("salesforce");
    row_reader reader;
    schedule::playbook book;

    explicit fixture(std::vector<std::string> names) : header(names) {
        reader.header = &header;
        reader.mapping = &mapping;
        reader.columns = resolve_columns(mapping, header);
        reader.as_of = *model::parse_iso_date("2026-06-01");
        book.name = "Two steps";
        schedule::playbook_step review;
        review.id = "review";
        review.title = "Review";
        review.owner = model::side::buyer;
        review.days = 5;
        schedule::playbook_step sign;
        sign.id = "sign";
        sign.title = "Sign";
        sign.days = 1;
        sign.depends_on = {"review"};
        book.steps = {review, sign};
        diagnostic_sink diags;
        EXPECT_TRUE(schedule::prepare_playbook(book, diags));
    }
};

TEST(DealBuilder, ColumnSettledStylesAndSpreadsheetColumnNames) {
    fixture f({"Opportunity Name", "Close Date", "Amount"});
    const export_row row{12, {"Claims", "4/7/2027", "12,5"}};
    // Unsettled and no style: ambiguous (B706); the survey's verdict for the column reads it.
    EXPECT_EQ(build_deal_from_row(row, f.reader, f.book, {}).errors.at(0).code, "B706");
    f.reader.close_dates = date_style::day_first;
    f.reader.decimal = decimal_mark::comma;
    f.mapping.buyer_fields = {deal_field::amount};  // amounts reach a buyer's page only when asked
    const auto built = build_deal_from_row(row, f.reader, f.book, {});
    ASSERT_TRUE(built.plan);
    EXPECT_EQ(model::format_iso_date(built.plan->target_close), "2027-07-04");
    EXPECT_EQ(built.plan->deal.amount, "12.50");
    // An .xlsx export: errors name Excel's column letter too.
    f.reader.sheet_columns = true;
    const export_row bad{12, {"Claims", "someday", "1"}};
    const auto failed = build_deal_from_row(bad, f.reader, f.book, {});
    ASSERT_EQ(failed.errors.size(), 1u);
    EXPECT_EQ(failed.errors[0].line, 12);
    EXPECT_EQ(failed.errors[0].column, "Close Date (column B)");
}

TEST(DealBuilder, InternalFieldsReachABuyersPageOnlyWhenTheMappingSaysSo) {
    fixture f({"Opportunity Name", "Close Date", "Amount", "Stage", "Next Step"});
    const export_row row{2, {"Claims analytics", "2026-09-30", "$240,000.00", "Id. Decision Makers", "Send the \x1b[31mpack"}};
    f.mapping.buyer_fields = {deal_field::amount, deal_field::stage, deal_field::next_step};
    auto built = build_deal_from_row(row, f.reader, f.book, {});
    ASSERT_TRUE(built.plan);
    EXPECT_EQ(built.plan->deal.amount, "240000.00");
    EXPECT_EQ(built.plan->deal.currency, "USD");
    EXPECT_EQ(built.plan->deal.stage, "Id. Decision Makers");
    EXPECT_EQ(built.plan->notes, "Send the \xEF\xBF\xBD[31mpack");
    // A stage named in the mapping's `stages:` is shown in the buyer's words, even when raw stages are not.
    f.mapping.buyer_fields.clear();
    f.mapping.stage_names = {{"id. decision makers", "Evaluation"}};
    built = build_deal_from_row(row, f.reader, f.book, {});
    ASSERT_TRUE(built.plan);
    EXPECT_EQ(built.plan->deal.stage, "Evaluation");
    EXPECT_EQ(built.plan->deal.amount, "");
}

TEST(DealBuilder, RowFieldsReachThePlan) {
    fixture f({"Opportunity Name", "Account Name", "Close Date", "Amount", "Opportunity Owner", "Stage", "Next Step",
               "Opportunity ID"});
    const export_row row{2, {"Claims analytics", "Northwind", "2026-09-30", "$240,000.00", "Nora Quinn", "Proposal",
                             "Send the \x1b[31mpack", "006A"}};
    const auto built = build_deal_from_row(row, f.reader, f.book, {});
    ASSERT_TRUE(built.plan);
    const auto& plan = *built.plan;
    EXPECT_EQ(plan.deal.name, "Claims analytics");
    EXPECT_EQ(plan.deal.id, "006A");
    EXPECT_EQ(plan.deal.buyer.name, "Northwind");
    // Buyer-safe by default: the amount, the raw stage and the CRM's next step are the seller's.
    EXPECT_EQ(plan.deal.amount, "");
    EXPECT_EQ(plan.deal.stage, "");
    EXPECT_EQ(plan.notes, "");
    ASSERT_EQ(plan.stakeholders.size(), 1u);
    EXPECT_EQ(plan.stakeholders[0].name, "Nora Quinn");
    EXPECT_EQ(plan.stakeholders[0].party_side, model::side::seller);
    ASSERT_EQ(plan.milestones.size(), 2u);
    EXPECT_EQ(model::format_iso_date(*plan.milestones[1].due), "2026-09-30");
    EXPECT_EQ(model::format_iso_date(plan.target_close), "2026-09-30");
    EXPECT_TRUE(built.feasible);
}

TEST(DealBuilder, EveryProblemOfARowIsReported) {
    fixture f({"Opportunity Name", "Close Date", "Amount"});
    const export_row row{7, {"", "31.02.2026", "-5"}};
    const auto built = build_deal_from_row(row, f.reader, f.book, {});
    EXPECT_FALSE(built.plan);
    ASSERT_EQ(built.errors.size(), 3u);
    EXPECT_EQ(built.errors[0].code, "B705");
    EXPECT_EQ(built.errors[1].code, "B706");
    EXPECT_EQ(built.errors[1].message, "close date \"31.02.2026\" is not a date that exists");
    EXPECT_EQ(built.errors[2].code, "B707");
    EXPECT_EQ(built.errors[2].message, "amount \"-5\" is negative");
    for (const auto& e : built.errors) EXPECT_EQ(e.line, 7);
}

TEST(DealBuilder, ScheduleThatDoesNotFitSaysByHowMuch) {
    fixture f({"Opportunity Name", "Close Date"});
    const auto built = build_deal_from_row({2, {"Rush", "2026-06-02"}}, f.reader, f.book, {});
    ASSERT_TRUE(built.plan);
    EXPECT_FALSE(built.feasible);
    EXPECT_EQ(built.business_days_missing, 4);
}

TEST(DealBuilder, TasksBecomeMilestones) {
    fixture f({"Opportunity ID", "Opportunity Name", "Subject", "Owner Side", "Due Date", "Status", "Assigned To"});
    f.mapping.task[static_cast<std::size_t>(task_field::owner_side)] = {"Owner Side"};
    f.reader.columns = resolve_columns(f.mapping, f.header);
    const std::vector<export_row> rows{
        {2, {"006B", "Renewal", "Kickoff", "Customer", "2026-06-10", "Completed", "Lee Park"}},
        {5, {"006B", "Renewal", "Legal review", "vendor", "2026-07-20", "Waiting on someone else", "Sam Ortiz"}},
        {6, {"006B", "Renewal", "Done without date", "", "", "Done", "Lee Park"}},
    };
    const auto built = build_deal_from_tasks(rows, f.reader);
    ASSERT_TRUE(built.plan) << built.errors.at(0).message;
    const auto& plan = *built.plan;
    ASSERT_EQ(plan.milestones.size(), 3u);
    EXPECT_EQ(plan.milestones[0].owner, model::side::buyer);
    EXPECT_EQ(plan.milestones[0].state, model::status::done);
    EXPECT_EQ(plan.milestones[1].owner, model::side::seller);
    EXPECT_EQ(plan.milestones[1].state, model::status::in_progress);
    EXPECT_EQ(plan.milestones[2].owner, model::side::both);
    EXPECT_FALSE(plan.milestones[2].due);
    EXPECT_EQ(plan.milestones[0].assignee, plan.milestones[2].assignee);
    EXPECT_EQ(plan.stakeholders.size(), 2u);
    // No close date column: the latest due date is the close.
    EXPECT_EQ(model::format_iso_date(plan.target_close), "2026-07-20");
}

TEST(DealBuilder, UnknownTaskWordsAreReportedNotGuessed) {
    fixture f({"Opportunity ID", "Subject", "Owner Side", "Due Date", "Status"});
    f.mapping.task[static_cast<std::size_t>(task_field::owner_side)] = {"Owner Side"};
    f.reader.columns = resolve_columns(f.mapping, f.header);
    const auto built = build_deal_from_tasks({{3, {"006C", "Demo", "Partner", "2026-06-10", "Parked"}}}, f.reader);
    EXPECT_FALSE(built.plan);
    ASSERT_EQ(built.errors.size(), 2u);
    EXPECT_EQ(built.errors[0].code, "B709");
    EXPECT_EQ(built.errors[0].column, "Owner Side");
    EXPECT_EQ(built.errors[1].message, "status \"Parked\" is not one of not started, in progress, done, blocked");
}

}  // namespace
}  // namespace closeplan::batch
