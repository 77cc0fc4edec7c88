// SPDX-License-Identifier: MIT
// .xlsx exports as rows: cell references, date serials in both date systems,
// date formats, shared and inline strings, and the limits that refuse a workbook.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "batch/xlsx_reader.hpp"

namespace closeplan::batch {
namespace {

const std::string fixtures = std::string(CLOSEPLAN_SOURCE_DIR) + "/tests/cli/fixtures/batch/";

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::unique_ptr<xlsx_workbook> open_fixture(const std::string& name) {
    auto opened = xlsx_workbook::open(read(fixtures + name));
    if (auto* why = std::get_if<std::string>(&opened)) ADD_FAILURE() << *why;
    auto* book = std::get_if<std::unique_ptr<xlsx_workbook>>(&opened);
    return book ? std::move(*book) : nullptr;
}

std::vector<csv_record> all_rows(record_source& rows) {
    std::vector<csv_record> out;
    csv_record r;
    while (rows.next(r)) out.push_back(r);
    return out;
}

TEST(XlsxReader, CellReferencesAndColumnLetters) {
    EXPECT_EQ(column_of_reference("A1"), 0u);
    EXPECT_EQ(column_of_reference("C12"), 2u);
    EXPECT_EQ(column_of_reference("AA3"), 26u);
    EXPECT_EQ(column_of_reference("XFD1"), 16383u);
    EXPECT_EQ(column_of_reference("ABCD1"), std::nullopt);
    EXPECT_EQ(column_of_reference("12"), std::nullopt);
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(16383), "XFD");
}

TEST(XlsxReader, SerialNumbersInBothDateSystems) {
    EXPECT_EQ(serial_to_date_text(46203, false), "2026-06-30");
    EXPECT_EQ(serial_to_date_text(1, false), "1900-01-01");
    EXPECT_EQ(serial_to_date_text(59, false), "1900-02-28");
    EXPECT_EQ(serial_to_date_text(60, false), std::nullopt) << "Lotus's February 29, 1900";
    EXPECT_EQ(serial_to_date_text(61, false), "1900-03-01");
    EXPECT_EQ(serial_to_date_text(46203.354166666664, false), "2026-06-30 08:30");
    EXPECT_EQ(serial_to_date_text(46203.9999999, false), "2026-07-01");
    EXPECT_EQ(serial_to_date_text(44741, true), "2026-06-30");
    EXPECT_EQ(serial_to_date_text(0, false), std::nullopt);
    EXPECT_EQ(serial_to_date_text(1e12, false), std::nullopt);
}

TEST(XlsxReader, DateFormats) {
    EXPECT_TRUE(is_date_format(14, ""));
    EXPECT_TRUE(is_date_format(22, ""));
    EXPECT_FALSE(is_date_format(0, ""));
    EXPECT_FALSE(is_date_format(4, ""));  // #,##0.00
    EXPECT_TRUE(is_date_format(164, "m/d/yyyy"));
    EXPECT_TRUE(is_date_format(164, "[$-409]dd\\ mmmm\\ yyyy"));
    EXPECT_FALSE(is_date_format(165, "\"$\"#,##0.00"));
    EXPECT_FALSE(is_date_format(166, "[h]:mm:ss")) << "a duration is not a date";
    EXPECT_FALSE(is_date_format(167, "0.00\" days\"")) << "quoted text is not a format";
    EXPECT_FALSE(is_date_format(168, "[Red]0.00"));
}

TEST(XlsxReader, TheTwinOfACsvExportGivesTheSameValues) {
    // openpyxl's workbook: shared strings, date cells (m/d/yyyy and d-mmm-yy), number cells.
    auto book = open_fixture("us-twin.xlsx");
    ASSERT_TRUE(book);
    EXPECT_EQ(book->sheet_names(), std::vector<std::string>{"Opportunities"});
    auto rows = all_rows(*book->rows(0));
    std::ifstream csv(fixtures + "us-twin.csv");
    std::vector<std::vector<std::string>> expected;
    for (std::string line; std::getline(csv, line);) {
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (auto comma = line.find(','); ; comma = line.find(',', from)) {
            fields.push_back(line.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
            if (comma == std::string::npos) break;
            from = comma + 1;
        }
        expected.push_back(fields);
    }
    ASSERT_EQ(rows.size(), expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].line, static_cast<int>(i + 1)) << "the sheet's row number";
        auto fields = rows[i].fields;
        fields.resize(expected[i].size());  // empty trailing cells are not written
        EXPECT_EQ(fields, expected[i]) << "row " << i + 1;
    }
}

TEST(XlsxReader, InlineStringsThe1904SystemAndASecondSheet) {
    auto book = open_fixture("inline-1904.xlsx");
    ASSERT_TRUE(book);
    EXPECT_EQ(book->sheet_names(), (std::vector<std::string>{"Notes", "Deals"}));
    auto rows = all_rows(*book->rows(1));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 3) << "row 2 is missing from the sheet: row numbers are Excel's";
    EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"Claims platform", "Northwind Health", "2026-06-30", "240000", "X-1"}));
    EXPECT_EQ(rows[2].fields[2], "2026-11-30 12:00");
    EXPECT_EQ(rows[2].fields[3], "48715.200000000004");
    auto notes = all_rows(*book->rows(0));
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].fields, std::vector<std::string>{"Read me first"});
}

TEST(XlsxReader, HostileWorkbooksAreRefusedWithAReason) {
    auto why_not = [](const std::string& name) -> std::string {
        auto opened = xlsx_workbook::open(read(fixtures + name));
        if (auto* why = std::get_if<std::string>(&opened)) return *why;
        auto rows = std::get<std::unique_ptr<xlsx_workbook>>(opened)->rows(1);
        csv_record r;
        while (rows->next(r)) {
        }
        return rows->failure();
    };
    EXPECT_EQ(why_not("not-a-workbook.xlsx"), "it has no xl/workbook.xml (is it an Excel workbook?)");
    EXPECT_EQ(why_not("bomb.xlsx"), "xl/worksheets/sheet2.xml inflates more than 200 times (a zip bomb?); it is not read");
    EXPECT_EQ(why_not("deep.xlsx"), "xl/worksheets/sheet2.xml nests elements more than 64 deep");
    EXPECT_EQ(why_not("doctype.xlsx"), "xl/worksheets/sheet2.xml has a DOCTYPE, which a workbook never has; it is not read");
    auto not_zip = xlsx_workbook::open("PK\x03\x04 but nothing else");
    ASSERT_TRUE(std::holds_alternative<std::string>(not_zip));
    EXPECT_TRUE(std::get<std::string>(not_zip).starts_with("it is not a readable zip container")) << std::get<std::string>(not_zip);
    EXPECT_TRUE(looks_like_zip(read(fixtures + "us-twin.xlsx").substr(0, 4)));
    EXPECT_FALSE(looks_like_zip("Opportunity"));
}

}  // namespace
}  // namespace closeplan::batch
