// SPDX-License-Identifier: MIT
// Hostile input: every file in tests/hostile/ (and a few generated ones) rendered by the real binary.
//
// Each file starts with comment lines that say what must happen:
//   # expect: ok          renders (exit 0); the HTML and Markdown pass the safety checks below
//   # expect: clean       either renders safely (exit 0) or is refused with located errors (exit 4)
//   # expect: 4 CODE      refused (exit 4); every error is located and its code starts with CODE
//   # error-count: N      with "4": exactly N errors
//   # error-at: L:C       with "4": the first error is at line L, column C
//   # html-contains: TEXT / html-lacks: TEXT / md-contains: TEXT / md-lacks: TEXT
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "harness.hpp"

namespace fs = std::filesystem;
using namespace closeplan::testing;

namespace {

struct expectations {
    std::string kind = "ok";  // ok | clean | reject
    std::string code_prefix;
    int error_count = -1;
    std::string error_at;
    std::vector<std::string> html_contains, html_lacks, md_contains, md_lacks;
};

expectations read_expectations(const std::string& text) {
    expectations e;
    for (const auto& line : split_lines(text)) {
        if (line.rfind("# ", 0) != 0) break;
        const auto colon = line.find(": ");
        if (colon == std::string::npos) continue;
        const auto key = line.substr(2, colon - 2);
        const auto value = line.substr(colon + 2);
        if (key == "expect") {
            if (value == "ok" || value == "clean") {
                e.kind = value;
            } else {
                e.kind = "reject";
                const auto space = value.find(' ');
                e.code_prefix = space == std::string::npos ? "" : value.substr(space + 1);
            }
        } else if (key == "error-count") e.error_count = std::stoi(value);
        else if (key == "error-at") e.error_at = value;
        else if (key == "html-contains") e.html_contains.push_back(value);
        else if (key == "html-lacks") e.html_lacks.push_back(value);
        else if (key == "md-contains") e.md_contains.push_back(value);
        else if (key == "md-lacks") e.md_lacks.push_back(value);
    }
    return e;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

// Control characters a terminal or a browser could act on; tab, LF and CR are ordinary.
std::vector<std::string> control_character_problems(std::string_view text, std::string_view what) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c1) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", c1 ? static_cast<unsigned char>(text[i + 1]) : c);
            const auto from = i < 40 ? 0 : i - 40;
            std::string context(text.substr(from, 80));
            for (auto& ch : context)
                if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) ch = '?';
            return {std::string(what) + " contains control character " + code + " at byte " + std::to_string(i) +
                    ", in: " + context};
        }
    }
    return {};
}

// Decodes the character references a browser would, so "jav&#x61;script:" is seen as "javascript:".
std::string decode_attribute(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '&') {
            const auto semi = value.find(';', i);
            if (semi != std::string_view::npos && semi - i < 12) {
                const auto entity = std::string(value.substr(i + 1, semi - i - 1));
                long code = -1;
                if (!entity.empty() && entity[0] == '#')
                    code = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X')
                               ? std::strtol(entity.c_str() + 2, nullptr, 16)
                               : std::strtol(entity.c_str() + 1, nullptr, 10);
                else if (entity == "colon") code = ':';
                else if (entity == "amp") code = '&';
                else if (entity == "tab") code = '\t';
                else if (entity == "newline") code = '\n';
                if (code > 0 && code < 128) {
                    out += static_cast<char>(code);
                    i = semi;
                    continue;
                }
            }
        }
        out += value[i];
    }
    std::string compact;
    for (const char ch : out)
        if (static_cast<unsigned char>(ch) > 0x20) compact += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return compact;
}

std::vector<std::string> html_problems(const std::string& html) {
    std::vector<std::string> problems;
    const std::string low = lower(html);
    for (const char* tag : {"<script", "<img", "<iframe", "<object", "<embed", "<form", "<base", "<frame",
                            "<audio", "<video", "<details", "<math", "<link"}) {
        if (low.find(tag) != std::string::npos) problems.push_back(std::string("raw tag ") + tag + " in HTML");
    }
    // Scan every start tag and its attributes.
    static const std::regex tag_re(R"(<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>)");
    static const std::regex attr_re(R"(([^\s/>=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag_re); it != std::sregex_iterator(); ++it) {
        const std::string tag = lower((*it)[1].str());
        const std::string attributes = (*it)[2].str();
        for (auto a = std::sregex_iterator(attributes.begin(), attributes.end(), attr_re); a != std::sregex_iterator(); ++a) {
            const std::string name = lower((*a)[1].str());
            std::string value = (*a)[2].str();
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
            if (name.rfind("on", 0) == 0) problems.push_back("<" + tag + "> has event handler attribute " + name);
            const std::string decoded = decode_attribute(value);
            if ((name == "href" || name == "src" || name == "action" || name == "formaction" || name == "xlink:href") &&
                (decoded.rfind("javascript:", 0) == 0 || decoded.rfind("vbscript:", 0) == 0 ||
                 decoded.rfind("data:", 0) == 0))
                problems.push_back("<" + tag + "> " + name + "=\"" + value + "\"");
            if (name == "style" && (decoded.find("javascript:") != std::string::npos ||
                                    decoded.find("expression(") != std::string::npos))
                problems.push_back("<" + tag + "> style=\"" + value + "\"");
        }
    }
    static const std::regex plain_heading(R"(<h[1-6][^>]*>\s*PLAIN-HEADING)");
    if (std::regex_search(html, plain_heading)) problems.push_back("a plain-text field became an HTML heading");
    return problems;
}

std::vector<std::string> markdown_problems(const std::string& md) {
    std::vector<std::string> problems;
    const auto lines = split_lines(md);
    static const std::regex raw_html(R"((^|[^\\`])<[A-Za-z!/?])");
    static const std::regex js_link(R"((\]\(\s*<?\s*|\]:\s*<?|<)(javascript|vbscript|data):)", std::regex::icase);
    static const std::regex plain_heading(R"(^ {0,3}#{1,6}[ \t]+PLAIN-HEADING)");
    std::size_t table_columns = 0;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const auto& line = lines[n];
        const std::string where = "Markdown line " + std::to_string(n + 1) + ": " + line.substr(0, 120);
        if (std::regex_search(line, raw_html)) problems.push_back("raw HTML in " + where);
        if (std::regex_search(line, js_link)) problems.push_back("script link in " + where);
        if (std::regex_search(line, plain_heading)) problems.push_back("a plain-text field became a heading in " + where);
        // A table row must have as many unescaped pipes as its table's header row.
        if (line.rfind('|', 0) == 0) {
            std::size_t pipes = 0;
            bool in_code = false;
            for (std::size_t i = 0; i < line.size(); ++i) {
                if (line[i] == '\\') ++i;
                else if (line[i] == '`') in_code = !in_code;
                else if (line[i] == '|') ++pipes;
            }
            if (table_columns == 0) table_columns = pipes;
            else if (pipes != table_columns) problems.push_back("table row has " + std::to_string(pipes) +
                                                                " pipes instead of " + std::to_string(table_columns) +
                                                                " in " + where);
        } else {
            table_columns = 0;
        }
    }
    return problems;
}

struct hostile_case {
    std::string name;
    fs::path file;
};

// gtest prints parameters in failure lines; show the file, not its bytes.
void PrintTo(const hostile_case& c, std::ostream* out) { *out << c.file.filename().string(); }

std::vector<hostile_case> hostile_files() {
    std::vector<hostile_case> cases;
    for (const auto& entry : fs::directory_iterator(CLOSEPLAN_HOSTILE_DIR)) {
        const auto ext = entry.path().extension();
        if (ext != ".yaml" && ext != ".json") continue;
        std::string name = entry.path().stem().string();
        std::replace(name.begin(), name.end(), '-', '_');
        cases.push_back({name, entry.path()});
    }
    std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return cases;
}

std::string regex_literal(const std::string& text) {
    return std::regex_replace(text, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

// Renders one plan file to HTML and Markdown and checks what came out against its expectations.
void check_plan(const fs::path& file, const expectations& expect) {
    temp_dir out("closeplan-hostile");
    run_options run;
    run.cwd = file.parent_path();
    run.timeout_seconds = 120;
    const std::string name = file.filename().string();
    const auto result = run_process(
        {CLOSEPLAN_BINARY, "render", name, "-f", "html,md,pdf", "-o", out.path().string()}, run);

    SCOPED_TRACE("closeplan render " + name + "\nstderr:\n" + result.err.substr(0, 4000));
    ASSERT_FALSE(result.timed_out) << "closeplan did not finish";
    ASSERT_LT(result.exit_code, 128) << "closeplan was killed by a signal (a crash)";
    EXPECT_EQ(result.err.find("Sanitizer"), std::string::npos) << "sanitizer report";
    EXPECT_EQ(result.err.find("runtime error:"), std::string::npos) << "undefined behaviour report";
    EXPECT_NE(result.exit_code, 70) << "internal error";
    for (const auto& problem : control_character_problems(result.err, "stderr")) ADD_FAILURE() << problem;

    // Every diagnostic, warnings included, must point at its place in the file.
    const std::regex any_located("^" + regex_literal(name) + R"(:\d+:\d+: (error|warning|note)\[)");
    for (const auto& line : split_lines(result.err)) {
        if (line.rfind("  hint: ", 0) == 0 || line.empty()) continue;
        // Layout warnings (the page was condensed, a character has no glyph, a text was cut to
        // a third of the page) are about the whole output: they name the plan's file, with no
        // line or column (O536 quotes the start of each text it cut).
        if (line.rfind(name + ": warning[O51", 0) == 0 || line.rfind(name + ": warning[O536]", 0) == 0) continue;
        if (!std::regex_search(line, any_located)) ADD_FAILURE() << "diagnostic without file:line:column: " << line;
    }

    const bool rendered = result.exit_code == 0;
    if (expect.kind == "ok") {
        ASSERT_EQ(result.exit_code, 0) << "the plan must render";
    } else if (expect.kind == "reject") {
        ASSERT_EQ(result.exit_code, 4) << "the plan must be refused";
    } else {
        ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 4) << "exit " << result.exit_code;
    }

    if (!rendered) {
        EXPECT_TRUE(fs::is_empty(out.path())) << "a refused plan must not leave output files";
        int errors = 0;
        bool first = true;
        const std::regex located("^" + regex_literal(name) + R"(:(\d+):(\d+): error\[([A-Z][0-9]{3})\]: .+)");
        for (const auto& line : split_lines(result.err)) {
            if (line.find("error[") == std::string::npos) continue;
            ++errors;
            std::smatch m;
            if (!std::regex_match(line, m, located)) {
                ADD_FAILURE() << "error without file:line:column: " << line;
                continue;
            }
            if (!expect.code_prefix.empty()) {
                EXPECT_EQ(m[3].str().rfind(expect.code_prefix, 0), 0u) << "expected code " << expect.code_prefix << ": " << line;
            }
            if (first && !expect.error_at.empty()) {
                EXPECT_EQ(m[1].str() + ":" + m[2].str(), expect.error_at) << line;
            }
            first = false;
        }
        EXPECT_GT(errors, 0) << "exit 4 without an error diagnostic";
        if (expect.error_count >= 0) {
            EXPECT_EQ(errors, expect.error_count);
        }
        return;
    }

    const std::string stem = file.stem().string();
    const auto html_path = out.path() / (stem + ".html");
    const auto md_path = out.path() / (stem + ".md");
    ASSERT_TRUE(fs::exists(html_path));
    ASSERT_TRUE(fs::exists(md_path));
    const std::string html = read_file(html_path);
    const std::string md = read_file(md_path);
    const auto pdf_path = out.path() / (stem + ".pdf");
    ASSERT_TRUE(fs::exists(pdf_path));
    const auto checked = run_process({"/usr/bin/qpdf", "--check", pdf_path.string()});
    EXPECT_EQ(checked.exit_code, 0) << "qpdf --check:\n" << checked.out << checked.err;
    const auto uncompressed = run_process({"/usr/bin/qpdf", "--qdf", "--object-streams=disable", pdf_path.string(), "-"});
    for (const char* scheme : {"(javascript:", "(JavaScript:", "/JavaScript", "/JS ", "(data:", "(file:"})
        EXPECT_EQ(uncompressed.out.find(scheme), std::string::npos) << "the PDF holds " << scheme;
    EXPECT_TRUE(valid_utf8(html)) << "HTML is not valid UTF-8";
    EXPECT_TRUE(valid_utf8(md)) << "Markdown is not valid UTF-8";
    for (const auto& problem : control_character_problems(html, "HTML")) ADD_FAILURE() << problem;
    for (const auto& problem : control_character_problems(md, "Markdown")) ADD_FAILURE() << problem;
    for (const auto& problem : html_problems(html)) ADD_FAILURE() << problem;
    for (const auto& problem : markdown_problems(md)) ADD_FAILURE() << problem;
    for (const auto& text : expect.html_contains) EXPECT_NE(html.find(text), std::string::npos) << "HTML lacks " << text;
    for (const auto& text : expect.html_lacks) EXPECT_EQ(html.find(text), std::string::npos) << "HTML has " << text;
    for (const auto& text : expect.md_contains) EXPECT_NE(md.find(text), std::string::npos) << "Markdown lacks " << text;
    for (const auto& text : expect.md_lacks) EXPECT_EQ(md.find(text), std::string::npos) << "Markdown has " << text;
}

class hostile_file : public ::testing::TestWithParam<hostile_case> {};

TEST_P(hostile_file, renders_safely_or_fails_cleanly) {
    const auto& file = GetParam().file;
    check_plan(file, read_expectations(read_file(file)));
}

INSTANTIATE_TEST_SUITE_P(hostile, hostile_file, ::testing::ValuesIn(hostile_files()),
                         [](const auto& param_info) { return param_info.param.name; });

// Inputs too big to keep in the repository are written on the fly.
const char* small_plan_tail = R"(as_of: 2026-05-04
target_close: 2026-06-30
stakeholders:
  - { id: b, name: Bea Buyer, title: CFO, side: buyer, role: economic_buyer }
  - { id: s, name: Sal Seller, title: Account Executive, side: seller, role: account_executive }
sign_off: { buyer: b, seller: s }
)";

TEST(hostile_generated, huge_field_and_long_words_render) {
    temp_dir dir("closeplan-hostile-gen");
    const std::string long_word(3000, 'W');
    std::string notes;
    while (notes.size() < 200 * 1024) notes += "Lorem <b>ipsum</b> dolor sit amet " + std::string(40, 'x') + " ";
    std::string plan = "closeplan: 1\ndeal: { name: Deal " + long_word + ", buyer: B, seller: S }\n" + small_plan_tail +
                       "milestones:\n  - { id: m1, title: " + long_word + ", owner: both, due: 2026-06-30 }\n" +
                       "notes: \"" + notes + "\"\n";
    write_file(dir.path() / "huge-field.yaml", plan);
    check_plan(dir.path() / "huge-field.yaml", {});
}

TEST(hostile_generated, oversized_file_is_refused) {
    temp_dir dir("closeplan-hostile-gen");
    std::string plan = "closeplan: 1\ndeal: { name: Big, buyer: B, seller: S }\n" + std::string(small_plan_tail) + "notes: |\n";
    while (plan.size() < 5 * 1024 * 1024) plan += "  " + std::string(100, 'z') + "\n";
    write_file(dir.path() / "oversized.yaml", plan);
    temp_dir out("closeplan-hostile");
    run_options run;
    run.cwd = dir.path();
    const auto result = run_process({CLOSEPLAN_BINARY, "check", "oversized.yaml"}, run);
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("oversized.yaml"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("error[L105]"), std::string::npos) << result.err;
}

TEST(hostile_generated, deep_nesting_is_refused) {
    temp_dir dir("closeplan-hostile-gen");
    std::string plan = "closeplan: 1\nnotes: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    write_file(dir.path() / "deep.yaml", plan);
    expectations expect;
    expect.kind = "reject";
    expect.code_prefix = "L1";
    check_plan(dir.path() / "deep.yaml", expect);
}

TEST(hostile_generated, many_milestones_do_not_crash) {
    temp_dir dir("closeplan-hostile-gen");
    std::string plan = "closeplan: 1\ndeal: { name: Many, buyer: B, seller: S }\n" + std::string(small_plan_tail) + "milestones:\n";
    for (int i = 0; i < 2000; ++i)
        plan += "  - { id: m" + std::to_string(i) + ", title: Step " + std::to_string(i) +
                ", owner: both, due: 2026-06-30" + (i > 0 ? ", depends_on: [m" + std::to_string(i - 1) + "]" : "") + " }\n";
    write_file(dir.path() / "many.yaml", plan);
    expectations expect;
    expect.kind = "clean";
    check_plan(dir.path() / "many.yaml", expect);
}

TEST(hostile_generated, checks_catch_what_they_should) {
    // The checks above must be able to fail, or they prove nothing.
    EXPECT_FALSE(html_problems("<p><script>alert(1)</script></p>").empty());
    EXPECT_FALSE(html_problems(R"x(<a href=" jav&#x61;script:alert(1)">x</a>)x").empty());
    EXPECT_FALSE(html_problems(R"(<p onclick="x">y</p>)").empty());
    EXPECT_FALSE(html_problems("<h2>PLAIN-HEADING x</h2>").empty());
    EXPECT_TRUE(html_problems(R"(<p>&lt;script&gt; "onerror=" <a href="https://ok.example/">ok</a></p>)").empty());
    EXPECT_FALSE(markdown_problems("text <b>bold</b>\n").empty());
    EXPECT_FALSE(markdown_problems("[x](javascript:alert(1))\n").empty());
    EXPECT_FALSE(markdown_problems("# PLAIN-HEADING\n").empty());
    EXPECT_FALSE(markdown_problems("| a | b |\n|---|---|\n| x | y | z |\n").empty());
    EXPECT_TRUE(markdown_problems("| a | b |\n|---|---|\n| x \\| y | z |\n\\<b\\> and `<b>`\n").empty());
    EXPECT_FALSE(control_character_problems("a\x1b[31m", "x").empty());
    EXPECT_FALSE(control_character_problems("a\xc2\x9b", "x").empty());
    EXPECT_FALSE(valid_utf8("\xc0\xaf\x80"));
}

}  // namespace
