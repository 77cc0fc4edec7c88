// SPDX-License-Identifier: MIT
// A sheet brought back (`closeplan apply PLAN SHEET`): read as CSV or .xlsx
// (src/sheet/sheet_read.cpp over batch's readers), its cells checked against
// the plan (sheet_apply.cpp), the plan's YAML edited as text (yaml_edit.cpp)
// and the tree rewritten (tree_write.cpp), each result loaded and validated
// as the command does before writing. The input is a bundle (fuzz_support.hpp)
// of `sheet.csv` or `sheet.xlsx` and an optional `plan.yaml` (default: the
// round-trip fixture tests/cli/fixtures/sheet/plan.yaml); an input that is no
// bundle is the sheet. A text edit whose result is not YAML is a finding.
#include "load/load_document.hpp"
#include "sheet/sheet_apply.hpp"
#include "sheet/sheet_read.hpp"
#include "sheet/tree_write.hpp"
#include "sheet/yaml_edit.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace closeplan;


}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "sheet.csv");
    const auto plan_text = files.count("plan.yaml") ? files["plan.yaml"] : fuzz::source_file("tests/cli/fixtures/sheet/plan.yaml");
    const auto sheet_name = files.count("sheet.xlsx") ? std::string("sheet.xlsx") : std::string("sheet.csv");
    const auto plan = fuzz::load_plan_named("plan.yaml", plan_text);
    if (!plan) return 0;

    diagnostic_sink diags;
    const auto table = sheet::read_sheet(files[sheet_name], sheet_name, diags);
    if (!table) {
        if (!diags.has_errors()) fuzz::finding("read_sheet: no table and no error");
        return 0;
    }
    diagnostic_sink ignored;
    const auto tree = load::load_document(plan_text, "plan.yaml", load::input_syntax::yaml, ignored);
    if (!tree) fuzz::finding("a plan that validated does not load again");
    for (const bool allow_remove : {false, true}) {
        diagnostic_sink cells;
        const auto patch = sheet::changes_from_sheet(*plan, *table, {allow_remove}, cells);
        if (!patch) {
            if (!cells.has_errors()) fuzz::finding("changes_from_sheet: no changes and no error");
            continue;
        }
        if (const auto edited = sheet::edit_yaml_text(plan_text, *tree, *patch); edited.text) {
            diagnostic_sink reread;
            if (!load::load_document(*edited.text, "plan.yaml", load::input_syntax::yaml, reread))
                fuzz::finding("the text edit made a file that is not YAML: " +
                              (reread.all().empty() ? std::string() : format_diagnostic(reread.all().front())) +
                              "\n--- the edited text ---\n" + *edited.text);
            (void)fuzz::load_plan_named("plan.yaml", *edited.text);
        }
        const auto rewritten = sheet::tree_to_yaml(sheet::patched_tree(*tree, *patch));
        diagnostic_sink reread;
        if (!load::load_document(rewritten, "plan.yaml", load::input_syntax::yaml, reread))
            fuzz::finding("the rewritten tree is not YAML");
        (void)fuzz::load_plan_named("plan.yaml", rewritten);
        (void)sheet::tree_to_json(sheet::patched_tree(*tree, *patch));
    }
    return 0;
}
