// SPDX-License-Identifier: MIT
// One test (or more) per validation code, asserting the whole printed report.
#include <gtest/gtest.h>

#include "model/dates.hpp"
#include "validate_support.hpp"

namespace closeplan {
namespace {

using test::validate_text;

// Lines 1-4 of every YAML plan below; what a test adds starts on line 5.
std::string plan_with(std::string_view rest) {
    return "closeplan: 1\n"
           "deal:\n"
           "  name: X\n"
           "target_close: 2026-06-30\n" +
           std::string(rest);
}

TEST(validate_codes, minimal_plan_is_valid) {
    auto v = validate_text(plan_with(""));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    EXPECT_EQ(v.plan->deal.name, "X");
    EXPECT_EQ(v.plan->locale, "en-US");
}

// ---- V201 format version and file kind -------------------------------------------------

TEST(validate_codes, v201_missing_version_yaml) {
    auto v = validate_text("deal:\n  name: X\ntarget_close: 2026-06-30\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:1:1: error[V201]: missing format version (at /closeplan)\n"
              "  hint: add `closeplan: 1` at the top of the file");
    EXPECT_FALSE(v.plan);
}

TEST(validate_codes, v201_missing_version_json) {
    auto v = validate_text("{\"deal\": {\"name\": \"X\"}, \"target_close\": \"2026-06-30\"}\n", "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:1:1: error[V201]: missing format version (at /closeplan)\n"
              "  hint: add `\"closeplan\": 1` at the top of the file");
}

TEST(validate_codes, v201_unsupported_version) {
    auto v = validate_text("closeplan: 2\ndeal:\n  name: X\ntarget_close: 2026-06-30\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:1:12: error[V201]: unsupported format version \"2\" (at /closeplan)\n"
              "  hint: this closeplan reads format version 1: `closeplan: 1`");
}

TEST(validate_codes, v201_value_map_passed_as_plan) {
    auto v = validate_text("closeplan-value-map: 1\nentries: []\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:1:1: error[V201]: this is a value map file, not a plan (at /closeplan-value-map)\n"
              "  hint: pass it with --value-map FILE");
}

TEST(validate_codes, v201_playbook_passed_as_plan_json) {
    auto v = validate_text("{\n  \"closeplan-playbook\": 1,\n  \"milestones\": []\n}\n", "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:2:3: error[V201]: this is a playbook file, not a plan (at /closeplan-playbook)\n"
              "  hint: pass it with --playbook FILE");
}

// ---- V202 required fields --------------------------------------------------------------

TEST(validate_codes, v202_missing_fields_reported_at_parent) {
    auto v = validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  stage: Proposal\n"
        "target_close: 2026-06-30\n"
        "milestones:\n"
        "  - id: a\n"
        "    title: A\n"
        "  - id: b\n"
        "    title: B\n"
        "    status: done\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:3:3: error[V202]: missing required field \"name\" (at /deal/name)\n"
              "plan.yaml:6:5: error[V202]: missing required field \"owner\" (at /milestones/0/owner)\n"
              "  hint: owner must be buyer, seller or both\n"
              "plan.yaml:6:5: error[V202]: missing required field \"due\" (at /milestones/0/due)\n"
              "  hint: due is required unless status is done\n"
              "plan.yaml:8:5: error[V202]: missing required field \"owner\" (at /milestones/1/owner)\n"
              "  hint: owner must be buyer, seller or both");
    EXPECT_FALSE(v.plan);
}

TEST(validate_codes, v202_empty_text_and_misspelt_key) {
    auto v = validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: \"  \"\n"
        "target_close: 2026-06-30\n"
        "stakeholders:\n"
        "  - id: dana\n"
        "    nmae: Dana Ruiz\n"
        "    side: buyer\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:3:9: error[V202]: required field \"name\" is empty (at /deal/name)\n"
              "plan.yaml:6:5: error[V202]: missing required field \"name\" (at /stakeholders/0/name)\n"
              "  hint: `nmae` looks like a misspelling of `name`\n"
              "plan.yaml:7:5: warning[V208]: unknown field \"nmae\" (at /stakeholders/0/nmae)\n"
              "  hint: did you mean `name`?");
}

TEST(validate_codes, v202_json) {
    auto v = validate_text(
        "{\n"
        "  \"closeplan\": 1,\n"
        "  \"deal\": {\"name\": \"X\"},\n"
        "  \"stakeholders\": [\n"
        "    {\"id\": \"dana\", \"name\": \"Dana\"}\n"
        "  ]\n"
        "}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:1:1: error[V202]: missing required field \"target_close\" (at /target_close)\n"
              "  hint: target_close is the signature date every milestone works back from\n"
              "plan.json:5:5: error[V202]: missing required field \"side\" (at /stakeholders/0/side)\n"
              "  hint: side must be buyer or seller: a stakeholder works for one of the two companies");
}

TEST(validate_codes, v202_resource_needs_url_or_path) {
    auto v =
        validate_text(plan_with("resources:\n"
                                "  - title: ROI model\n"
                                "    kind: roi\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:6:5: error[V202]: missing required field \"url\" (at /resources/0/url)\n"
              "  hint: give the resource a `url:` (https, http or mailto) or a `path:` to a local file");
}

TEST(validate_codes, v202_done_milestone_needs_no_due) {
    auto v = validate_text(
        plan_with("milestones:\n"
                  "  - {id: nda, title: NDA signed, owner: both, status: done, completed: 2026-04-20}\n"));
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    EXPECT_FALSE(v.plan->milestones.at(0).due);
}

// ---- V203 enums ------------------------------------------------------------------------

TEST(validate_codes, v203_unknown_enum_values_with_suggestions) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - id: dana\n"
                                "    name: Dana Ruiz\n"
                                "    side: Customer\n"
                                "    role: Economic Buyer\n"
                                "  - id: sam\n"
                                "    name: Sam Patel\n"
                                "    side: both\n"
                                "milestones:\n"
                                "  - id: a\n"
                                "    title: A\n"
                                "    owner: Vendor\n"
                                "    due: 2026-06-01\n"
                                "    status: Completed\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:8:11: error[V203]: unknown side \"Customer\" (at /stakeholders/0/side)\n"
              "  hint: did you mean `buyer`?\n"
              "  hint: side must be buyer or seller: a stakeholder works for one of the two companies\n"
              "plan.yaml:9:11: error[V203]: unknown role \"Economic Buyer\" (at /stakeholders/0/role)\n"
              "  hint: did you mean `economic_buyer`?\n"
              "  hint: role must be one of economic_buyer, champion, decision_maker, technical_evaluator, "
              "security, legal, procurement, executive_sponsor, end_user, account_executive, solutions_engineer, "
              "customer_success, sales_leader or other\n"
              "plan.yaml:12:11: error[V203]: unknown side \"both\" (at /stakeholders/1/side)\n"
              "  hint: side must be buyer or seller: a stakeholder works for one of the two companies\n"
              "plan.yaml:16:12: error[V203]: unknown owner \"Vendor\" (at /milestones/0/owner)\n"
              "  hint: did you mean `seller`?\n"
              "  hint: owner must be buyer, seller or both\n"
              "plan.yaml:18:13: error[V203]: unknown status \"Completed\" (at /milestones/0/status)\n"
              "  hint: did you mean `done`?\n"
              "  hint: status must be one of not_started, scheduled, in_progress, done or blocked");
}

TEST(validate_codes, v203_json_misspelt_severity_and_kind) {
    auto v = validate_text(
        "{\n"
        "  \"closeplan\": 1,\n"
        "  \"deal\": {\"name\": \"X\"},\n"
        "  \"target_close\": \"2026-06-30\",\n"
        "  \"risks\": [{\"title\": \"Queue\", \"severity\": \"hihg\"}],\n"
        "  \"resources\": [{\"title\": \"SOC 2\", \"kind\": \"Security\", \"url\": \"https://a.example\"}]\n"
        "}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:5:44: error[V203]: unknown severity \"hihg\" (at /risks/0/severity)\n"
              "  hint: did you mean `high`?\n"
              "  hint: severity must be high, medium or low\n"
              "plan.json:6:44: error[V203]: unknown kind \"Security\" (at /resources/0/kind)\n"
              "  hint: did you mean `security`?\n"
              "  hint: kind must be one of roi, security, case_study, legal, proposal, implementation, reference "
              "or other");
}

// ---- V204 dates ------------------------------------------------------------------------

TEST(validate_codes, v204_malformed_and_impossible_dates) {
    auto v =
        validate_text(plan_with("milestones:\n"
                                "  - id: a\n"
                                "    title: A\n"
                                "    owner: buyer\n"
                                "    due: 2026-02-30\n"
                                "  - id: b\n"
                                "    title: B\n"
                                "    owner: buyer\n"
                                "    due: 6/30/2026\n"
                                "    baseline: 2026-6-3\n"
                                "  - id: c\n"
                                "    title: C\n"
                                "    owner: buyer\n"
                                "    due: 2026-13-01\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:10: error[V204]: date \"2026-02-30\" does not exist (at /milestones/0/due)\n"
              "  hint: February 2026 has 28 days\n"
              "plan.yaml:13:10: error[V204]: \"due\" must be a date like 2026-06-30, found \"6/30/2026\" "
              "(at /milestones/1/due)\n"
              "  hint: write dates as YYYY-MM-DD\n"
              "  hint: did you mean `2026-06-30`?\n"
              "plan.yaml:14:15: error[V204]: \"baseline\" must be a date like 2026-06-30, found \"2026-6-3\" "
              "(at /milestones/1/baseline)\n"
              "  hint: write dates as YYYY-MM-DD\n"
              "  hint: did you mean `2026-06-03`?\n"
              "plan.yaml:18:10: error[V204]: date \"2026-13-01\" does not exist (at /milestones/2/due)\n"
              "  hint: months run from 01 to 12");
}

TEST(validate_codes, v204_json_european_and_ambiguous_dates) {
    auto v = validate_text(
        "{\n"
        "  \"closeplan\": 1,\n"
        "  \"deal\": {\"name\": \"X\"},\n"
        "  \"target_close\": \"30.06.2026\",\n"
        "  \"as_of\": \"5/6/2026\"\n"
        "}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:4:19: error[V204]: \"target_close\" must be a date like 2026-06-30, found \"30.06.2026\" "
              "(at /target_close)\n"
              "  hint: write dates as YYYY-MM-DD\n"
              "  hint: did you mean `2026-06-30`?\n"
              "plan.json:5:12: error[V204]: \"as_of\" must be a date like 2026-06-30, found \"5/6/2026\" "
              "(at /as_of)\n"
              "  hint: write dates as YYYY-MM-DD");
}

// ---- V205 duplicate ids ----------------------------------------------------------------

TEST(validate_codes, v205_duplicate_ids_point_at_the_second) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - id: dana\n"
                                "    name: Dana Ruiz\n"
                                "    side: buyer\n"
                                "  - id: dana\n"
                                "    name: Dana R.\n"
                                "    side: buyer\n"
                                "resources:\n"
                                "  - {id: roi, title: ROI, url: \"https://a.example/1\"}\n"
                                "  - {id: roi, title: ROI 2, url: \"https://a.example/2\"}\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:9: error[V205]: duplicate stakeholder id \"dana\" (at /stakeholders/1/id)\n"
              "  hint: the first stakeholder with this id is on line 6; ids must be unique\n"
              "plan.yaml:14:10: error[V205]: duplicate resource id \"roi\" (at /resources/1/id)\n"
              "  hint: the first resource with this id is on line 13; ids must be unique");
}

// ---- V206 links, V212 emails -----------------------------------------------------------

TEST(validate_codes, v206_link_schemes_yaml) {
    auto v =
        validate_text(plan_with("resources:\n"
                                "  - title: A\n"
                                "    url: JaVaScRiPt:alert(1)\n"
                                "  - title: B\n"
                                "    url: \" https://acme.example\"\n"
                                "  - title: C\n"
                                "    url: roi.html\n"
                                "  - title: D\n"
                                "    url: https:/acme.example\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:7:10: error[V206]: link scheme \"JaVaScRiPt\" is not allowed (at /resources/0/url)\n"
              "  hint: links must start with https://, http:// or mailto:\n"
              "plan.yaml:9:10: error[V206]: link \" https://acme.example\" contains spaces or control characters "
              "(at /resources/1/url)\n"
              "  hint: remove them; write a space inside a link as %20\n"
              "plan.yaml:11:10: error[V206]: link \"roi.html\" is not a full address (at /resources/2/url)\n"
              "  hint: write a full https:// link, or use `path:` for a local file\n"
              "plan.yaml:13:10: error[V206]: link \"https:/acme.example\" has no host (at /resources/3/url)\n"
              "  hint: write it as https://host/path");
    EXPECT_FALSE(v.plan);
}

TEST(validate_codes, v206_link_scheme_json) {
    auto v = validate_text(
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\"}, \"target_close\": \"2026-06-30\",\n"
        " \"resources\": [{\"title\": \"A\", \"url\": \"data:text/html,<script>alert(1)</script>\"}]}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:2:38: error[V206]: link scheme \"data\" is not allowed (at /resources/0/url)\n"
              "  hint: links must start with https://, http:// or mailto:");
}

TEST(validate_codes, v212_implausible_email_is_a_warning) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - id: dana\n"
                                "    name: Dana\n"
                                "    side: buyer\n"
                                "    email: dana at northwind\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:12: warning[V212]: email \"dana at northwind\" does not look like an address "
              "(at /stakeholders/0/email)\n"
              "  hint: write it as name@example.com");
    ASSERT_TRUE(v.plan);
    EXPECT_EQ(v.plan->stakeholders.at(0).email, "dana at northwind");
}

// ---- V208 unknown keys -----------------------------------------------------------------

TEST(validate_codes, v208_unknown_keys_warn_with_suggestion) {
    auto v =
        validate_text(plan_with("milestones:\n"
                                "  - id: a\n"
                                "    title: A\n"
                                "    owner: buyer\n"
                                "    deu: 2026-06-01\n"
                                "    x-crm-id: 006XYZ\n"
                                "Milestones: []\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:6:5: error[V202]: missing required field \"due\" (at /milestones/0/due)\n"
              "  hint: due is required unless status is done\n"
              "  hint: `deu` looks like a misspelling of `due`\n"
              "plan.yaml:9:5: warning[V208]: unknown field \"deu\" (at /milestones/0/deu)\n"
              "  hint: did you mean `due`?\n"
              "plan.yaml:11:1: warning[V208]: unknown field \"Milestones\" (at /Milestones)\n"
              "  hint: did you mean `milestones`?");
}

TEST(validate_codes, v208_unknown_key_alone_is_only_a_warning_json) {
    auto v = validate_text(
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\", \"colour\": \"red\"}, \"target_close\": \"2026-06-30\"}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:1:40: warning[V208]: unknown field \"colour\" (at /deal/colour)\n"
              "  hint: known fields here: id, name, buyer, seller, amount, currency or stage");
    EXPECT_TRUE(v.plan);
}

// ---- V209 types ------------------------------------------------------------------------

TEST(validate_codes, v209_wrong_types) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  id: dana\n"
                                "milestones:\n"
                                "  - id: a\n"
                                "    title: [A, B]\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    depends_on: b\n"
                                "  - just text\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:6:3: error[V209]: \"stakeholders\" must be a list, found a mapping (at /stakeholders)\n"
              "  hint: start each item on its own line with `- `\n"
              "plan.yaml:9:12: error[V209]: \"title\" must be text, found a list (at /milestones/0/title)\n"
              "plan.yaml:12:17: error[V209]: \"depends_on\" must be a list, found text (at /milestones/0/depends_on)\n"
              "  hint: write it as a list: [b]\n"
              "plan.yaml:13:5: error[V209]: each milestone must be a mapping, found text (at /milestones/1)\n"
              "  hint: write the milestone's fields under `- ` as `key: value` lines");
}

TEST(validate_codes, v209_party_and_signatory_shapes_json) {
    auto v = validate_text(
        "{\"closeplan\": 1, \"target_close\": \"2026-06-30\",\n"
        " \"deal\": {\"name\": \"X\", \"buyer\": [\"Northwind\"]},\n"
        " \"sign_off\": {\"seller\": [\"chris\"]}}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:2:33: error[V209]: \"buyer\" must be a name or a mapping with name and logo, found a list "
              "(at /deal/buyer)\n"
              "  hint: write `buyer: Northwind Health` or `buyer: { name: Northwind Health, logo: "
              "logos/northwind.png }`\n"
              "plan.json:3:25: error[V209]: \"seller\" must be a stakeholder id or a mapping with name, title and "
              "date, found a list (at /sign_off/seller)\n"
              "  hint: write `seller: dana` or `seller: { name: Dana Ruiz, title: CFO }`");
}

// ---- V210 formatted values -------------------------------------------------------------

TEST(validate_codes, v210_amount_currency_locale) {
    auto v = validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: X\n"
        "  amount: $240k\n"
        "  currency: usd\n"
        "target_close: 2026-06-30\n"
        "locale: en_US\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:4:11: error[V210]: amount \"$240k\" is not a plain number (at /deal/amount)\n"
              "  hint: write digits with an optional decimal point, e.g. 240000 or 240000.50, and the currency in "
              "`currency:`\n"
              "plan.yaml:5:13: error[V210]: currency \"usd\" is not a three-letter code (at /deal/currency)\n"
              "  hint: did you mean `USD`?\n"
              "  hint: write a three-letter ISO 4217 code such as USD, EUR or GBP\n"
              "plan.yaml:7:9: error[V210]: locale \"en_US\" is not a language tag (at /locale)\n"
              "  hint: did you mean `en-US`?\n"
              "  hint: write a language tag such as en-US, en-GB, de or pt-BR");
}

TEST(validate_codes, v210_amount_forms) {
    for (const char* bad : {"1e5", "240,000", "-5", ".5", "5.", "240000.5.0", "\"240 000\"", "0x10"}) {
        auto v = validate_text("closeplan: 1\ndeal:\n  name: X\n  amount: " + std::string(bad) +
                               "\ntarget_close: 2026-06-30\n");
        ASSERT_EQ(v.diags.all().size(), 1u) << bad;
        EXPECT_EQ(v.diags.all()[0].code, "V210") << bad;
    }
    for (const char* good : {"240000", "240000.50", "0", "007"}) {
        auto v = validate_text("closeplan: 1\ndeal:\n  name: X\n  amount: " + std::string(good) +
                               "\ntarget_close: 2026-06-30\n");
        EXPECT_EQ(v.report(), "") << good;
        ASSERT_TRUE(v.plan) << good;
        EXPECT_EQ(v.plan->deal.amount, good);
    }
}

TEST(validate_codes, amount_stays_exact_text_yaml_and_json) {
    auto yaml = validate_text(
        "closeplan: 1\ndeal:\n  name: X\n  amount: 240000.50\n  currency: USD\n"
        "target_close: 2026-06-30\n");
    ASSERT_TRUE(yaml.plan) << yaml.report();
    EXPECT_EQ(yaml.plan->deal.amount, "240000.50");
    EXPECT_EQ(yaml.plan->deal.currency, "USD");
    auto json = validate_text(
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\", \"amount\": 240000.50}, \"target_close\": \"2026-06-30\"}",
        "plan.json");
    ASSERT_TRUE(json.plan) << json.report();
    EXPECT_EQ(json.plan->deal.amount, "240000.50");
    auto big = validate_text(
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\", \"amount\": \"12345678901234567890.01\"}, "
        "\"target_close\": \"2026-06-30\"}",
        "plan.json");
    ASSERT_TRUE(big.plan) << big.report();
    EXPECT_EQ(big.plan->deal.amount, "12345678901234567890.01");
}

// ---- V211 date order (warnings) --------------------------------------------------------

TEST(validate_codes, v211_date_order_warnings) {
    auto v = validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: X\n"
        "as_of: 2026-07-10\n"
        "target_close: 2026-06-30\n"
        "go_live: 2026-06-01\n"
        "milestones:\n"
        "  - id: a\n"
        "    title: A\n"
        "    owner: buyer\n"
        "    due: 2026-07-15\n"
        "    status: in_progress\n"
        "    completed: 2026-06-01\n"
        "  - id: k\n"
        "    title: Kickoff\n"
        "    owner: both\n"
        "    workstream: kickoff\n"
        "    due: 2026-07-20\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:5:15: warning[V211]: target_close 2026-06-30 is before as_of 2026-07-10 (at /target_close)\n"
              "  hint: the signature date has passed: move target_close if the deal is still open\n"
              "plan.yaml:6:10: warning[V211]: go_live 2026-06-01 is before target_close 2026-06-30 (at /go_live)\n"
              "  hint: go-live follows the signature: check both dates\n"
              "plan.yaml:11:10: warning[V211]: due 2026-07-15 is after target_close 2026-06-30 "
              "(at /milestones/0/due)\n"
              "  hint: milestones lead up to the signature: move this one earlier or target_close later\n"
              "plan.yaml:13:16: warning[V211]: completed date on a milestone whose status is in_progress "
              "(at /milestones/0/completed)\n"
              "  hint: set `status: done`, or remove `completed`");
    EXPECT_TRUE(v.plan);
}

TEST(validate_codes, target_close_baseline_is_read_and_checked_like_a_date) {
    auto moved = validate_text(plan_with("target_close_baseline: 2026-06-23\n"));
    EXPECT_EQ(moved.report(), "");
    ASSERT_TRUE(moved.plan);
    EXPECT_EQ(moved.plan->target_close_baseline, model::parse_iso_date("2026-06-23"));

    auto same = validate_text(plan_with("target_close_baseline: 2026-06-30\n"));
    EXPECT_EQ(same.report(),
              "plan.yaml:5:24: warning[V211]: target_close_baseline 2026-06-30 is the same as target_close: the close "
              "never moved (at /target_close_baseline)\n"
              "  hint: keep the first agreed date in target_close_baseline and the new one in target_close, or remove "
              "target_close_baseline");

    auto bad = validate_text(plan_with("target_close_baseline: 2026-02-30\n"));
    EXPECT_NE(bad.report().find("plan.yaml:5:24: error[V204]: date \"2026-02-30\" does not exist (at /target_close_baseline)"),
              std::string::npos)
        << bad.report();
    EXPECT_FALSE(bad.plan);
}

// ---- R301 unknown references -----------------------------------------------------------

TEST(validate_codes, r301_unknown_ids_with_known_list) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - {id: dana, name: Dana, side: buyer}\n"
                                "  - {id: lee, name: Lee, side: buyer}\n"
                                "  - {id: sam, name: Sam, side: seller}\n"
                                "  - {id: ana, name: Ana, side: buyer}\n"
                                "  - {id: bo, name: Bo, side: buyer}\n"
                                "  - {id: cy, name: Cy, side: seller}\n"
                                "  - {id: di, name: Di, side: seller}\n"
                                "milestones:\n"
                                "  - id: a\n"
                                "    title: A\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    assignee: dnaa\n"
                                "    depends_on: [b, zzz]\n"
                                "  - id: b\n"
                                "    title: B\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "resources:\n"
                                "  - title: ROI\n"
                                "    url: https://acme.example/roi\n"
                                "    for: [dana, jdoe]\n"
                                "risks:\n"
                                "  - title: Queue\n"
                                "    milestone: c\n"
                                "sign_off:\n"
                                "  buyer: nobody\n"));
    const std::string known = "  hint: known stakeholders are: dana, lee, sam, ana, bo and 2 more";
    EXPECT_EQ(v.report(),
              "plan.yaml:18:15: error[R301]: assignee \"dnaa\" is not a known stakeholder (at /milestones/0/assignee)\n"
              "  hint: did you mean `dana`?\n" +
                  known +
                  "\n"
                  "plan.yaml:19:21: error[R301]: depends_on \"zzz\" is not a known milestone "
                  "(at /milestones/0/depends_on/1)\n"
                  "  hint: known milestones are: a, b\n"
                  "plan.yaml:27:17: error[R301]: for \"jdoe\" is not a known stakeholder (at /resources/0/for/1)\n" +
                  known +
                  "\n"
                  "plan.yaml:30:16: error[R301]: milestone \"c\" is not a known milestone (at /risks/0/milestone)\n"
                  "  hint: known milestones are: a, b\n"
                  "plan.yaml:32:10: error[R301]: sign_off buyer \"nobody\" is not a known stakeholder "
                  "(at /sign_off/buyer)\n" +
                  known);
}

TEST(validate_codes, r301_json_without_stakeholders) {
    auto v = validate_text(
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\"}, \"target_close\": \"2026-06-30\",\n"
        " \"risks\": [{\"title\": \"Queue\", \"assignee\": \"lee\"}]}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:2:43: error[R301]: assignee \"lee\" is not a known stakeholder (at /risks/0/assignee)\n"
              "  hint: the plan lists no stakeholders; add them under `stakeholders:`");
}

// ---- R302 dependency cycles ------------------------------------------------------------

TEST(validate_codes, r302_cycles_each_once_and_self_dependency) {
    auto v =
        validate_text(plan_with("milestones:\n"
                                "  - id: a\n"
                                "    title: A\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    depends_on: [c]\n"
                                "  - id: b\n"
                                "    title: B\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    depends_on: [a]\n"
                                "  - id: c\n"
                                "    title: C\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    depends_on: [b, a]\n"
                                "  - id: d\n"
                                "    title: D\n"
                                "    owner: buyer\n"
                                "    due: 2026-06-01\n"
                                "    depends_on: [d]\n"));
    const std::string hint = "  hint: each arrow reads \"depends on\"; remove one of these depends_on entries";
    EXPECT_EQ(v.report(),
              "plan.yaml:10:18: error[R302]: dependency cycle: a → c → b → a (at /milestones/0/depends_on/0)\n" + hint +
                  "\n"
                  "plan.yaml:10:18: error[R302]: dependency cycle: a → c → a (at /milestones/0/depends_on/0)\n" +
                  hint +
                  "\n"
                  "plan.yaml:25:18: error[R302]: milestone \"d\" depends on itself (at /milestones/3/depends_on/0)\n"
                  "  hint: remove `d` from its depends_on");
}

TEST(validate_codes, r302_long_chain_does_not_exhaust_the_stack) {
    std::string text = plan_with("milestones:\n");
    const int count = 3000;
    for (int i = 0; i < count; ++i) {
        text += "  - {id: m" + std::to_string(i) + ", title: M, owner: buyer, due: 2026-06-01";
        text += ", depends_on: [m" + std::to_string((i + 1) % count) + "]}\n";
    }
    auto v = validate_text(text);
    ASSERT_EQ(v.diags.all().size(), 1u);
    EXPECT_EQ(v.diags.all()[0].code, "R302");
    EXPECT_EQ(v.diags.all()[0].where.pointer, "/milestones/0/depends_on/0");
}

// ---- R303 sign-off sides, R304 value map ids -------------------------------------------

TEST(validate_codes, r303_signatory_on_the_wrong_side) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - {id: dana, name: Dana Ruiz, title: CFO, side: buyer}\n"
                                "  - {id: chris, name: Chris Park, title: AE, side: seller}\n"
                                "sign_off:\n"
                                "  buyer: chris\n"
                                "  seller: dana\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:9:10: error[R303]: sign_off buyer \"chris\" is a seller-side stakeholder "
              "(at /sign_off/buyer)\n"
              "  hint: the buyer's signatory must be a stakeholder with `side: buyer`\n"
              "plan.yaml:10:11: error[R303]: sign_off seller \"dana\" is a buyer-side stakeholder "
              "(at /sign_off/seller)\n"
              "  hint: the seller's signatory must be a stakeholder with `side: seller`");
}

TEST(validate_codes, sign_off_by_id_copies_name_and_title) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - {id: dana, name: Dana Ruiz, title: CFO, side: buyer}\n"
                                "sign_off:\n"
                                "  buyer: dana\n"
                                "  seller: {name: Chris Park, title: Account Executive, date: 2026-06-29}\n"));
    ASSERT_TRUE(v.plan) << v.report();
    ASSERT_TRUE(v.plan->signatures.buyer);
    EXPECT_EQ(v.plan->signatures.buyer->stakeholder_id, "dana");
    EXPECT_EQ(v.plan->signatures.buyer->name, "Dana Ruiz");
    EXPECT_EQ(v.plan->signatures.buyer->title, "CFO");
    ASSERT_TRUE(v.plan->signatures.seller);
    EXPECT_EQ(v.plan->signatures.seller->name, "Chris Park");
    EXPECT_EQ(v.plan->signatures.seller->signed_on,
              (model::date{std::chrono::year{2026}, std::chrono::June, std::chrono::day{29}}));
}

TEST(validate_codes, r304_inline_value_map_id_is_only_a_warning) {
    auto v =
        validate_text(plan_with("stakeholders:\n"
                                "  - {id: dana, name: Dana, side: buyer}\n"
                                "value_map:\n"
                                "  - match: { id: [dana, dnaa] }\n"
                                "    cares_about: [Cost]\n"));
    EXPECT_EQ(v.report(),
              "plan.yaml:8:25: warning[R304]: value map matches id \"dnaa\", which is not a stakeholder of this plan "
              "(at /value_map/0/match/id/1)\n"
              "  hint: did you mean `dana`?\n"
              "  hint: known stakeholders are: dana");
    ASSERT_TRUE(v.plan);
    ASSERT_EQ(v.plan->value_map.size(), 1u);
    EXPECT_EQ(v.plan->value_map[0].match_ids, (std::vector<std::string>{"dana", "dnaa"}));
}

TEST(validate_codes, json_input_codes_v205_v210_v211_v212_r302_r303_r304) {
    auto v = validate_text(
        "{\n"
        "  \"closeplan\": 1,\n"
        "  \"deal\": {\"name\": \"X\", \"amount\": \"1e5\", \"currency\": \"EUR\"},\n"
        "  \"as_of\": \"2026-07-01\",\n"
        "  \"target_close\": \"2026-06-30\",\n"
        "  \"stakeholders\": [\n"
        "    {\"id\": \"dana\", \"name\": \"Dana\", \"side\": \"buyer\", \"email\": \"dana@\"},\n"
        "    {\"id\": \"dana\", \"name\": \"Dana 2\", \"side\": \"seller\"}\n"
        "  ],\n"
        "  \"milestones\": [\n"
        "    {\"id\": \"a\", \"title\": \"A\", \"owner\": \"buyer\", \"due\": \"2026-06-01\", \"depends_on\": [\"b\"]},\n"
        "    {\"id\": \"b\", \"title\": \"B\", \"owner\": \"buyer\", \"due\": \"2026-06-01\", \"depends_on\": [\"a\"]}\n"
        "  ],\n"
        "  \"sign_off\": {\"seller\": \"dana\"},\n"
        "  \"value_map\": [{\"match\": {\"id\": \"nobody\"}}]\n"
        "}\n",
        "plan.json");
    EXPECT_EQ(v.report(),
              "plan.json:3:35: error[V210]: amount \"1e5\" is not a plain number (at /deal/amount)\n"
              "  hint: write digits with an optional decimal point, e.g. 240000 or 240000.50, and the currency in "
              "`currency:`\n"
              "plan.json:5:19: warning[V211]: target_close 2026-06-30 is before as_of 2026-07-01 (at /target_close)\n"
              "  hint: the signature date has passed: move target_close if the deal is still open\n"
              "plan.json:7:62: warning[V212]: email \"dana@\" does not look like an address "
              "(at /stakeholders/0/email)\n"
              "  hint: write it as name@example.com\n"
              "plan.json:8:12: error[V205]: duplicate stakeholder id \"dana\" (at /stakeholders/1/id)\n"
              "  hint: the first stakeholder with this id is on line 7; ids must be unique\n"
              "plan.json:11:85: error[R302]: dependency cycle: a → b → a (at /milestones/0/depends_on/0)\n"
              "  hint: each arrow reads \"depends on\"; remove one of these depends_on entries\n"
              "plan.json:14:26: error[R303]: sign_off seller \"dana\" is a buyer-side stakeholder "
              "(at /sign_off/seller)\n"
              "  hint: the seller's signatory must be a stakeholder with `side: seller`\n"
              "plan.json:15:34: warning[R304]: value map matches id \"nobody\", which is not a stakeholder of this "
              "plan (at /value_map/0/match/id)\n"
              "  hint: known stakeholders are: dana");
}

// ---- other shapes ----------------------------------------------------------------------

TEST(validate_codes, not_a_mapping_at_the_top) {
    auto v = validate_text("- closeplan: 1\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:1:1: error[V209]: a plan file must be a mapping of fields, found a list\n"
              "  hint: start the file with `closeplan: 1` and the plan's fields below it");
}

TEST(validate_codes, buyer_as_plain_string_and_text_trimmed) {
    auto v = validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: \"  Claims analytics  \"\n"
        "  buyer: Northwind Health\n"
        "  id: 7\n"
        "target_close: 2026-06-30\n"
        "outcome: |\n"
        "  Cut time by 30%.\n"
        "success_criteria: [yes, 010]\n");
    ASSERT_TRUE(v.plan) << v.report();
    EXPECT_EQ(v.plan->deal.name, "Claims analytics");
    EXPECT_EQ(v.plan->deal.buyer.name, "Northwind Health");
    EXPECT_EQ(v.plan->deal.id, "7");
    EXPECT_EQ(v.plan->outcome, "Cut time by 30%.");
    EXPECT_EQ(v.plan->success_criteria, (std::vector<std::string>{"yes", "010"}));
}

}  // namespace
}  // namespace closeplan
