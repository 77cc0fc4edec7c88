// SPDX-License-Identifier: MIT
// One run reports every problem of a plan, in file order, whichever pass found it.
#include <gtest/gtest.h>

#include "validate_support.hpp"

namespace closeplan {
namespace {

TEST(validate_many_problems, all_reported_in_file_order) {
    auto v = test::validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: Claims\n"
        "  amount: 240,000\n"
        "target_close: 2026-06-31\n"
        "stakeholders:\n"
        "  - id: dana\n"
        "    name: Dana Ruiz\n"
        "    side: Customer\n"
        "  - id: dana\n"
        "    name: Dana Again\n"
        "    side: buyer\n"
        "milestones:\n"
        "  - id: a\n"
        "    title: A\n"
        "    owner: buyer\n"
        "    assignee: sam\n"
        "    due: 2026-06-01\n"
        "    depends_on: [b]\n"
        "  - id: b\n"
        "    title: B\n"
        "    owner: Vendor\n"
        "    due: 6/1/2026\n"
        "    depends_on: [a]\n"
        "resources:\n"
        "  - title: Deck\n"
        "    url: javascript:alert(1)\n"
        "sign_off:\n"
        "  buyer: dana\n"
        "loacle: en-US\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:4:11: error[V210]: amount \"240,000\" is not a plain number (at /deal/amount)\n"
              "  hint: write digits with an optional decimal point, e.g. 240000 or 240000.50, and the currency in "
              "`currency:`\n"
              "plan.yaml:5:15: error[V204]: date \"2026-06-31\" does not exist (at /target_close)\n"
              "  hint: June 2026 has 30 days\n"
              "plan.yaml:9:11: error[V203]: unknown side \"Customer\" (at /stakeholders/0/side)\n"
              "  hint: did you mean `buyer`?\n"
              "  hint: side must be buyer or seller: a stakeholder works for one of the two companies\n"
              "plan.yaml:10:9: error[V205]: duplicate stakeholder id \"dana\" (at /stakeholders/1/id)\n"
              "  hint: the first stakeholder with this id is on line 7; ids must be unique\n"
              "plan.yaml:17:15: error[R301]: assignee \"sam\" is not a known stakeholder (at /milestones/0/assignee)\n"
              "  hint: known stakeholders are: dana\n"
              "plan.yaml:19:18: error[R302]: dependency cycle: a → b → a (at /milestones/0/depends_on/0)\n"
              "  hint: each arrow reads \"depends on\"; remove one of these depends_on entries\n"
              "plan.yaml:22:12: error[V203]: unknown owner \"Vendor\" (at /milestones/1/owner)\n"
              "  hint: did you mean `seller`?\n"
              "  hint: owner must be buyer, seller or both\n"
              "plan.yaml:23:10: error[V204]: \"due\" must be a date like 2026-06-30, found \"6/1/2026\" "
              "(at /milestones/1/due)\n"
              "  hint: write dates as YYYY-MM-DD\n"
              "plan.yaml:27:10: error[V206]: link scheme \"javascript\" is not allowed (at /resources/0/url)\n"
              "  hint: links must start with https://, http:// or mailto:\n"
              "plan.yaml:30:1: warning[V208]: unknown field \"loacle\" (at /loacle)\n"
              "  hint: did you mean `locale`?");
    EXPECT_EQ(v.diags.error_count(), 9u);
    EXPECT_EQ(v.diags.warning_count(), 1u);
    EXPECT_FALSE(v.plan);
}

TEST(validate_many_problems, hostile_shapes_never_crash) {
    const char* inputs[] = {
        "",
        "~\n",
        "closeplan: 1\n",
        "closeplan: [1]\ndeal: x\ntarget_close: {a: 1}\n",
        "closeplan: 1\ndeal: {name: {a: b}}\ntarget_close: 2026-06-30\nstakeholders: [[], ~, 3]\n",
        "closeplan: 1\ndeal: {name: X}\ntarget_close: 2026-06-30\nmilestones: [{id: [a], depends_on: [[b]]}]\n",
        "closeplan: 1\ndeal: {name: X}\ntarget_close: 2026-06-30\nsign_off: [dana]\nvalue_map: {a: 1}\n",
        "closeplan: 1\ndeal: {name: X}\ntarget_close: 2026-06-30\nvalue_map: [{match: [a]}, {match: {role: {a: 1}}}]\n",
        "closeplan: 1\ndeal: {name: X}\ntarget_close: 2026-06-30\nimplementation: {cs_owner: Rae}\nscope: [a]\n",
        "closeplan: 1\ndeal: {name: X, buyer: ~, seller: {}}\ntarget_close: 2026-06-30\ncommitments: [x]\n",
    };
    for (const char* text : inputs) {
        auto v = test::validate_text(text);
        // A plan comes back exactly when no error was reported.
        EXPECT_EQ(v.plan.has_value(), !v.diags.has_errors()) << text;
        for (const auto& d : v.diags.all()) {
            EXPECT_FALSE(d.message.empty()) << text;
            EXPECT_NE(d.message.back(), '.') << d.message;
            EXPECT_TRUE(d.message.front() < 'A' || d.message.front() > 'Z') << d.message;
        }
    }
}

}  // namespace
}  // namespace closeplan
