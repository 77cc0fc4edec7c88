// SPDX-License-Identifier: MIT
// The realistic sample plan through both writers: deterministic output, and files for the visual check.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "render/render.hpp"
#include "sample_document.hpp"

namespace closeplan::render {
namespace {

TEST(SampleOutput, RendersDeterministicallyWithoutDiagnostics) {
    const template_set templates;
    const style look = style::built_in();
    const render_context ctx{templates, look, {}};
    const auto doc = testing::sample_document();
    for (const auto& format : output_formats()) {
        diagnostic_sink diags;
        const std::string first = format.write(doc, ctx, diags);
        const std::string second = format.write(doc, ctx, diags);
        for (const auto& d : diags.all()) ADD_FAILURE() << format_diagnostic(d);
        ASSERT_FALSE(first.empty()) << format.name;
        EXPECT_EQ(first, second) << format.name;
        // Text formats end with one newline; a DOCX is a zip archive.
        if (format.name != "docx") {
            EXPECT_EQ(first.back(), '\n') << format.name;
            EXPECT_NE(first.substr(first.size() - 2), "\n\n") << format.name;
        }
        // For looking at the page in a browser: CLOSEPLAN_RENDER_SAMPLE_DIR=/tmp/x
        if (const char* dir = std::getenv("CLOSEPLAN_RENDER_SAMPLE_DIR")) {
            std::ofstream(std::string(dir) + "/sample." + format.extension, std::ios::binary) << first;
        }
    }
}

}  // namespace
}  // namespace closeplan::render
