// SPDX-License-Identifier: MIT
// The two passes of one row per task: where each deal's rows end, which
// deals are open while the second pass reads, and their rows read again.
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

row_ref row(int line) { return {static_cast<std::size_t>(line) * 10, 10, line}; }

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

TEST(CsvRecordBytes, EachRecordKnowsWhereItsBytesAre) {
    // BOM, a `sep=` line, CRLF, a quoted line break, a blank line, no final newline.
    const std::string csv =
        "\xEF\xBB\xBFsep=;\r\n"
        "Deal;Task\r\n"
        "A;\"two\r\nlines\"\r\n"
        "\r\n"
        "B;last";
    std::istringstream in(csv);
    csv_reader reader(in);
    std::vector<csv_record> records;
    for (csv_record r; reader.next(r);) records.push_back(r);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(csv.substr(records[0].offset, records[0].length), "Deal;Task\r\n");
    EXPECT_EQ(csv.substr(records[1].offset, records[1].length), "A;\"two\r\nlines\"\r\n");
    EXPECT_EQ(records[1].line, 3);
    EXPECT_EQ(csv.substr(records[2].offset, records[2].length), "B;last");
}

TEST(RowRereader, ReadsRowsAgainAndPutsTheStreamBack) {
    const std::string csv = "Deal,Task\nA,one\nB,\"two\nlines\"\nA,three\n";
    std::istringstream in(csv);
    csv_reader reader(in);
    std::vector<csv_record> records;
    for (csv_record r; reader.next(r);) records.push_back(r);
    ASSERT_EQ(records.size(), 4u);
    auto ref = [&](std::size_t i) {
        return row_ref{records[i].offset, static_cast<std::uint32_t>(records[i].length), records[i].line};
    };
    std::istringstream again(csv);
    std::string first_line;
    std::getline(again, first_line);
    row_rereader rereader(again, 0, ',');
    // Rows 1 and 2 lie next to each other (read in one go), row 3 apart.
    const auto rows = rereader.read({ref(1), ref(2), ref(3)});
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[0].values, (std::vector<std::string>{"A", "one"}));
    EXPECT_EQ((*rows)[1].values, (std::vector<std::string>{"B", "two\nlines"}));
    EXPECT_EQ((*rows)[1].line, 3);
    EXPECT_EQ((*rows)[2].values, (std::vector<std::string>{"A", "three"}));
    std::string next_line;
    std::getline(again, next_line);
    EXPECT_EQ(next_line, "A,one") << "the stream is back where it was";

    // The file changed since: the bytes no longer hold the record.
    EXPECT_FALSE(rereader.read({row_ref{records[1].offset + 1, static_cast<std::uint32_t>(records[1].length), 2}}));
    EXPECT_FALSE(rereader.read({row_ref{csv.size() - 2, 40, 9}}));
}

}  // namespace
}  // namespace closeplan::batch
