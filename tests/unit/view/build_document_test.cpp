// SPDX-License-Identifier: MIT
// build_document: sections in order, milestone cells and badges, value map, sign-off, locale formatting.
#include <gtest/gtest.h>

#include <regex>
#include <tuple>

#include "analyze/analysis.hpp"
#include "view/build_parts.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using model::side;
using model::status;
using test::day;
using test::plain;
using test::plan_builder;

/// The kitchen-sink plan of these tests, as of 2026-05-12.
plan_builder sample_plan() {
    plan_builder b;
    b.p.deal.amount = "240000";
    b.p.deal.currency = "USD";
    b.p.deal.stage = "Proposal";
    b.p.go_live = day("2026-08-15");
    b.p.outcome = "Cut claims-processing time by **30%** before open enrolment.";
    b.p.success_criteria = {"Claims backlog under 2 days", "Audit passes"};
    b.p.decision_criteria = {"Passes HIPAA security review"};
    auto& dana = b.stakeholder("dana", "Dana Ruiz", "CFO", side::buyer, model::role::economic_buyer);
    dana.influence = model::level::high;
    dana.email = "dana@northwind.example";
    dana.cares_about = {"Payback period"};
    b.stakeholder("lee", "Lee Chen", "VP of IT", side::buyer, model::role::technical_evaluator);
    b.stakeholder("sam", "Sam Ode", "Solutions Engineer", side::seller, model::role::solutions_engineer);
    b.stakeholder("pat", "Pat Doe", "Procurement lead", side::buyer, model::role::procurement);

    auto& done = b.milestone("nda", side::both, "2026-05-01", status::done);
    done.title = "Mutual NDA signed";
    done.completed = day("2026-04-30");
    auto& overdue = b.milestone("sec-docs", side::seller, "2026-05-09", status::in_progress);
    overdue.title = "Security documentation sent";
    overdue.assignee = "sam";
    overdue.workstream = "security";
    auto& slipped = b.milestone("sec-review", side::buyer, "2026-05-28", status::scheduled);
    slipped.title = "IT security review";
    slipped.baseline = day("2026-05-21");
    slipped.assignee = "lee";
    slipped.workstream = "security";
    slipped.gate = "Security architecture board";
    slipped.notes = "Questionnaire *first*; see [portal](javascript:alert(1)).";
    auto& stalled = b.milestone("bc", side::buyer, "2026-05-02", status::blocked);
    stalled.title = "Business case approved";
    stalled.workstream = "business_case";
    auto& pulled = b.milestone("legal", side::both, "2026-06-10");
    pulled.title = "Contract redlines";
    pulled.baseline = day("2026-06-15");
    pulled.workstream = "legal";

    b.resource("roi", "ROI model", model::resource_kind::roi, "https://acme.example/roi").for_ids = {"dana"};
    auto& local = b.resource("soc2", "SOC 2 report", model::resource_kind::security);
    local.path = "docs/soc2-type2.pdf";

    auto& entry = b.entry();
    entry.match_title_words = {"IT"};
    entry.cares_about = {"Integration", "Security"};
    entry.proof = {"security", "case_study"};
    entry.milestones = {"security"};

    model::risk r;
    r.title = "Security review queue is six weeks";
    r.severity_level = model::level::high;
    r.owner = side::buyer;
    r.assignee = "lee";
    r.mitigation = "Front-load the **questionnaire** in week 1.";
    r.milestone_id = "sec-review";
    r.where = source_location{"plan.yaml", 60, 5, "/risks/0"};
    b.p.risks.push_back(r);

    b.p.signatures.buyer = model::signatory{"dana", "Dana Ruiz", "CFO", day("2026-06-29")};
    b.p.signatures.seller = model::signatory{"", "Chris Park", "Account Executive", std::nullopt};
    return b;
}

struct built {
    view::document doc;
    diagnostic_sink diags;
};

built build(const model::plan& p, const std::string& lang, model::date as_of = day("2026-05-12")) {
    built out;
    const auto facts = analyze::analyze_plan(p, as_of);
    out.doc = view::build_document(p, facts, test::load_labels(lang), out.diags);
    return out;
}

const view::section& section_of(const view::document& doc, std::string_view key) {
    const auto* s = doc.find_section(key);
    if (!s) throw std::runtime_error("missing section " + std::string(key));
    return *s;
}

template <typename T>
const T& first_block(const view::section& s) {
    for (const auto& b : s.content)
        if (const auto* v = std::get_if<T>(&b.value)) return *v;
    throw std::runtime_error("section " + s.key + " has no block of that kind");
}

std::vector<view::badge> badges_of(const view::inlines& cell) {
    std::vector<view::badge> out;
    for (const auto& node : cell)
        if (const auto* b = std::get_if<view::badge>(&node.value)) out.push_back(*b);
    return out;
}

TEST(BuildDocument, EverySectionInDefaultOrderWithTitleAndFacts) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    std::vector<std::string> keys;
    for (const auto& s : doc.sections) keys.push_back(s.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"summary", "milestones", "value_map", "stakeholders", "resources",
                                              "risks", "open_items", "signoff"}));
    EXPECT_EQ(doc.lang, "en-US");
    EXPECT_EQ(doc.title, "Mutual action plan: Claims analytics platform");
    EXPECT_EQ(doc.buyer.name, "Northwind Health");
    EXPECT_EQ(doc.generator, "closeplan");
    EXPECT_EQ(section_of(doc, "milestones").title, "Milestones");
    std::string facts;
    for (const auto& f : doc.title_facts.facts) facts += f.key + "=" + f.label + ":" + plain(f.value) + ";";
    EXPECT_EQ(facts,
              "target_close=Target close:Jun\u00a030,\u00a02026;as_of=As of:May\u00a012,\u00a02026;amount=Amount:USD\u00a0240,000;"
              "stage=Stage:Proposal;days_to_close=Days to close:49 days;go_live=Go-live:Aug\u00a015,\u00a02026;");
}

TEST(BuildDocument, MilestoneRowsShowDoneOverdueSlippedAndPulledIn) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    const auto& table = first_block<view::data_table>(section_of(doc, "milestones"));
    ASSERT_EQ(table.columns.size(), 5u);
    EXPECT_EQ(table.columns[0].label, "#");
    EXPECT_EQ(table.columns[3].key, "due");
    ASSERT_EQ(table.rows.size(), 5u);

    const auto& done = table.rows[0];
    EXPECT_EQ(done.row_class, "done");
    EXPECT_EQ(plain(done.cells[0]), "1");
    EXPECT_EQ(plain(done.cells[2]), "[Joint]");
    EXPECT_EQ(badges_of(done.cells[2])[0].color, view::tone::both);
    ASSERT_EQ(badges_of(done.cells[4]).size(), 1u);
    EXPECT_EQ(badges_of(done.cells[4])[0].label, "Done");
    EXPECT_EQ(badges_of(done.cells[4])[0].color, view::tone::ok);

    const auto& overdue = table.rows[1];
    EXPECT_EQ(overdue.row_class, "overdue");
    EXPECT_EQ(plain(overdue.cells[2]), "[Seller] Sam Ode");
    EXPECT_EQ(plain(overdue.cells[4]), "[In progress] [overdue 3 d]");
    EXPECT_EQ(badges_of(overdue.cells[4])[0].color, view::tone::info);
    EXPECT_EQ(badges_of(overdue.cells[4])[1].color, view::tone::warn);

    const auto& slipped = table.rows[2];
    EXPECT_EQ(slipped.row_class, "slipped");
    EXPECT_EQ(plain(slipped.cells[3]), "~May\u00a021,\u00a02026~ May\u00a028,\u00a02026 [slipped +7 d]");
    ASSERT_TRUE(std::holds_alternative<view::strikethrough>(slipped.cells[3][0].value));
    EXPECT_EQ(plain(slipped.cells[1]),
              "IT security review\\\nGate: Security architecture board\\\nQuestionnaire first; see portal.");
    EXPECT_EQ(plain(slipped.cells[4]), "[Scheduled]");

    const auto& stalled = table.rows[3];
    EXPECT_EQ(stalled.row_class, "overdue");
    EXPECT_EQ(plain(stalled.cells[4]), "[Blocked] [overdue 10 d]");
    EXPECT_EQ(badges_of(stalled.cells[4])[0].color, view::tone::bad);
    EXPECT_EQ(badges_of(stalled.cells[4])[1].color, view::tone::bad);

    const auto& pulled = table.rows[4];
    EXPECT_EQ(pulled.row_class, "");
    EXPECT_EQ(plain(pulled.cells[3]), "~Jun\u00a015,\u00a02026~ Jun\u00a010,\u00a02026 [pulled in 5 d]");
}

TEST(BuildDocument, UnsafeLinkInMilestoneNotesWarnsAtTheField) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "V250");
    EXPECT_EQ(diags.all()[0].where.pointer, "/milestones/2/notes");
    EXPECT_EQ(diags.all()[0].where.file, "plan.yaml");
}

TEST(BuildDocument, ProgressFactsAndWorkstreams) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    const auto text = plain(section_of(doc, "milestones").content);
    EXPECT_NE(text.find("Progress: 1 of 5 done (20%)\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Buyer steps: 0 of 2 done (0%)\n"), std::string::npos);
    EXPECT_NE(text.find("Seller steps: 0 of 1 done (0%)\n"), std::string::npos);
    EXPECT_NE(text.find("Joint steps: 1 of 2 done (50%)\n"), std::string::npos);
    EXPECT_NE(text.find("Overdue: 2\n"), std::string::npos);
    EXPECT_NE(text.find("Slipped: 1 (+7 d in total)\n"), std::string::npos);
    EXPECT_NE(text.find("# Progress by workstream\nOther: 1/1\nSecurity: 0/2\nBusiness case: 0/1\nLegal: 0/1\n"),
              std::string::npos)
        << text;
}

TEST(BuildDocument, ValueMapRowsProofLinksAndCoverage) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    const auto& s = section_of(doc, "value_map");
    const auto& table = first_block<view::data_table>(s);
    ASSERT_EQ(table.rows.size(), 3u);  // the seller's engineer has nothing mapped
    EXPECT_EQ(plain(table.rows[0].cells[0]), "Dana Ruiz\\\nCFO");
    EXPECT_EQ(plain(table.rows[0].cells[2]), "ROI model<https://acme.example/roi>");
    EXPECT_EQ(table.rows[0].row_class, "covered");
    EXPECT_EQ(plain(table.rows[2].cells[0]), "Pat Doe\\\nProcurement lead");
    EXPECT_EQ(table.rows[2].row_class, "gap");
    EXPECT_EQ(plain(table.rows[1].cells[1]), "Integration, Security");
    EXPECT_EQ(plain(table.rows[1].cells[2]), "SOC 2 report, Case study (not provided yet)");
    EXPECT_EQ(plain(table.rows[1].cells[3]), "#2 Security documentation sent, #3 IT security review");
    EXPECT_EQ(table.rows[1].row_class, "covered");
    EXPECT_NE(plain(s.content).find("2 of 3 stakeholders have proof mapped"), std::string::npos);
}

TEST(BuildDocument, StakeholdersResourcesAndRisks) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    const auto& people = first_block<view::data_table>(section_of(doc, "stakeholders"));
    ASSERT_EQ(people.rows.size(), 4u);
    EXPECT_EQ(plain(people.rows[0].cells[2]), "[Buyer]");
    EXPECT_EQ(plain(people.rows[0].cells[3]), "Economic buyer");
    EXPECT_EQ(plain(people.rows[0].cells[4]), "High");
    EXPECT_EQ(plain(people.rows[0].cells[5]), "dana@northwind.example<mailto:dana@northwind.example>");
    EXPECT_EQ(plain(people.rows[2].cells[2]), "[Seller]");

    const auto resources = plain(section_of(doc, "resources").content);
    EXPECT_EQ(resources, "* ROI model<https://acme.example/roi> \u2014 ROI model \u2014 for Dana Ruiz\n"
                         "* SOC 2 report (soc2-type2.pdf) \u2014 Security\n");

    const auto& risks = first_block<view::data_table>(section_of(doc, "risks"));
    ASSERT_EQ(risks.rows.size(), 1u);
    EXPECT_EQ(plain(risks.rows[0].cells[1]), "[High]");
    EXPECT_EQ(badges_of(risks.rows[0].cells[1])[0].color, view::tone::bad);
    EXPECT_EQ(plain(risks.rows[0].cells[2]), "[Buyer] Lee Chen");
    EXPECT_EQ(plain(risks.rows[0].cells[3]), "Front-load the questionnaire in week 1.");
    EXPECT_EQ(plain(risks.rows[0].cells[4]), "#3 IT security review");
}

TEST(BuildDocument, SummaryOpenItemsAndSignoff) {
    const auto [doc, diags] = build(sample_plan().p, "en");
    EXPECT_EQ(plain(section_of(doc, "summary").content),
              "# Business outcome\nCut claims-processing time by 30% before open enrolment.\n"
              "# Success criteria\n* Claims backlog under 2 days\n* Audit passes\n"
              "# Decision criteria\n* Passes HIPAA security review\n");
    EXPECT_EQ(plain(section_of(doc, "open_items").content), "No open items\n");

    const auto& sig = first_block<view::signature_block>(section_of(doc, "signoff"));
    ASSERT_EQ(sig.lines.size(), 2u);
    EXPECT_EQ(sig.lines[0].side_label, "For Northwind Health");
    EXPECT_EQ(sig.lines[0].name, "Dana Ruiz");
    EXPECT_EQ(sig.lines[0].title, "CFO");
    EXPECT_EQ(sig.lines[0].date_label, "Date");
    EXPECT_EQ(sig.lines[0].date_value, "Jun\u00a029,\u00a02026");
    EXPECT_EQ(sig.lines[1].side_label, "For Acme Analytics");
    EXPECT_EQ(sig.lines[1].name, "Chris Park");
    EXPECT_EQ(sig.lines[1].date_value, "");
    EXPECT_EQ(sig.lines[0].who, "Dana Ruiz, CFO");
}

// A name and its title, and the items of a list, are separated by the language's
// comma (punctuation.list): the Arabic comma in ar, the Latin one in he and en.
TEST(BuildDocument, SignoffAndListsUseTheLanguagesComma) {
    auto plan = sample_plan().p;
    plan.stakeholders[0].cares_about = {"Payback period", "Cost"};
    for (const auto& [lang, comma] : {std::pair{"ar", "\u060c "}, {"he", ", "}, {"en", ", "}}) {
        const auto [doc, diags] = build(plan, lang);
        const auto& sig = first_block<view::signature_block>(section_of(doc, "signoff"));
        EXPECT_EQ(sig.lines[0].who, std::string("Dana Ruiz") + comma + "CFO") << lang;
        EXPECT_EQ(sig.lines[1].who, std::string("Chris Park") + comma + "Account Executive") << lang;
        const auto& value = first_block<view::data_table>(section_of(doc, "value_map"));
        EXPECT_EQ(plain(value.rows[0].cells[1]), std::string("Payback period") + comma + "Cost") << lang;
    }
}

// The timeline's description (a tagged PDF's /Alt) separates its steps with
// the language's semicolon (punctuation.series) and their parts with its comma.
TEST(BuildDocument, TheTimelinesDescriptionUsesTheLanguagesPunctuation) {
    const auto plan = sample_plan().p;
    for (const auto& [lang, comma, semicolon] :
         {std::tuple{"ar", "\u060c ", "\u061b "}, {"he", ", ", "; "}, {"en", ", ", "; "}}) {
        const auto [doc, diags] = build(plan, lang);
        ASSERT_TRUE(doc.schedule) << lang;
        const auto& alt = doc.schedule->alt;
        EXPECT_NE(alt.find(std::string(semicolon) + "#2 "), std::string::npos) << lang << ": " << alt;
        EXPECT_EQ(alt.find(lang == std::string("ar") ? ", " : "\u060c"), std::string::npos) << lang << ": " << alt;
        EXPECT_NE(alt.find(comma), std::string::npos) << lang << ": " << alt;
    }
}

TEST(BuildDocument, EmptyPlanStillHasEverySectionWithNoneLines) {
    plan_builder b;
    const auto [doc, diags] = build(b.p, "en");
    EXPECT_EQ(doc.sections.size(), 8u);
    EXPECT_EQ(plain(section_of(doc, "risks").content), "No risks recorded\n");
    EXPECT_EQ(plain(section_of(doc, "milestones").content), "No milestones yet\n");
    EXPECT_EQ(first_block<view::signature_block>(section_of(doc, "signoff")).lines.size(), 2u);
    EXPECT_TRUE(diags.all().empty());
}

TEST(FormatDate, PerLocale) {
    const auto d = day("2026-06-30");
    EXPECT_EQ(view::format_date(d, test::load_labels("en")), "Jun\u00a030,\u00a02026");
    EXPECT_EQ(view::format_date(d, test::load_labels("en-GB")), "30\u00a0Jun\u00a02026");
    EXPECT_EQ(view::format_date(d, test::load_labels("de")), "30.06.2026");
    EXPECT_EQ(view::format_date(day("2026-03-05"), test::load_labels("fr")), "5\u00a0mars\u00a02026");
    EXPECT_EQ(view::format_date(day("2026-03-05"), test::load_labels("es")), "5\u00a0mar\u00a02026");
    EXPECT_EQ(view::format_date(day("2026-03-05"), test::load_labels("pt-BR")), "05/03/2026");
    EXPECT_EQ(view::format_date(d, view::labels{}), "2026-06-30");
    EXPECT_EQ(view::format_date(d, view::labels({{"date.pattern", "{month} {dd} ({m}/{yyyy}) {x}"},
                                                 {"date.months_long", "a,b,c,d,e,June,g,h,i,j,k,l"}})),
              "June\u00a030\u00a0(6/2026)\u00a0{x}");
    // A broken month list falls back to the month number, never to a wrong name.
    EXPECT_EQ(view::format_date(d, view::labels({{"date.pattern", "{mon}"}, {"date.months", "Jan,Feb"}})), "06");
}

// format_date writes each value straight into the date with its spaces held
// together; the plain way fills the pattern, then holds every space. Both
// must give the same text for any pattern, however broken.
TEST(FormatDate, WrittenDirectlyAsTheFilledPatternHeldTogether) {
    const std::vector<std::string> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::vector<std::string> months_long = {"de janeiro", "fevereiro", "março", "abril", "maio", "junho",
                                                  "julho", "agosto", "set embro", "outubro", "novembro", "dezembro"};
    const auto joined = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
        return out;
    };
    const auto two = [](unsigned v) { return std::string{char('0' + v / 10 % 10), char('0' + v % 10)}; };
    for (const std::string pattern : {"{mon} {d}, {yyyy}", "{d} {month} {yyyy}", "{dd}.{mm}.{yyyy}", "{m}/{d}",
                                      "{x} {d", "{{d}}", "}{d}{", "", "  ", "{yyyy}{yyyy} {mon}{month}", "{d}}} {",
                                      "no fields at all"}) {
        const view::labels words({{"date.pattern", pattern},
                                  {"date.months", joined(months)},
                                  {"date.months_long", joined(months_long)}});
        for (const char* date : {"2026-06-30", "2027-09-03", "0987-01-01", "2026-12-31"}) {
            const auto d = day(date);
            const auto day_n = static_cast<unsigned>(d.day());
            const auto month_n = static_cast<unsigned>(d.month());
            std::string year = std::to_string(static_cast<int>(d.year()));
            if (year.size() < 4) year.insert(0, 4 - year.size(), '0');
            std::string expected;
            for (const char c : view::detail::fill(pattern, {{"d", std::to_string(day_n)},
                                                             {"dd", two(day_n)},
                                                             {"m", std::to_string(month_n)},
                                                             {"mm", two(month_n)},
                                                             {"mon", months[month_n - 1]},
                                                             {"month", months_long[month_n - 1]},
                                                             {"yyyy", year}}))
                expected += c == ' ' ? std::string("\u00a0") : std::string(1, c);
            EXPECT_EQ(view::format_date(d, words), expected) << pattern << " " << date;
        }
    }
}

TEST(LabelOf, JoinsPrefixAndNameWithADotShortOrLong) {
    const std::string long_name(80, 'x');
    const view::labels words({{"status.done", "Done"}, {"status." + long_name, "Long"}});
    EXPECT_EQ(view::detail::label_of(words, "status", "done"), "Done");
    EXPECT_EQ(view::detail::label_of(words, "status", long_name), "Long");
    EXPECT_EQ(view::detail::label_of(words, "status", "gone"), "[status.gone]");
    EXPECT_EQ(view::detail::label_of(words, "status", long_name + "y"), "[status." + long_name + "y]");
}

TEST(BuildDocument, AmountsAreGroupedFromTheExactDecimalText) {
    auto b = sample_plan();
    b.p.deal.amount = "1234567.50";
    auto fact_value = [](const view::document& doc) {
        for (const auto& f : doc.title_facts.facts)
            if (f.key == "amount") return plain(f.value);
        return std::string("<none>");
    };
    EXPECT_EQ(fact_value(build(b.p, "en").doc), "USD\u00a01,234,567.50");
    EXPECT_EQ(fact_value(build(b.p, "de").doc), "1.234.567,50\u00a0USD");
    EXPECT_EQ(fact_value(build(b.p, "fr").doc), "1\u00A0234\u00A0567,50\u00a0USD");
    EXPECT_EQ(fact_value(build(b.p, "pt-BR").doc), "USD\u00a01.234.567,50");
    b.p.deal.amount = "999";
    EXPECT_EQ(fact_value(build(b.p, "en").doc), "USD\u00a0999");
    b.p.deal.amount = "12345678901234567890123";  // beyond any double's exact range
    EXPECT_EQ(fact_value(build(b.p, "en").doc), "USD\u00a012,345,678,901,234,567,890,123");
    b.p.deal.amount = "$25k";
    b.p.deal.currency.clear();
    EXPECT_EQ(fact_value(build(b.p, "en").doc), "$25k");
}

TEST(BuildDocument, GermanDocumentUsesGermanWordsAndDates) {
    auto b = sample_plan();
    b.p.locale = "de";
    const auto [doc, diags] = build(b.p, "de");
    EXPECT_EQ(doc.lang, "de");
    const auto& table = first_block<view::data_table>(section_of(doc, "milestones"));
    EXPECT_EQ(plain(table.rows[2].cells[3]), "~21.05.2026~ 28.05.2026 [verschoben +7 T]");
    EXPECT_EQ(plain(table.rows[1].cells[4]), "[In Arbeit] [3 T überfällig]");
    EXPECT_EQ(section_of(doc, "signoff").title, "Freigabe");
}

TEST(BuildDocument, DaysToCloseWordingAroundTheTarget) {
    auto b = sample_plan();
    auto days_fact = [](const view::document& doc) {
        for (const auto& f : doc.title_facts.facts)
            if (f.key == "days_to_close") return plain(f.value);
        return std::string("<none>");
    };
    EXPECT_EQ(days_fact(build(b.p, "en", day("2026-06-29")).doc), "1 day");
    EXPECT_EQ(days_fact(build(b.p, "en", day("2026-06-30")).doc), "Closes today");
    EXPECT_EQ(days_fact(build(b.p, "en", day("2026-07-03")).doc), "3 days past target");
}

TEST(Labels, EveryLanguageFileIsCompleteAndEveryKeyUsedExists) {
    const auto en = test::read_label_file("en");
    // Every built-in locale but English's two: the table (view/locales.cpp) names the file.
    // A plural form (key_one, key_few...) is optional: a language has the ones its grammar needs.
    for (const auto& locale : view::built_in_locales()) {
        const std::string lang(locale.file);
        if (lang == "en" || lang == "en-GB") continue;
        const auto entries = test::read_label_file(lang);
        for (const auto& [key, value] : en)
            if (view::plural_base(key) == key) EXPECT_TRUE(entries.count(key)) << lang << " lacks " << key;
        for (const auto& [key, value] : entries)
            EXPECT_TRUE(en.count(std::string(view::plural_base(key)))) << lang << " has unknown " << key;
    }
    for (const auto& [key, value] : test::read_label_file("en-GB")) EXPECT_TRUE(en.count(key)) << key;

    // A missing label shows as "[key]"; none may appear in a full document in any language.
    const std::regex missing(R"(\[[a-z_]+\.[a-z_.]+\])");
    for (const auto& locale : view::built_in_locales()) {
        const std::string lang(locale.file);
        const auto labels = test::load_labels(lang);
        auto b = sample_plan();
        diagnostic_sink diags;
        const auto doc = view::build_document(b.p, analyze::analyze_plan(b.p, day("2026-05-12")), labels, diags);
        const auto text = plain(doc);
        std::smatch m;
        EXPECT_FALSE(std::regex_search(text, m, missing)) << lang << ": " << m.str();
    }
    EXPECT_EQ(view::labels{}.get("section.risks"), "[section.risks]");
    EXPECT_FALSE(view::labels{}.has("section.risks"));
}

TEST(BuildDocument, SameInputGivesTheSameDocument) {
    const auto b = sample_plan();
    EXPECT_EQ(plain(build(b.p, "fr").doc), plain(build(b.p, "fr").doc));
}

}  // namespace
}  // namespace closeplan
