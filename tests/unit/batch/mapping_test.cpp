// SPDX-License-Identifier: MIT
// Mapping files: every key read, every mistake located.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "batch/mapping.hpp"

namespace closeplan::batch {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("closeplan-mapping-test-" + name);
    std::ofstream(path) << text;
    return path.string();
}

TEST(Mapping, ReadsColumnsStylesAndDefaults) {
    const auto path = write_temp("ok.yaml",
                                 "closeplan-mapping: 1\n"
                                 "deal:\n"
                                 "  id: Deal Number\n"
                                 "  name: [Title, Deal Title]\n"
                                 "  close_date: Expected Close\n"
                                 "task:\n"
                                 "  title: Activity\n"
                                 "  due: When\n"
                                 "dates: D.M.YYYY\n"
                                 "decimal: comma\n"
                                 "currency: EUR\n"
                                 "seller: Tallyworks\n"
                                 "locale: de\n"
                                 "x-note: ignored\n");
    diagnostic_sink diags;
    const auto m = load_mapping(path, diags);
    ASSERT_TRUE(m) << (diags.all().empty() ? "" : diags.all()[0].message);
    EXPECT_EQ(m->dates, date_style::day_first);
    EXPECT_EQ(m->decimal, decimal_mark::comma);
    EXPECT_EQ(m->currency, "EUR");
    EXPECT_EQ(m->seller, "Tallyworks");
    EXPECT_EQ(m->locale, "de");
    const header_row header({"Deal Title", "Expected Close ", "deal number", "Activity", "When"});
    const auto columns = resolve_columns(*m, header);
    EXPECT_EQ(columns.at(deal_field::name), 0u);
    EXPECT_EQ(columns.at(deal_field::close_date), 1u);
    EXPECT_EQ(columns.at(deal_field::id), 2u);
    EXPECT_EQ(columns.at(task_field::due), 4u);
    EXPECT_FALSE(columns.at(deal_field::amount));
}

TEST(Mapping, EveryMistakeIsLocated) {
    const auto path = write_temp("bad.yaml",
                                 "closeplan-mapping: 1\n"
                                 "deal:\n"
                                 "  close: Close Date\n"
                                 "  name: { x: 1 }\n"
                                 "dates: DD-MM-YY\n"
                                 "decimal: dot\n"
                                 "colour: blue\n");
    diagnostic_sink diags;
    EXPECT_FALSE(load_mapping(path, diags));
    ASSERT_EQ(diags.all().size(), 5u);
    EXPECT_EQ(diags.all()[0].code, "B701");
    EXPECT_EQ(diags.all()[0].message, "unknown deal field `close`");
    EXPECT_EQ(diags.all()[0].where.line, 3);
    EXPECT_EQ(diags.all()[0].where.column, 3);
    EXPECT_EQ(diags.all()[1].message, "a column must be a header name or a list of them");
    EXPECT_EQ(diags.all()[2].message, "unknown date style `DD-MM-YY`");
    EXPECT_EQ(diags.all()[3].message, "`decimal` must be `point` or `comma`");
    EXPECT_EQ(diags.all()[4].message, "unknown mapping key `colour`");
}

TEST(Mapping, NeedsItsVersionLine) {
    const auto path = write_temp("noversion.yaml", "deal: { name: Title }\n");
    diagnostic_sink diags;
    EXPECT_FALSE(load_mapping(path, diags));
    EXPECT_EQ(diags.all().at(0).message, "a mapping file starts with `closeplan-mapping: 1`");
}

}  // namespace
}  // namespace closeplan::batch
