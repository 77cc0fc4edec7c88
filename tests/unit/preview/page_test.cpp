// SPDX-License-Identifier: MIT
// The served page: the preview block before </body>, every untrusted text escaped.
#include <gtest/gtest.h>

#include "preview/page.hpp"

namespace closeplan::preview {
namespace {

const std::string page = "<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body>\n<main>plan</main>\n</body>\n</html>\n";

TEST(PreviewPage, BlockGoesBeforeTheLastBodyEnd) {
    snapshot state;
    state.html = page;
    state.generation = 7;
    const auto served = served_page(state, "abc123");
    const auto block = served.find("<div id=\"closeplan-preview\"");
    ASSERT_NE(block, std::string::npos);
    EXPECT_LT(served.find("<main>plan</main>"), block);
    EXPECT_LT(block, served.find("</body>"));
    EXPECT_NE(served.find("<script nonce=\"abc123\">"), std::string::npos);
    EXPECT_NE(served.find("var seen=\"7\""), std::string::npos);
    EXPECT_EQ(served.find("closeplan-preview-errors\" role"), std::string::npos);  // no errors, no overlay
}

TEST(PreviewPage, NoBodyEndAppends) {
    EXPECT_EQ(insert_before_body_end("<p>x</p>", "[B]"), "<p>x</p>[B]");
    EXPECT_EQ(insert_before_body_end("<BODY>x</BODY></body>", "[B]"), "<BODY>x</BODY>[B]</body>");
}

TEST(PreviewPage, ErrorsAreLocatedAndEscaped) {
    snapshot state;
    state.html = page;
    state.failed = true;
    state.problems.push_back({severity::error, "V203", "unknown owner \"<script>alert(1)</script>\"",
                              {"plan.yaml", 14, 9, "/milestones/2/owner"}, {"owner is buyer & seller"}});
    const auto served = served_page(state, "n");
    EXPECT_NE(served.find("plan.yaml:14:9: error[V203]"), std::string::npos);
    EXPECT_NE(served.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(served.find("owner is buyer &amp; seller"), std::string::npos);
    EXPECT_EQ(served.find("<script>alert"), std::string::npos);
    EXPECT_NE(served.find("this is the last version that rendered"), std::string::npos);
    EXPECT_NE(served.find("<main>plan</main>"), std::string::npos);  // the last good page stays under them
}

TEST(PreviewPage, NothingRenderedYet) {
    snapshot state;
    state.failed = true;
    state.problems.push_back({severity::error, "L102", "end of sequence flow not found", {"plan.yaml", 3, 1, ""}, {}});
    const auto served = served_page(state, "n");
    EXPECT_NE(served.find("nothing could be rendered yet"), std::string::npos);
    EXPECT_NE(served.find("plan.yaml:3:1: error[L102]"), std::string::npos);
    EXPECT_NE(served.find("</html>"), std::string::npos);
}

TEST(PreviewPage, FindingsAndWarningsInThePanel) {
    snapshot state;
    state.html = page;
    state.findings.push_back({"H812", "step-at-risk", severity::warning, "step <b>MSA</b> is at risk",
                              {"plan.yaml", 40, 5, "/milestones/3/due"}, "msa"});
    state.problems.push_back({severity::warning, "V213", "logo file \"x.png\" not found", {"plan.yaml", 7, 3, ""}, {}});
    const auto served = served_page(state, "n");
    EXPECT_NE(served.find("Checks: 1 finding, 1 warning"), std::string::npos);
    EXPECT_NE(served.find("plan.yaml:40:5: "), std::string::npos);
    EXPECT_NE(served.find("warning[H812]: step &lt;b&gt;MSA&lt;/b&gt; is at risk"), std::string::npos);
    EXPECT_NE(served.find("warning[V213]"), std::string::npos);
    EXPECT_NE(served.find("localStorage"), std::string::npos);  // the hidden state outlives a reload
    EXPECT_NE(served.find("panel=off"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::preview

namespace closeplan::preview {
namespace {

TEST(PreviewPage, StrictShowsWarningsOverThePage) {
    snapshot state;
    state.html = page;
    state.failed = true;
    state.strict = true;
    state.problems.push_back({severity::warning, "V208", "unknown field \"colour\"", {"plan.yaml", 7, 3, ""}, {}});
    const auto served = served_page(state, "n");
    EXPECT_NE(served.find("The plan has 1 problem;"), std::string::npos);
    EXPECT_NE(served.find("plan.yaml:7:3: warning[V208]"), std::string::npos);
    EXPECT_NE(served.find("Checks: 0 findings, 0 warnings"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::preview
