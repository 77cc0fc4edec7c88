// SPDX-License-Identifier: MIT
// Documents built in code for the render tests: a realistic 12-milestone, 8-stakeholder plan and small pieces.
#pragma once

#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "view/document.hpp"

namespace closeplan::render::testing {

using namespace closeplan::view;

inline inline_node t(std::string s) { return inline_node{text{std::move(s)}}; }
inline inline_node b(std::string label, tone color) { return inline_node{badge{std::move(label), color}}; }
inline inline_node em(std::string s) { return inline_node{emphasis{{t(std::move(s))}}}; }
inline inline_node strike(std::string s) { return inline_node{strikethrough{{t(std::move(s))}}}; }
inline inline_node br() { return inline_node{line_break{}}; }
inline inline_node a(std::string url, std::string label) { return inline_node{link{std::move(url), {t(std::move(label))}}}; }
inline block para(inlines content) { return block{paragraph{std::move(content)}}; }
inline block h(std::string s) { return block{heading{1, {t(std::move(s))}}}; }
inline block bullets(std::vector<std::string> items) {
    bullet_list list;
    for (auto& i : items) list.items.push_back(list_item{std::nullopt, {para({t(std::move(i))})}});
    return block{std::move(list)};
}

/// The layout's words (`condense.*`, `page.*`) as build_document copies them, read
/// from the real English labels: one `key: "text"` a line, no escapes in these keys.
inline std::map<std::string, std::string, std::less<>> english_layout_words() {
    std::map<std::string, std::string, std::less<>> words;
    std::ifstream in(std::string(CLOSEPLAN_SOURCE_DIR) + "/templates/labels/en.yaml");
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("condense.") && !line.starts_with("page.")) continue;
        const auto colon = line.find(": \"");
        if (colon == std::string::npos || line.back() != '"') continue;
        words[line.substr(0, colon)] = line.substr(colon + 3, line.size() - colon - 4);
    }
    return words;
}

inline fact make_fact(std::string key, std::string label, std::string value) {
    return fact{std::move(key), std::move(label), {t(std::move(value))}};
}

/// A plan the size the one-page promise is made for: 12 milestones, 8 stakeholders.
inline document sample_document() {
    document doc;
    doc.lang = "en-US";
    doc.layout_words = english_layout_words();
    doc.title = "Mutual action plan: Claims analytics platform";
    doc.deal_name = "Claims analytics platform";
    doc.buyer = {"Northwind Health", ""};
    doc.seller = {"Acme Analytics", ""};
    doc.generator = "closeplan";
    doc.title_facts = {"title",
                       {make_fact("target_close", "Target close", "Jun 30, 2026"), make_fact("as_of", "As of", "May 4, 2026"),
                        make_fact("amount", "Amount", "USD 240,000"), make_fact("stage", "Stage", "Proposal"),
                        make_fact("days_to_close", "Days to close", "57 days")}};

    section summary{"summary", "Summary", {}};
    summary.content.push_back(h("Business outcome"));
    summary.content.push_back(para({t("Cut claims-processing time by 30% before open enrolment, so members get answers in "
                                      "days, not weeks, and the claims team stops working weekends.")}));
    summary.content.push_back(h("Success criteria"));
    summary.content.push_back(bullets({"Claims backlog under 2 days by September",
                                       "Two data connectors live (claims system, member portal)"}));
    summary.content.push_back(h("Decision criteria"));
    summary.content.push_back(bullets({"Passes HIPAA security review", "Payback inside 12 months",
                                       "Fits the FY26 budget approved by the CFO"}));
    doc.sections.push_back(std::move(summary));

    section milestones{"milestones", "Milestones", {}};
    data_table table;
    table.key = "milestones";
    table.caption = "Milestones with owner, due date and status";
    table.columns = {{"number", "#", align::right},
                     {"title", "Milestone", align::left},
                     {"owner", "Owner", align::left},
                     {"due", "Due", align::left},
                     {"status", "Status", align::left}};
    struct ms {
        std::string title, gate, side, who, base, due, status, row;
        tone side_tone, status_tone;
        std::string extra;
        tone extra_tone;
    };
    const std::vector<ms> rows = {
        {"Mutual NDA signed", "", "Joint", "Chris Park", "", "Apr 10, 2026", "Done", "done", tone::both, tone::ok, "", tone::neutral},
        {"Discovery workshop complete", "", "Joint", "Priya Shah", "", "Apr 17, 2026", "Done", "done", tone::both, tone::ok, "", tone::neutral},
        {"Security documentation sent", "", "Seller", "Sam Lee", "May 1, 2026", "May 8, 2026", "Done", "done", tone::seller, tone::ok, "", tone::neutral},
        {"Technical deep dive with IT", "Architecture review", "Buyer", "Lee Wong", "", "Apr 30, 2026", "In progress", "overdue", tone::buyer, tone::info, "Overdue 4 d", tone::warn},
        {"Business case reviewed by finance", "", "Buyer", "Dana Ruiz", "", "May 12, 2026", "Scheduled", "", tone::buyer, tone::neutral, "", tone::neutral},
        {"IT security review", "Security architecture review", "Buyer", "Lee Wong", "May 15, 2026", "May 29, 2026", "In progress", "slipped", tone::buyer, tone::info, "", tone::neutral},
        {"Reference call with a regional health plan", "", "Seller", "Chris Park", "", "May 14, 2026", "Scheduled", "", tone::seller, tone::neutral, "", tone::neutral},
        {"Pilot success criteria signed off", "", "Joint", "Priya Shah", "", "May 22, 2026", "Not started", "", tone::both, tone::neutral, "", tone::neutral},
        {"Legal redlines on MSA and BAA", "", "Buyer", "Morgan Diaz", "", "Jun 5, 2026", "Blocked", "blocked", tone::buyer, tone::bad, "", tone::neutral},
        {"Procurement vendor onboarding", "", "Buyer", "Alex Chen", "", "Jun 12, 2026", "Not started", "", tone::buyer, tone::neutral, "", tone::neutral},
        {"Executive sponsor approval", "Steering committee", "Buyer", "Dana Ruiz", "", "Jun 19, 2026", "Not started", "", tone::buyer, tone::neutral, "", tone::neutral},
        {"Contract signature", "", "Joint", "Dana Ruiz", "", "Jun 30, 2026", "Not started", "", tone::both, tone::neutral, "", tone::neutral},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        table_row row;
        row.row_header_first = false;
        row.row_class = r.row;
        // As view/build_milestones.cpp sets them (as of May 4, 2026).
        row.facts.done = r.row == "done";
        row.facts.overdue = r.row == "overdue";
        row.facts.slipped = !r.base.empty();
        row.facts.last = i + 1 == rows.size();
        row.facts.next = i == 3;
        if (!row.facts.done) row.facts.due_in_days = 7 * static_cast<int>(i) - 20;
        row.cells.push_back({t(std::to_string(i + 1))});
        inlines title{t(r.title)};
        if (!r.gate.empty()) {
            title.push_back(br());
            title.push_back(em("Gate: " + r.gate));
        }
        row.cells.push_back(std::move(title));
        row.cells.push_back({b(r.side, r.side_tone), t(" " + r.who)});
        inlines due;
        if (!r.base.empty()) {
            due.push_back(strike(r.base));
            due.push_back(t(" "));
        }
        due.push_back(t(r.due));
        if (r.row == "slipped") {
            due.push_back(t(" "));
            due.push_back(b("Slipped +14 d", tone::warn));
        }
        row.cells.push_back(std::move(due));
        inlines status{b(r.status, r.status_tone)};
        if (!r.extra.empty()) {
            status.push_back(t(" "));
            status.push_back(b(r.extra, r.extra_tone));
        }
        row.cells.push_back(std::move(status));
        table.rows.push_back(std::move(row));
    }
    milestones.content.push_back(block{std::move(table)});
    milestones.content.push_back(block{fact_list{"milestone_progress",
                                                 {make_fact("overall", "Overall", "3 of 12 done (25%)"),
                                                  make_fact("buyer", "Buyer", "0 of 7 done"),
                                                  make_fact("seller", "Seller", "1 of 2 done"),
                                                  make_fact("overdue", "Overdue", "1"),
                                                  make_fact("slipped", "Slipped", "2 (21 days)")}},
                                       block_role::figure});
    milestones.content.push_back(h("By workstream"));
    milestones.content.push_back(block{fact_list{"workstream_progress",
                                                 {make_fact("discovery", "Discovery", "2 of 2"),
                                                  make_fact("technical", "Technical", "0 of 1"),
                                                  make_fact("security", "Security", "1 of 2"),
                                                  make_fact("business_case", "Business case", "0 of 2"),
                                                  make_fact("legal", "Legal", "0 of 1"),
                                                  make_fact("procurement", "Procurement", "0 of 1"),
                                                  make_fact("executive", "Executive", "0 of 1"),
                                                  make_fact("signature", "Signature", "0 of 2")}}});
    doc.sections.push_back(std::move(milestones));

    section value{"value_map", "Value by stakeholder", {}};
    data_table vt;
    vt.key = "value_map";
    vt.caption = "What each stakeholder cares about, the proof, and the milestones that deliver it";
    vt.columns = {{"stakeholder", "Stakeholder", align::left},
                  {"cares_about", "Cares about", align::left},
                  {"proof", "Proof", align::left},
                  {"delivered_by", "Delivered by", align::left}};
    const std::vector<std::vector<std::string>> vrows = {
        {"Dana Ruiz, CFO", "Payback period, Cost, Risk", "ROI model", "#5 Business case reviewed by finance"},
        {"Lee Wong, CTO", "Integration, Security, Architecture", "SOC 2 Type II report", "#4 Technical deep dive, #6 IT security review"},
        {"Priya Shah, VP Claims Operations", "Backlog, Team workload", "Case study: Contoso Health", "#2 Discovery workshop, #8 Pilot success criteria"},
        {"Morgan Diaz, Associate General Counsel", "Contract risk, BAA terms", "Standard MSA and BAA", "#9 Legal redlines"},
        {"Alex Chen, Procurement Manager", "Vendor onboarding, Pricing", "Proposal v3", "#10 Procurement vendor onboarding"},
        {"Jordan Blake, COO", "Member experience, Open enrolment", "Implementation plan", "#11 Executive sponsor approval"},
    };
    for (const auto& r : vrows) {
        table_row row;
        row.row_class = "covered";
        for (const auto& c : r) row.cells.push_back({t(c)});
        vt.rows.push_back(std::move(row));
    }
    value.content.push_back(block{std::move(vt)});
    value.content.push_back(para({t("6 of 6 stakeholders have proof and a milestone that delivers it.")}));
    value.content.back().role = block_role::figure;  // as the builders mark it: shown on the title's line
    doc.sections.push_back(std::move(value));

    section people{"stakeholders", "Stakeholders", {}};
    data_table pt;
    pt.key = "stakeholders";
    pt.caption = "People involved on both sides";
    pt.columns = {{"name", "Name", align::left},   {"title", "Title", align::left},
                  {"side", "Side", align::left},   {"role", "Role", align::left},
                  {"influence", "Influence", align::left}, {"contact", "Contact", align::left}};
    const std::vector<std::vector<std::string>> prow = {
        {"Dana Ruiz", "CFO", "Buyer", "Economic buyer", "High", "dana@northwind.example"},
        {"Lee Wong", "CTO", "Buyer", "Technical evaluator", "High", "lee@northwind.example"},
        {"Priya Shah", "VP Claims Operations", "Buyer", "Champion", "High", "priya@northwind.example"},
        {"Morgan Diaz", "Associate General Counsel", "Buyer", "Legal", "Medium", "morgan@northwind.example"},
        {"Alex Chen", "Procurement Manager", "Buyer", "Procurement", "Medium", "alex@northwind.example"},
        {"Jordan Blake", "COO", "Buyer", "Executive sponsor", "High", "jordan@northwind.example"},
        {"Chris Park", "Account Executive", "Seller", "Account executive", "", "chris@acme.example"},
        {"Sam Lee", "Solutions Engineer", "Seller", "Solutions engineer", "", "sam@acme.example"},
    };
    for (const auto& r : prow) {
        table_row row;
        row.row_class = r[2] == "Buyer" ? "buyer" : "seller";
        row.cells.push_back({t(r[0])});
        row.cells.push_back({t(r[1])});
        row.cells.push_back({b(r[2], r[2] == "Buyer" ? tone::buyer : tone::seller)});
        row.cells.push_back({t(r[3])});
        row.cells.push_back(r[4].empty() ? inlines{} : inlines{t(r[4])});
        row.cells.push_back({a("mailto:" + r[5], r[5])});
        pt.rows.push_back(std::move(row));
    }
    people.content.push_back(block{std::move(pt)});
    doc.sections.push_back(std::move(people));

    section resources{"resources", "Resources", {}};
    bullet_list rl;
    const std::vector<std::vector<std::string>> res = {
        {"https://acme.example/roi/northwind", "ROI model", " \u2014 ROI \u2014 for Dana Ruiz"},
        {"https://acme.example/trust/soc2", "SOC 2 Type II report", " \u2014 Security \u2014 for Lee Wong"},
        {"https://acme.example/customers/contoso-health", "Case study: Contoso Health", " \u2014 Case study"},
        {"https://acme.example/legal/msa", "Standard MSA and BAA", " \u2014 Legal \u2014 for Morgan Diaz"},
        {"https://acme.example/northwind/proposal-v3", "Proposal v3", " \u2014 Proposal"},
        {"https://acme.example/northwind/implementation", "Implementation plan", " \u2014 Implementation"},
    };
    for (const auto& r : res) rl.items.push_back(list_item{std::nullopt, {para({a(r[0], r[1]), t(r[2])})}});
    resources.content.push_back(block{std::move(rl)});
    doc.sections.push_back(std::move(resources));

    section risks{"risks", "Risks", {}};
    data_table rt;
    rt.key = "risks";
    rt.caption = "Risks with severity, owner and mitigation";
    rt.columns = {{"risk", "Risk", align::left},
                  {"severity", "Severity", align::left},
                  {"owner", "Owner", align::left},
                  {"mitigation", "Mitigation", align::left},
                  {"milestone", "Milestone", align::left}};
    const std::vector<std::vector<std::string>> rrows = {
        {"Security review queue is six weeks", "High", "Lee Wong", "Front-load the questionnaire in week 1.", "#6 IT security review"},
        {"Budget freeze after Q2", "Medium", "Dana Ruiz", "Sign before June 30; phase payments.", "#12 Contract signature"},
        {"BAA terms need outside counsel", "Medium", "Morgan Diaz", "Send our standard BAA early.", "#9 Legal redlines"},
    };
    for (const auto& r : rrows) {
        table_row row;
        row.row_class = r[1] == "High" ? "high" : "medium";
        row.facts.severity = r[1] == "High" ? 2 : 1;
        row.cells.push_back({t(r[0])});
        row.cells.push_back({b(r[1], r[1] == "High" ? tone::bad : tone::warn)});
        row.cells.push_back({b("Buyer", tone::buyer), t(" " + r[2])});
        row.cells.push_back({t(r[3])});
        row.cells.push_back({t(r[4])});
        rt.rows.push_back(std::move(row));
    }
    risks.content.push_back(block{std::move(rt)});
    doc.sections.push_back(std::move(risks));

    section open{"open_items", "Open items", {}};
    bullet_list tasks;
    tasks.items.push_back(list_item{true, {para({t("Procurement portal registration confirmed")})}});
    tasks.items.push_back(list_item{false, {para({t("Confirm who signs the BAA for Northwind")})}});
    tasks.items.push_back(list_item{false, {para({t("Agree pilot data extract format with IT")})}});
    open.content.push_back(block{std::move(tasks)});
    doc.sections.push_back(std::move(open));

    section signoff{"signoff", "Sign-off", {}};
    signoff.content.push_back(para({t("We agree to work to this plan and to raise changes as soon as we know of them.")}));
    signoff.content.back().role = block_role::figure;
    signoff.content.push_back(block{signature_block{{{"For Northwind Health", "Dana Ruiz", "CFO", "Date", "", "Dana Ruiz, CFO"},
                                                     {"For Acme Analytics", "Chris Park", "Account Executive", "Date", "",
                                                      "Chris Park, Account Executive"}}}});
    doc.sections.push_back(std::move(signoff));
    return doc;
}

}  // namespace closeplan::render::testing

namespace closeplan::render::testing {

/// Every text a writer prints, from every field kind, set to `h`.
inline document hostile_document(const std::string& h) {
    document doc;
    doc.lang = "en";
    doc.title = h;
    doc.deal_name = h;
    doc.buyer = {h, ""};
    doc.seller = {h, ""};
    doc.generator = "closeplan";
    doc.title_facts = {"title", {fact{"target_close", h, {t(h)}}, fact{h, h, {t(h)}}}};

    section prose{"summary", h, {}};
    prose.content.push_back(para({t(h)}));
    prose.content.push_back(block{heading{1, {t(h)}}});
    prose.content.push_back(para({inline_node{emphasis{{t(h)}}}, t(" "), inline_node{strong{{t(h)}}}, t(" "),
                                  inline_node{strikethrough{{t(h)}}}, t(" "), inline_node{code_span{h}}, t(" "),
                                  a("https://ok.example/" + h, h), inline_node{soft_break{}}, t(h), br(), t(h),
                                  b(h, tone::bad)}));
    bullet_list bl;
    bl.items.push_back(list_item{std::nullopt, {para({t(h)})}});
    bl.items.push_back(list_item{true, {para({t(h)})}});
    prose.content.push_back(block{std::move(bl)});
    ordered_list ol;
    ol.start = 3;
    ol.items.push_back(list_item{std::nullopt, {para({t(h)}), para({t(h)})}});
    prose.content.push_back(block{std::move(ol)});
    prose.content.push_back(block{code_block{h, h}});
    prose.content.push_back(block{block_quote{{para({t(h)})}}});
    prose.content.push_back(block{thematic_break{}});
    prose.content.push_back(block{md_table{{align::left, align::right}, {{t(h)}, {t(h)}}, {{{t(h)}, {t(h), br(), t(h)}}}}});
    doc.sections.push_back(std::move(prose));

    section data{"milestones", h, {}};
    data_table table;
    table.key = h;
    table.caption = h;
    table.columns = {{h, h, align::left}, {"due", h, align::center}, {"status", h, align::right}};
    table_row row;
    row.row_class = h;
    row.cells = {{t(h)}, {strike(h), t(" " + h)}, {b(h, tone::warn), inline_node{code_span{h}}}};
    table.rows.push_back(row);
    row.row_header_first = false;
    table.rows.push_back(row);
    data.content.push_back(block{std::move(table)});
    data.content.push_back(block{fact_list{h, {fact{h, h, {t(h)}}}}});
    doc.sections.push_back(std::move(data));

    section signoff{"signoff", h, {}};
    signoff.content.push_back(block{signature_block{{{h, h, h, h, h, h + ", " + h}, {h, h, h, h, "", h + ", " + h}}}});
    doc.sections.push_back(std::move(signoff));
    return doc;
}

/// Hostile text of every kind the tests throw at the writers.
inline const std::vector<std::string>& hostile_strings() {
    static const std::vector<std::string> all = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "{{title}} {{{css}}} {{#has.risks}}x{{/has.risks}}",
        "[x](javascript:alert(1)) ![i](https://evil.example/i.png) <https://evil.example>",
        "| pipes | in | text |",
        "# heading",
        "```fence``` and `code` and `` double ``",
        "line one\nline two\n- item\n1. one\n> quote\n===\n    indented",
        "*star* _under_ ~~strike~~ \\ back & amp &lt; entity",
        "https://evil.example www.evil.example",
        "<!-- comment --> </style> ]]>",
    };
    return all;
}

}  // namespace closeplan::render::testing
