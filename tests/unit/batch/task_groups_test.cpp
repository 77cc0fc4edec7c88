// SPDX-License-Identifier: MIT
// The two passes of one row per task: where each deal's rows end, and which
// deals are open (holding rows) while the second pass reads.
#include <gtest/gtest.h>

#include <sstream>

#include "batch/task_groups.hpp"

namespace closeplan::batch {
namespace {

group_ends ends_of(const std::string& csv, std::size_t key_column = 0) {
    std::istringstream in(csv);
    csv_reader reader(in);
    csv_record header;
    EXPECT_TRUE(reader.next(header));
    export_rows rows(reader, header.fields.size());
    return group_ends::scan(rows, key_column);
}

export_row row(int line) { return {line, {"key", "value"}}; }

TEST(GroupEnds, LastLineOfEachKeyAndNothingForBrokenOrEmptyKeys) {
    const auto ends = ends_of(
        "Deal,Task\n"
        "A,one\n"
        "B,two\n"
        "A,\"three\n"
        "spans lines\"\n"
        ",no key\n"
        "\"C,broken\"quote\n"
        "B,four\n");
    EXPECT_EQ(ends.size(), 2u);
    EXPECT_EQ(ends.last_line("A"), 4);  // the line a record starts on
    EXPECT_EQ(ends.last_line("B"), 8);
    EXPECT_EQ(ends.last_line("C"), std::nullopt);
    EXPECT_EQ(ends.last_line(""), std::nullopt);
}

TEST(OpenGroups, SortedRowsKeepOneGroupOpen) {
    group_ends ends;
    ends.note("A", 3);
    ends.note("B", 5);
    open_groups open(std::move(ends));
    open.open("A", 0, "a");
    EXPECT_FALSE(open.add("A", row(2)));
    EXPECT_EQ(open.lowest_open(), 0u);
    auto a = open.add("A", row(3));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->order, 0u);
    EXPECT_EQ(a->stem, "a");
    EXPECT_EQ(a->row_count, 2u);
    ASSERT_EQ(a->rows.size(), 2u);
    EXPECT_EQ(a->rows[1].line, 3);
    EXPECT_EQ(open.size(), 0u);
    EXPECT_EQ(open.lowest_open(), open_groups::none);
    open.open("B", 1);
    EXPECT_FALSE(open.add("B", row(4)));
    EXPECT_EQ(open.size(), 1u);
    EXPECT_TRUE(open.add("B", row(5)));
    EXPECT_TRUE(open.close_all().empty());
}

TEST(OpenGroups, InterleavedRowsFinishInTheOrderOfTheirLastRow) {
    group_ends ends;
    ends.note("A", 6);
    ends.note("B", 4);
    ends.note("C", 5);
    open_groups open(std::move(ends));
    open.open("A", 0);
    EXPECT_FALSE(open.add("A", row(2)));
    open.open("B", 1);
    EXPECT_FALSE(open.add("B", row(3)));
    open.open("C", 2);
    EXPECT_EQ(open.lowest_open(), 0u);
    auto b = open.add("B", row(4));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->order, 1u);
    EXPECT_EQ(open.lowest_open(), 0u);
    EXPECT_TRUE(open.add("C", row(5)));
    EXPECT_EQ(open.size(), 1u);
    auto a = open.add("A", row(6));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->rows.size(), 2u);
    EXPECT_EQ(open.lowest_open(), open_groups::none);
}

TEST(OpenGroups, OtherShardsGroupsCountRowsWithoutKeepingThem) {
    group_ends ends;
    ends.note("A", 3);
    open_groups open(std::move(ends));
    open.open("A", open_groups::none);
    EXPECT_EQ(open.lowest_open(), open_groups::none);
    EXPECT_FALSE(open.add("A", row(2)));
    auto a = open.add("A", row(3));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->row_count, 2u);
    EXPECT_TRUE(a->rows.empty());
}

TEST(OpenGroups, KeysTheFirstPassNeverSawStayOpenUntilTheEnd) {
    // Only when the file changed between the passes: nothing is lost, the
    // leftovers come out in the order they were opened.
    group_ends ends;
    ends.note("A", 2);
    open_groups open(std::move(ends));
    open.open("X", 1);
    EXPECT_FALSE(open.add("X", row(2)));
    open.open("Y", 0);
    EXPECT_FALSE(open.add("Y", row(3)));
    open.open("A", 2);
    EXPECT_TRUE(open.add("A", row(4)));  // past its last line: finished all the same
    // A second run of A's rows after it finished starts over, open until the end.
    open.open("A", 3);
    EXPECT_FALSE(open.add("A", row(5)));
    const auto left = open.close_all();
    ASSERT_EQ(left.size(), 3u);
    EXPECT_EQ(left[0].order, 0u);
    EXPECT_EQ(left[1].order, 1u);
    EXPECT_EQ(left[2].order, 3u);
    EXPECT_EQ(open.size(), 0u);
}

}  // namespace
}  // namespace closeplan::batch
