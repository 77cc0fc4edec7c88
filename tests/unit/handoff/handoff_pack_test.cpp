// SPDX-License-Identifier: MIT
// The handoff pack's diagnostics name the plan's file, also those of the layout and writers (O511).
#include <gtest/gtest.h>

#include <string>

#include "handoff/handoff_pack.hpp"
#include "model/dates.hpp"

namespace closeplan::handoff {
namespace {

TEST(HandoffPack, CharactersNoFontCanPaintAreReportedAgainstThePlansFile) {
    pipeline::render_request request;
    request.plan.path = "emoji.yaml";
    request.plan.text = "closeplan: 1\ndeal: { name: \"Pilot \xF0\x9F\x8E\x89\" }\ntarget_close: 2026-06-30\n"
                        "milestones: []\n";
    request.today = *model::parse_iso_date("2026-05-04");
    diagnostic_sink diags;
    const auto files = build_pack(request, {}, diags);
    ASSERT_FALSE(files.empty());
    bool found = false;
    for (const auto& d : diags.all()) {
        EXPECT_EQ(d.where.file, "emoji.yaml") << d.code << " " << d.message;
        found = found || d.code == "O511";
    }
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace closeplan::handoff
