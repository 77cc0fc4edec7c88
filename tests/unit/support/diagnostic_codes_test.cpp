// SPDX-License-Identifier: MIT
// The one table of diagnostic codes against the source and the docs: every
// code used in src/ has a row, every row is used, a call's severity agrees
// with the row's, and docs/diagnostics.md has exactly one anchored row per
// code, with the exit code its stage's row promises.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/diagnostic_codes.hpp"

namespace closeplan {
namespace {

namespace fs = std::filesystem;

const fs::path root{CLOSEPLAN_SOURCE_DIR};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A code written as a string literal in the source: "V203".
struct code_use {
    std::string code;
    std::string where;  ///< src/validate/fields.cpp:120
    std::string call;   ///< "error", "warning", "note" when the literal is the code of such a call; "" otherwise
};

/// Every code literal in src/ and include/, except the table's own file.
std::vector<code_use> code_uses() {
    // The literal, and what reports it when that is plain: `.warning("O501"`, `severity::error, "O520"`.
    static const std::regex literal(R"re((?:\.(error|warning|note)\(\s*|severity::(error|warning|note),\s*)?"([A-Z][0-9]{3})")re");
    std::vector<code_use> uses;
    for (const auto* folder : {"src", "include"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
            if (entry.path().filename() == "diagnostic_codes.cpp") continue;
            const auto text = read(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
                const auto line = 1 + std::count(text.begin(), text.begin() + it->position(), '\n');
                const std::string call = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
                uses.push_back({(*it)[3].str(), fs::relative(entry.path(), root).string() + ":" + std::to_string(line), call});
            }
        }
    }
    return uses;
}

TEST(diagnostic_codes, every_code_used_in_src_has_a_row) {
    const auto uses = code_uses();
    ASSERT_GT(uses.size(), 100u) << "the scan found too few codes; did the source move?";
    for (const auto& use : uses)
        EXPECT_NE(find_code_info(use.code), nullptr)
            << use.where << ": code " << use.code << " has no row in src/support/diagnostic_codes.cpp";
}

TEST(diagnostic_codes, every_row_is_used_in_src) {
    std::set<std::string> used;
    for (const auto& use : code_uses()) used.insert(use.code);
    for (const auto& info : diagnostic_codes())
        EXPECT_TRUE(used.count(std::string(info.code)))
            << info.code << " is in the table but no file in src/ reports it: remove the row (codes are never reused)";
}

TEST(diagnostic_codes, a_reporting_call_has_the_rows_severity) {
    // A warning call with an error-only code (or the reverse) is usually a
    // second meaning given to a code. Notes follow another diagnostic and may
    // carry any code.
    for (const auto& use : code_uses()) {
        const auto* info = find_code_info(use.code);
        if (!info || use.call.empty() || use.call == "note") continue;
        const bool both = info->severity == code_severity::error_or_warning;
        if (use.call == "error")
            EXPECT_TRUE(both || info->severity == code_severity::error) << use.where << ": " << use.code << " reported as an error";
        if (use.call == "warning")
            EXPECT_TRUE(both || info->severity == code_severity::warning) << use.where << ": " << use.code << " reported as a warning";
    }
}

TEST(diagnostic_codes, summaries_are_one_line_and_anchors_name_a_doc) {
    for (const auto& info : diagnostic_codes()) {
        EXPECT_FALSE(info.summary.empty()) << info.code;
        EXPECT_EQ(info.summary.find('\n'), std::string_view::npos) << info.code;
        EXPECT_TRUE(info.anchor.starts_with("diagnostics.md#") || info.anchor.starts_with("health.md#")) << info.code;
        // The exit class follows the stage, except for bugs (70) and the ranges that have two.
        const char stage = info.code[0];
        const auto exit = info.exit;
        if (exit == exit_class::internal) continue;
        if (stage == 'A') EXPECT_EQ(exit, exit_class::usage) << info.code;
        if (stage == 'T') EXPECT_EQ(exit, exit_class::template_error) << info.code;
        if (stage == 'O') EXPECT_EQ(exit, exit_class::output_error) << info.code;
        if (std::string_view("LVRPC").find(stage) != std::string_view::npos)
            EXPECT_EQ(exit, exit_class::invalid_input) << info.code;
    }
}

/// GitHub's anchor for a heading: lower case, spaces to '-', punctuation but '-' and '_' dropped.
std::string heading_slug(const std::string& heading) {
    std::string slug;
    for (unsigned char c : heading) {
        if (std::isalnum(c) || c == '-' || c == '_') slug.push_back(static_cast<char>(std::tolower(c)));
        else if (c == ' ') slug.push_back('-');
        else if (c >= 0x80) slug.push_back(static_cast<char>(c));
    }
    return slug;
}

/// Every anchor a doc page offers: its headings' slugs and its `<a id="...">` tags.
std::set<std::string> anchors_of(const std::string& page) {
    std::set<std::string> anchors;
    std::istringstream in(read(root / "docs" / page));
    static const std::regex tag(R"re(<a id="([^"]+)"></a>)re");
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("#")) anchors.insert(heading_slug(line.substr(line.find_first_not_of('#'))).substr(1));
        for (std::sregex_iterator it(line.begin(), line.end(), tag), end; it != end; ++it)
            EXPECT_TRUE(anchors.insert((*it)[1]).second) << "docs/" << page << ": anchor " << (*it)[1] << " twice";
    }
    return anchors;
}

TEST(diagnostic_codes, every_anchor_leads_to_its_code) {
    const std::map<std::string, std::set<std::string>> pages{{"diagnostics.md", anchors_of("diagnostics.md")},
                                                             {"health.md", anchors_of("health.md")}};
    for (const auto& info : diagnostic_codes()) {
        const std::string anchor(info.anchor);
        const auto hash = anchor.find('#');
        const auto page = pages.find(anchor.substr(0, hash));
        ASSERT_NE(page, pages.end()) << info.code;
        const auto id = anchor.substr(hash + 1);
        EXPECT_TRUE(page->second.count(id)) << info.code << ": docs/" << anchor << " does not exist";
        // A health rule's anchor is its heading "H801 `seller-heavy`"; any other is the code itself.
        std::string lower(info.code);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_TRUE(id == info.code || id.starts_with(lower + "-")) << info.code << ": anchor " << anchor;
    }
}

TEST(diagnostic_codes, diagnostics_md_has_one_row_per_code_and_no_other) {
    // Rows of the code tables: "| <a id="V203"></a>V203 | example | fix |", and one range row for the health rules.
    static const std::regex row(R"re(^\| (?:<a id="([^"]*)"></a>)?([ALVRTOPBHC][0-9]{3})(?:-([ALVRTOPBHC][0-9]{3}))? \|)re");
    std::map<std::string, int> rows;
    std::istringstream in(read(root / "docs" / "diagnostics.md"));
    bool in_codes = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("## ")) in_codes = line == "## Codes";
        std::smatch m;
        if (!in_codes || !std::regex_search(line, m, row)) continue;
        if (m[3].matched) {  // "H801-H820": each code in it must be a row of the table that points to health.md
            for (const auto& info : diagnostic_codes())
                if (info.code >= m[2].str() && info.code <= m[3].str()) {
                    EXPECT_TRUE(info.anchor.starts_with("health.md#")) << info.code;
                    ++rows[std::string(info.code)];
                }
            continue;
        }
        EXPECT_EQ(m[1].str(), m[2].str()) << "the row of " << m[2] << " needs the anchor <a id=\"" << m[2] << "\"></a>";
        EXPECT_NE(find_code_info(m[2].str()), nullptr)
            << "docs/diagnostics.md documents " << m[2] << ", which src/support/diagnostic_codes.cpp lacks";
        ++rows[m[2].str()];
    }
    for (const auto& info : diagnostic_codes())
        EXPECT_EQ(rows[std::string(info.code)], 1) << info.code << " must have exactly one row in docs/diagnostics.md";
}

TEST(diagnostic_codes, exit_codes_agree_with_the_stage_table_of_the_docs) {
    // "| O5xx | writing output | 6 |": the last cell names every exit code the stage's codes can lead to.
    static const std::regex stage_row(R"re(^\| ([ALVRTOPBHC])[0-9]xx \|.*\| ([^|]+) \|$)re");
    std::map<char, std::string> exits;
    std::istringstream in(read(root / "docs" / "diagnostics.md"));
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, stage_row)) exits[m[1].str()[0]] = m[2].str();
    }
    ASSERT_EQ(exits.size(), 10u) << "the stage table of docs/diagnostics.md has changed shape";
    static const std::regex number("[0-9]+");
    for (const auto& info : diagnostic_codes()) {
        if (info.exit == exit_class::internal) continue;  // a bug, documented with its code
        const auto& cell = exits[info.code[0]];
        std::set<int> listed;
        for (std::sregex_iterator it(cell.begin(), cell.end(), number), end; it != end; ++it)
            listed.insert(std::stoi(it->str()));
        EXPECT_TRUE(listed.count(static_cast<int>(info.exit)))
            << info.code << " exits " << static_cast<int>(info.exit) << " but its stage row says `" << cell << "`";
    }
}

}  // namespace
}  // namespace closeplan
