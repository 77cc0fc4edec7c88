// SPDX-License-Identifier: MIT
// Which lists of sections a page template reads: the page context fills only those.
#include <gtest/gtest.h>

#include "render/writer_support.hpp"

namespace closeplan::render::detail {
namespace {

std::pair<bool, bool> used(std::string_view text) {
    const auto lists = section_lists_used(text);
    return {lists.sections, lists.page_rows};
}

TEST(SectionLists, RowsAndTheirOwnSectionsAreNotTheTopLevelList) {
    EXPECT_EQ(used("{{#page_rows}}{{#sections}}{{{content}}}{{/sections}}{{/page_rows}}"), std::pair(false, true));
    EXPECT_EQ(used("{{#sections}}{{{content}}}{{/sections}}"), std::pair(true, false));
    EXPECT_EQ(used("{{^sections}}none{{/sections}}"), std::pair(true, false));
    EXPECT_EQ(used("{{#page_rows}}x{{/page_rows}}{{#sections}}{{key}}{{/sections}}"), std::pair(true, true));
}

TEST(SectionLists, NamedSlotsReadNeitherAndPartialsReadBoth) {
    EXPECT_EQ(used("<main>{{{summary}}}{{{risks}}}</main>"), std::pair(false, false));
    EXPECT_EQ(used("{{>rows}}"), std::pair(true, true));
    // The same text again comes from the cache with the same answer.
    EXPECT_EQ(used("<main>{{{summary}}}{{{risks}}}</main>"), std::pair(false, false));
}

TEST(SectionLists, TemplateNamesAreLowerCaseLettersDigitsAndUnderscores) {
    EXPECT_EQ(template_name_for("open_items"), "open_items");
    EXPECT_EQ(template_name_for("value-map"), "value_map");
    EXPECT_EQ(template_name_for("Risks 2"), "risks_2");
    EXPECT_EQ(template_name_for("caf\xC3\xA9"), "caf__");
    EXPECT_EQ(template_name_for(""), "section");
}

}  // namespace
}  // namespace closeplan::render::detail
