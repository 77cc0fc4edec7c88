// SPDX-License-Identifier: MIT
// Two versions of a plan (`closeplan diff`): both loaded and validated from
// memory like the command's load_plan, then diff::compare and the slip ledger
// of the two, each written as text, Markdown and JSON. The input is a bundle
// (fuzz_support.hpp) of before.yaml and after.yaml (.json names read as
// JSON); an input that is no bundle is compared with itself.
#include "diff/plan_diff.hpp"
#include "render/template_set.hpp"
#include "fuzz_support.hpp"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "before.yaml");
    std::string before_name = "before.yaml", after_name = "after.yaml";
    for (const auto& [name, text] : files) {
        if (name.starts_with("before.")) before_name = name;
        if (name.starts_with("after.")) after_name = name;
    }
    if (!files.count(after_name)) files[after_name] = files[before_name];
    const auto before = fuzz::load_plan_named(before_name, files[before_name]);
    const auto after = fuzz::load_plan_named(after_name, files[after_name]);
    if (!before || !after) return 0;

    const auto result = diff::compare(*before, *after);
    (void)diff::to_text(result);
    (void)diff::to_json(result);
    // The diff for people, in the plan's language, as `diff -f md|html` writes it (silent rolls reported too).
    diagnostic_sink diags;
    diff::report_silent_rolls(result, diags);
    const render::template_set templates;
    const auto words = templates.load_labels(result.locale, diags);
    for (const bool verbose : {false, true}) {
        (void)diff::to_people_markdown(result, words, templates, {verbose}, diags);
        (void)diff::to_people_html(result, words, templates, {verbose}, diags);
    }
    const auto ledger = diff::build_ledger({*before, *after});
    (void)diff::to_text(ledger);
    (void)diff::to_markdown(ledger);
    (void)diff::to_json(ledger);
    return 0;
}
