// SPDX-License-Identifier: MIT
// The public handoff API (include/closeplan/handoff.hpp): the pack and the calendar in memory,
// byte for byte what `closeplan handoff` and `closeplan ics` write (the examples' goldens are CLI output).
#include <gtest/gtest.h>

#include <closeplan/closeplan.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace {


const std::string root = std::string(CLOSEPLAN_SOURCE_DIR);

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const closeplan::pack_file* find(const closeplan::handoff_result& r, const std::string& name) {
    const auto it = std::find_if(r.files.begin(), r.files.end(), [&](const closeplan::pack_file& f) { return f.name == name; });
    return it == r.files.end() ? nullptr : &*it;
}

TEST(ApiHandoff, EveryExamplePackIsTheCommandsBytes) {
    for (const std::string example : {"northwind", "enterprise", "pilot"}) {
        const std::string folder = root + "/examples/" + example;
        const auto plan = closeplan::plan::from_file(folder + "/plan.yaml");
        closeplan::handoff_options options;
        options.layout_dump = true;
        const auto pack = closeplan::make_handoff(plan, options);
        ASSERT_TRUE(pack.ok()) << example;
        std::vector<std::string> names;
        for (const auto& f : pack.files) names.push_back(f.name);
        EXPECT_EQ(names, (std::vector<std::string>{"handoff.pdf", "handoff.layout.txt", "handoff.html", "handoff.md",
                                                   "handoff.docx", "milestones.ics", "plan.json"}));
        for (const char* name : {"handoff.html", "handoff.md", "milestones.ics", "plan.json"})
            EXPECT_EQ(find(pack, name)->bytes, read(folder + "/expected/handoff/" + name)) << example << " " << name;
        // The goldens were made from the example's folder: logo paths there are relative.
        auto layout = find(pack, "handoff.layout.txt")->bytes;
        for (auto at = layout.find(folder + "/"); at != std::string::npos; at = layout.find(folder + "/", at))
            layout.erase(at, folder.size() + 1);
        EXPECT_EQ(layout, read(folder + "/expected/handoff/handoff.layout.txt")) << example;
        EXPECT_TRUE(find(pack, "handoff.pdf")->bytes.starts_with("%PDF-"));
    }
}

TEST(ApiHandoff, CalendarForOnePersonAndItsErrors) {
    const auto plan = closeplan::plan::from_file(root + "/examples/northwind/plan.yaml");
    const auto all = closeplan::make_calendar(plan);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all.ics, read(root + "/examples/northwind/expected/handoff/milestones.ics"));
    const auto dana = closeplan::make_calendar(plan, {}, "Dana Ruiz");
    ASSERT_TRUE(dana.ok());
    EXPECT_LT(dana.ics->size(), all.ics->size());
    const auto nobody = closeplan::make_calendar(plan, {}, "nobody");
    EXPECT_FALSE(nobody.ok());
    EXPECT_FALSE(nobody.ics);
    EXPECT_TRUE(std::any_of(nobody.diagnostics.begin(), nobody.diagnostics.end(),
                            [](const closeplan::diagnostic& d) { return d.code == "C907"; }));
}

TEST(ApiHandoff, NoAsOfAnywhereIsO532AndNoFiles) {
    const auto plan = closeplan::plan::from_memory(
        "closeplan: 1\ndeal: { name: X, buyer: B, seller: S }\ntarget_close: 2026-06-30\n", "x.yaml");
    ASSERT_TRUE(plan.valid());
    const auto pack = closeplan::make_handoff(plan);
    EXPECT_FALSE(pack.ok());
    EXPECT_TRUE(pack.files.empty());
    EXPECT_EQ(pack.diagnostics.back().code, "O532");
    closeplan::handoff_options options;
    options.as_of = closeplan::date{2026, 6, 1};
    const auto with_date = closeplan::make_handoff(plan, options);
    EXPECT_TRUE(with_date.ok());
    EXPECT_EQ(with_date.files.size(), 6u);  // pdf, html, md, docx, ics, plan.json
}

}  // namespace
