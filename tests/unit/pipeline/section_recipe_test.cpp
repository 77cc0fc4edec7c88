// SPDX-License-Identifier: MIT
// The recipe for adding a section (docs/architecture.md) holds for every row of
// the section table: the row alone makes the section built, labelled in every
// language, accepted by --sections and placed by the PDF flow. Registers nothing
// new: a row added without its labels or its placement fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "model/dates.hpp"
#include "layout/upper_case.hpp"
#include "pipeline/pipeline.hpp"
#include "render/template_set.hpp"
#include "view/section_table.hpp"

namespace {

using namespace closeplan;

const std::string source_dir = CLOSEPLAN_SOURCE_DIR;

pipeline::render_request layout_of(const std::string& example, std::vector<std::string> sections = {}) {
    pipeline::render_request request;
    request.plan.path = source_dir + "/examples/" + example;
    request.today = *model::parse_iso_date("2026-05-04");
    request.formats = {"pdf-layout"};
    request.sections = std::move(sections);
    return request;
}

std::string first_error(const diagnostic_sink& diags) {
    for (const auto& d : diags.all())
        if (d.level == severity::error) return format_diagnostic(d);
    return {};
}

// Whether the dump paints `title` as a section heading: in capitals, alone or
// as one half of a merged title ("STAKEHOLDERS · VALUE BY STAKEHOLDER").
bool shows_heading(const std::string& dump, const std::string& title) {
    const std::string upper = layout::upper_case(title);
    return dump.find("\"" + upper + "\"") != std::string::npos ||
           dump.find("\"" + upper + " \u00b7 ") != std::string::npos ||
           dump.find(" \u00b7 " + upper + "\"") != std::string::npos;
}

// `key: "text"` lines of a labels file (the format of templates/labels/).
std::set<std::string> label_keys(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::set<std::string> keys;
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(": ");
        if (line.empty() || line.front() == '#' || colon == std::string::npos) continue;
        keys.insert(line.substr(0, colon));
    }
    return keys;
}

TEST(SectionRecipe, EveryRowIsLabelledInEveryLanguage) {
    const std::filesystem::path folder = source_dir + "/templates/labels";
    std::size_t languages = 0;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
        if (file.path().extension() != ".yaml") continue;
        ++languages;
        const std::string lang = file.path().stem().string();
        const auto keys = label_keys(file.path());
        // A regional file (en-GB) overlays its language's file; a full one (pt-BR) has everything.
        const auto dash = lang.find('-');
        const auto base_file = folder / (lang.substr(0, dash) + ".yaml");
        const auto base = dash != std::string::npos && std::filesystem::exists(base_file) ? label_keys(base_file)
                                                                                          : std::set<std::string>{};
        for (const auto& entry : view::section_table())
            EXPECT_TRUE(keys.count(std::string(entry.label_key)) || base.count(std::string(entry.label_key)))
                << lang << " has no " << entry.label_key;
    }
    EXPECT_GE(languages, 6u);
}

TEST(SectionRecipe, EveryRowIsBuiltAcceptedBySectionsAndPlacedOnThePage) {
    const render::template_set templates;
    for (const auto& [example, locale] : {std::pair{"northwind/plan.yaml", "en-US"}, std::pair{"stadtwerke/plan.json", "de"}}) {
        SCOPED_TRACE(example);
        diagnostic_sink diags;
        const auto words = templates.load_labels(locale, diags);
        const auto whole = pipeline::render_plan(layout_of(example), diags);
        ASSERT_FALSE(diags.has_errors()) << first_error(diags);
        ASSERT_EQ(whole.outputs.size(), 1u);
        for (const auto& entry : view::section_table()) {
            SCOPED_TRACE(std::string(entry.key));
            const std::string title = words.get(entry.label_key);
            // Built and placed on the one-page plan...
            EXPECT_TRUE(shows_heading(whole.outputs.front().bytes, title)) << title;
            // ...and accepted by --sections, placed when it is the only one chosen.
            const auto alone = pipeline::render_plan(layout_of(example, {std::string(entry.key)}), diags);
            ASSERT_FALSE(diags.has_errors()) << first_error(diags);
            ASSERT_EQ(alone.outputs.size(), 1u);
            EXPECT_TRUE(shows_heading(alone.outputs.front().bytes, title)) << title;
        }
    }
}

}  // namespace
