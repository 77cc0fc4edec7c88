// SPDX-License-Identifier: MIT
// Playbook files: what is read, and every mistake as a whole, located message.
#include <gtest/gtest.h>

#include "schedule/playbook.hpp"

namespace closeplan::schedule {
namespace {

struct loaded {
    std::optional<playbook> book;
    std::vector<std::string> messages;
};

loaded load(const std::string& text, const std::string& file = "book.yaml") {
    diagnostic_sink diags;
    loaded out;
    out.book = load_playbook_text(text, file, diags);
    for (const auto& d : diags.all()) out.messages.push_back(format_diagnostic(d));
    return out;
}

std::string header(const std::string& steps) {
    return "closeplan-playbook: 1\nname: Mid-market\nmilestones:\n" + steps;
}

TEST(Playbook, ReadsEveryField) {
    const auto r = load(header(
        "  - id: discovery\n"
        "    title: Discovery complete\n"
        "    owner: both\n"
        "    workstream: discovery\n"
        "    days: 5\n"
        "    gate: Discovery readout\n"
        "    notes: Agree the **success criteria**.\n"
        "  - { id: sign, title: Contract signed, owner: buyer, days: 1, depends_on: [discovery], x-crm: ignored }\n"));
    ASSERT_TRUE(r.book) << ::testing::PrintToString(r.messages);
    EXPECT_TRUE(r.messages.empty());
    EXPECT_EQ(r.book->name, "Mid-market");
    ASSERT_EQ(r.book->steps.size(), 2u);
    const auto& first = r.book->steps[0];
    EXPECT_EQ(first.id, "discovery");
    EXPECT_EQ(first.title, "Discovery complete");
    EXPECT_EQ(first.owner, model::side::both);
    EXPECT_EQ(first.workstream, "discovery");
    EXPECT_EQ(first.days, 5);
    EXPECT_EQ(first.gate, "Discovery readout");
    EXPECT_EQ(first.notes, "Agree the **success criteria**.");
    EXPECT_EQ(first.where.line, 4);
    EXPECT_EQ(r.book->steps[1].depends_on, std::vector<std::string>{"discovery"});
    EXPECT_EQ(r.book->steps[1].owner, model::side::buyer);
    // Prepared once: sign (no successor) first, then discovery.
    EXPECT_EQ(r.book->successors_first, (std::vector<std::uint32_t>{1, 0}));
}

TEST(Playbook, JsonPlaybook) {
    const auto r = load(R"({"closeplan-playbook": 1, "name": "J", "milestones": [
  {"id": "a", "title": "A", "owner": "seller", "days": 2}]})",
                        "book.json");
    ASSERT_TRUE(r.book) << ::testing::PrintToString(r.messages);
    EXPECT_EQ(r.book->steps[0].days, 2);
}

TEST(Playbook, NotAPlaybook) {
    EXPECT_EQ(load("closeplan: 1\ndeal: { name: X }\n").messages,
              std::vector<std::string>{"book.yaml:1:1: error[P600]: this is a plan file, not a playbook (at "
                                       "/closeplan-playbook)\n  hint: a playbook starts with `closeplan-playbook: 1`"});
    EXPECT_EQ(load("closeplan-playbook: 2\nname: X\nmilestones: []\n").messages,
              std::vector<std::string>{"book.yaml:1:21: error[P600]: unsupported playbook format version \"2\" (at "
                                       "/closeplan-playbook)\n  hint: this closeplan reads `closeplan-playbook: 1`"});
    EXPECT_EQ(load("- a\n- b\n").messages,
              std::vector<std::string>{"book.yaml:1:1: error[P600]: a playbook must be a mapping with "
                                       "`closeplan-playbook: 1`, found a list"});
}

TEST(Playbook, UnknownKeysBadTypesAndMissingFields) {
    const auto r = load(header(
        "  - id: a\n"
        "    title: A\n"
        "    owner: vendor\n"
        "    dayz: 3\n"
        "  - id: b\n"
        "    title: [B]\n"
        "    owner: both\n"
        "    days: 1\n"
        "    depends_on: a\n"));
    EXPECT_FALSE(r.book);
    EXPECT_EQ(r.messages,
              (std::vector<std::string>{
                  "book.yaml:4:5: error[P601]: missing required field \"days\" (at /milestones/0/days)\n"
                  "  hint: days is the step's length in business days, e.g. `days: 5`\n"
                  "  hint: `dayz` looks like a misspelling of `days`",
                  "book.yaml:6:12: error[P604]: unknown owner \"vendor\" (at /milestones/0/owner)\n"
                  "  hint: did you mean `seller`?\n"
                  "  hint: owner must be buyer, seller or both",
                  "book.yaml:7:5: error[P602]: unknown field \"dayz\" (at /milestones/0/dayz)\n"
                  "  hint: did you mean `days`?",
                  "book.yaml:9:12: error[P603]: \"title\" must be text, found a list (at /milestones/1/title)",
                  "book.yaml:12:17: error[P603]: \"depends_on\" must be a list, found text (at "
                  "/milestones/1/depends_on)\n"
                  "  hint: write it as a list: [a]",
              }));
}

TEST(Playbook, DaysMustBeAPositiveWholeNumber) {
    const auto r = load(header(
        "  - { id: a, title: A, owner: both, days: 0 }\n"
        "  - { id: b, title: B, owner: both, days: -2 }\n"
        "  - { id: c, title: C, owner: both, days: 2.5 }\n"
        "  - { id: d, title: D, owner: both, days: five }\n"
        "  - { id: e, title: E, owner: both, days: 5000 }\n"
        "  - { id: f, title: F, owner: both, days: [1] }\n"));
    EXPECT_FALSE(r.book);
    EXPECT_EQ(r.messages,
              (std::vector<std::string>{
                  "book.yaml:4:43: error[P608]: \"days\" must be at least 1, found 0 (at /milestones/0/days)\n"
                  "  hint: a step takes at least one business day; a step due the same day as another takes "
                  "`days: 1`",
                  "book.yaml:5:43: error[P608]: \"days\" must be at least 1, found -2 (at /milestones/1/days)\n"
                  "  hint: a step takes at least one business day; a step due the same day as another takes "
                  "`days: 1`",
                  "book.yaml:6:43: error[P608]: \"days\" must be a whole number of business days, found \"2.5\" (at "
                  "/milestones/2/days)\n"
                  "  hint: write `days: 3` for three business days; half days are not scheduled",
                  "book.yaml:7:43: error[P608]: \"days\" must be a whole number of business days, found \"five\" "
                  "(at /milestones/3/days)\n"
                  "  hint: write `days: 3` for three business days; half days are not scheduled",
                  "book.yaml:8:43: error[P608]: \"days\" is 5000, more than 1000 business days (at "
                  "/milestones/4/days)\n"
                  "  hint: days are business days (about 21 a month); split a long step in several",
                  "book.yaml:9:43: error[P608]: \"days\" must be a whole number of business days, found a list (at "
                  "/milestones/5/days)",
              }));
}

TEST(Playbook, DuplicateIdsUnknownDependenciesAndCycles) {
    const auto r = load(header(
        "  - { id: a, title: A, owner: both, days: 1, depends_on: [c] }\n"
        "  - { id: b, title: B, owner: both, days: 1, depends_on: [a, legl] }\n"
        "  - { id: c, title: C, owner: both, days: 1, depends_on: [b] }\n"
        "  - { id: a, title: A again, owner: both, days: 1 }\n"
        "  - { id: legal, title: Legal, owner: buyer, days: 3, depends_on: [legal] }\n"));
    EXPECT_FALSE(r.book);
    EXPECT_EQ(r.messages,
              (std::vector<std::string>{
                  "book.yaml:4:59: error[P607]: dependency cycle: a → c → b → a (at /milestones/0/depends_on/0)\n"
                  "  hint: each arrow reads \"depends on\"; remove one of these depends_on entries",
                  "book.yaml:5:62: error[P606]: depends_on \"legl\" is not a known milestone (at "
                  "/milestones/1/depends_on/1)\n"
                  "  hint: did you mean `legal`?\n"
                  "  hint: known milestones are: a, b, c, legal",
                  "book.yaml:7:11: error[P605]: duplicate milestone id \"a\" (at /milestones/3/id)\n"
                  "  hint: the first one is on line 4; give every step its own id",
                  "book.yaml:8:68: error[P607]: milestone \"legal\" depends on itself (at "
                  "/milestones/4/depends_on/0)\n"
                  "  hint: remove `legal` from its depends_on",
              }));
}

TEST(Playbook, EmptyAndMissingLists) {
    EXPECT_EQ(load("closeplan-playbook: 1\nname: X\nmilestones: []\n").messages,
              std::vector<std::string>{
                  "book.yaml:3:13: error[P609]: the playbook has no milestones (at /milestones)\n"
                  "  hint: add at least one step: `- { id: signature, title: Contract signed, owner: both, days: 1 }`"});
    EXPECT_EQ(load("closeplan-playbook: 1\nnmae: X\nsteps: []\n").messages,
              (std::vector<std::string>{
                  "book.yaml:1:1: error[P601]: missing required field \"name\" (at /name)\n"
                  "  hint: `nmae` looks like a misspelling of `name`",
                  "book.yaml:1:1: error[P601]: missing required field \"milestones\" (at /milestones)\n"
                  "  hint: list the playbook's steps under `milestones:`",
                  "book.yaml:2:1: error[P602]: unknown field \"nmae\" (at /nmae)\n"
                  "  hint: did you mean `name`?",
                  "book.yaml:3:1: error[P602]: unknown field \"steps\" (at /steps)\n"
                  "  hint: known fields here: closeplan-playbook, name, max_stretch or milestones",
              }));
}

TEST(Playbook, SyntaxErrorsAreLoadingErrors) {
    const auto r = load("closeplan-playbook: 1\nname: [unclosed\n");
    EXPECT_FALSE(r.book);
    ASSERT_FALSE(r.messages.empty());
    EXPECT_NE(r.messages[0].find("error[L102]"), std::string::npos) << r.messages[0];
}

TEST(Playbook, MissingFileThrows) {
    diagnostic_sink diags;
    EXPECT_THROW(load_playbook("/nonexistent/book.yaml", diags), closeplan::error);
}

}  // namespace
}  // namespace closeplan::schedule
