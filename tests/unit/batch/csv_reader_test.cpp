// SPDX-License-Identifier: MIT
// CSV records as real CRM exports carry them, read with libcsv.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "batch/csv_reader.hpp"

namespace closeplan::batch {
namespace {

std::vector<csv_record> read_all(const std::string& text, char separator = 0) {
    std::istringstream in(text);
    csv_reader reader(in, separator);
    std::vector<csv_record> out;
    csv_record r;
    while (reader.next(r)) out.push_back(r);
    return out;
}

using fields = std::vector<std::string>;

TEST(CsvReader, ByteOrderMarkCrlfAndNoFinalNewline) {
    const auto rows = read_all("\xEF\xBB\xBFName,Amount\r\nAcme,100\r\nBeta,200");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (fields{"Name", "Amount"}));
    EXPECT_EQ(rows[2].fields, (fields{"Beta", "200"}));
    EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReader, QuotedCommasQuotesAndLineBreaksKeepTheStartLine) {
    const auto rows = read_all("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].fields, (fields{"x, y", "say \"hi\""}));
    EXPECT_EQ(rows[2].fields, (fields{"two\nlines", "z"}));
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_EQ(rows[3].line, 5);
}

TEST(CsvReader, BlankLinesAreSkippedAndLinesStillCount) {
    const auto rows = read_all("a,b\n\n1,2\r\n\r\n3,4\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(rows[2].line, 5);
}

TEST(CsvReader, DetectsSemicolonsFromEuropeanSpreadsheets) {
    std::istringstream in("Name;Betrag\nAcme;\"240.000,00 \xE2\x82\xAC\"\n");
    csv_reader reader(in);
    EXPECT_EQ(reader.separator(), ';');
    csv_record r;
    ASSERT_TRUE(reader.next(r));
    ASSERT_TRUE(reader.next(r));
    EXPECT_EQ(r.fields, (fields{"Acme", "240.000,00 \xE2\x82\xAC"}));
}

TEST(CsvReader, ExcelSepLineNamesTheSeparator) {
    std::istringstream in("sep=;\na;b\n1;2\n");
    csv_reader reader(in);
    EXPECT_EQ(reader.separator(), ';');
    csv_record r;
    ASSERT_TRUE(reader.next(r));
    EXPECT_EQ(r.fields, (fields{"a", "b"}));
    EXPECT_EQ(r.line, 2);
}

TEST(CsvReader, SeparatorDetectionIgnoresQuotedText) {
    EXPECT_EQ(detect_separator("\"a;b;c\",d,e"), ',');
    EXPECT_EQ(detect_separator("a;b;c"), ';');
    EXPECT_EQ(detect_separator("a\tb\tc"), '\t');
    EXPECT_EQ(detect_separator("single"), ',');
}

std::string real_file(const std::string& name) {
    std::ifstream in(std::string(CLOSEPLAN_SOURCE_DIR) + "/tests/batch/realdata/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(CsvReader, RealSalesforceReportAllQuotedNoFinalNewline) {
    const auto rows = read_all(real_file("sf_report_export_wwwsfreport.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (fields{"Opportunity Owner", "Opportunity Owner Email", "Opportunity Name", "Amount"}));
    EXPECT_EQ(rows[2].fields, (fields{"Jane Doe", "jane@domain.com", "Huge Opp", "210456.20"}));
}

TEST(CsvReader, RealHubSpotSeedWithCrlfAndNoFinalNewline) {
    const auto rows = read_all(real_file("hubspot_deal_internal_props_fivetran.csv"));
    ASSERT_EQ(rows.size(), 45u);  // the header and 44 deals
    EXPECT_EQ(rows[0].fields.size(), 11u);
    EXPECT_EQ(rows[44].line, 45);
    EXPECT_EQ(rows[44].fields.size(), 11u);
    EXPECT_TRUE(rows[44].fields.back().find('\r') == std::string::npos);
}

TEST(CsvReader, BrokenQuotingIsReportedWithItsLineAndReadingGoesOn) {
    // The malformed report of WWW::Salesforce::Report (t/bad_report_2.csv): an unbalanced quote on line 2.
    const auto rows = read_all(real_file("sf_report_export_malformed_wwwsfreport.csv"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_FALSE(rows[1].problem.empty());
    EXPECT_TRUE(rows[2].problem.empty());
    EXPECT_EQ(rows[2].fields, (fields{"Jane Doe", "jane@domain.com", "Huge Opp", "210456.20"}));
    EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReader, UnclosedQuoteAtTheEndIsReported) {
    const auto rows = read_all("a,b\n1,\"never closed\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_NE(rows[1].problem.find("never closed"), std::string::npos);
}

TEST(CsvReader, ARecordReadAgainFromItsBytesHasTheValuesTheReaderGave) {
    // Quoted separators, doubled quotes and line breaks (LF and CRLF), blanks
    // around unquoted values, an empty last value, a BOM, no final line end.
    for (const char separator : {',', ';', '\t'}) {
        std::string text = "\xEF\xBB\xBF" "id,name,notes,\r\n"
                           "1,  Dana Ruiz ,\"says \"\"hi\"\", then\r\nleaves\",\r\n"
                           "\r\n"
                           "2,\"Lee\nPark\",\t plain\t,x\n"
                           "3,,\"\",\"last, no line end\"";
        if (separator != ',')
            for (auto& c : text)
                if (c == ',') c = separator;
        const auto records = read_all(text, separator);
        ASSERT_EQ(records.size(), 4u);
        for (const auto& r : records) {
            std::vector<std::string> values{"stale"};
            ASSERT_TRUE(record_values(std::string_view(text).substr(r.offset, r.length), separator, values)) << r.line;
            EXPECT_EQ(values, r.fields) << r.line;
        }
        // Bytes that are not one whole record: two records, half a quoted value, nothing.
        std::vector<std::string> values;
        EXPECT_FALSE(record_values("a,b\nc,d\n", separator, values));
        EXPECT_FALSE(record_values("a,\"b\n", separator, values));
        EXPECT_FALSE(record_values("", separator, values));
    }
}

TEST(CsvReader, ARecordABareCarriageReturnEndsReadsAgainAsItAlone) {
    // libcsv ends a record at a CR as at a LF: each record's bytes end at its CR, and the next
    // record's start after it, also when a quoted value after it holds a CR (fuzz finding:
    // a contacts row cut by a CR read back as two records). CRLF still ends a record whole.
    const std::string text = "a,b\rc,d\n\"x\ry\",z\r\n1,2\r\"p\rq\",3\r\n";
    const auto records = read_all(text);
    ASSERT_EQ(records.size(), 5u);
    const std::vector<std::string> bytes{"a,b\r", "c,d\n", "\"x\ry\",z\r\n", "1,2\r", "\"p\rq\",3\r\n"};
    for (std::size_t i = 0; i < records.size(); ++i) {
        EXPECT_EQ(text.substr(records[i].offset, records[i].length), bytes[i]) << i;
        std::vector<std::string> values;
        ASSERT_TRUE(record_values(bytes[i], ',', values)) << i;
        EXPECT_EQ(values, records[i].fields) << i;
    }
    EXPECT_EQ(records[2].fields, (std::vector<std::string>{"x\ry", "z"}));
    EXPECT_EQ(records[4].line, 3);
}

TEST(CsvReader, ABareCarriageReturnBeforeTheLastByteOfTheFileEndsItsRecordToo) {
    // The second fuzz finding: the file's last line has no line end, and a CR one byte before its end.
    const std::string text = "a,b\nc,D\rT";
    const auto records = read_all(text);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(text.substr(records[1].offset, records[1].length), "c,D\r");
    EXPECT_EQ(text.substr(records[2].offset, records[2].length), "T");
    for (const auto& r : records) {
        std::vector<std::string> values;
        ASSERT_TRUE(record_values(std::string_view(text).substr(r.offset, r.length), ',', values)) << r.line;
        EXPECT_EQ(values, r.fields) << r.line;
    }
}

TEST(CsvReader, EmptyInputHasNoRecords) { EXPECT_TRUE(read_all("").empty()); }

TEST(CsvReader, InvalidUtf8BytesArePassedOnUntouched) {
    const auto rows = read_all("a\nJos\xE9\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields, (fields{"Jos\xE9"}));
}

TEST(CsvReader, ALineOverTheRowLimitIsReportedAndSkippedToItsEnd) {
    const std::string huge(max_record_bytes + 100000, 'x');
    const auto rows = read_all("a,b\n" + huge + ",1\nnext,2\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_TRUE(rows[1].over_limit);
    EXPECT_TRUE(rows[1].fields.empty());
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_NE(rows[1].problem.find("line 2 is 8488610 bytes; a row may hold at most 8388608"), std::string::npos)
        << rows[1].problem;
    EXPECT_EQ(rows[2].fields, (fields{"next", "2"}));
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_EQ(rows[2].offset, 4 + huge.size() + 3);
}

TEST(CsvReader, AQuotedValueWhoseLinesGoOnPastTheRowLimitIsCutOff) {
    std::string text = "a,b\n\"";
    const std::string line(1000, 'y');
    while (text.size() < max_record_bytes + 10000) text += line + "\n";
    const auto rows = read_all(text);
    ASSERT_GE(rows.size(), 2u);
    EXPECT_TRUE(rows[1].over_limit);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_NE(rows[1].problem.find("the row from line 2 is longer than 8388608 bytes"), std::string::npos);
}

TEST(CsvReader, AValueOverTheFieldLimitIsDroppedAndReported) {
    const std::string big(max_field_bytes + 1, 'v');
    const auto rows = read_all("a,b,c\nx,\"" + big + "\",z\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[1].over_limit);
    EXPECT_EQ(rows[1].fields, (fields{"x", "", "z"}));
    EXPECT_NE(rows[1].problem.find("value 2 is 131073 bytes; a value may hold at most 131072"), std::string::npos);
    const auto fits = read_all("a\n" + std::string(max_field_bytes, 'v') + "\n");
    EXPECT_FALSE(fits[1].over_limit);
    EXPECT_EQ(fits[1].fields[0].size(), max_field_bytes);
}

}  // namespace
}  // namespace closeplan::batch
