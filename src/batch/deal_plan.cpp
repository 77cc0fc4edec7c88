// SPDX-License-Identifier: MIT
// The one validation of a batch deal's plan (deal_plan.hpp).
#include "batch/deal_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "batch/overlays.hpp"
#include "load/load_document.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::batch {

namespace {

/// "file:line:column: message (hint)" for the operator; the export's own
/// nodes (an empty file name) are named by the export and the deal's row.
std::string located(const diagnostic& d, const std::string& export_file, int line) {
    std::string place;
    if (d.where.file.empty()) place = export_file + ":" + std::to_string(line);
    else {
        place = d.where.file;
        if (d.where.line > 0) place += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
    }
    std::string message = place + ": " + d.message;
    if (!d.hints.empty()) message += " (" + d.hints.front() + ")";
    return message;
}

/// The cell a diagnostic is about: the export's nodes past column 0 are cells.
const plan_cell* cell_of(const diagnostic& d, const std::vector<plan_cell>& cells) {
    if (!d.where.file.empty() || d.where.column <= 0) return nullptr;
    const auto column = static_cast<std::size_t>(d.where.column);
    const auto it = std::find_if(cells.begin(), cells.end(),
                                 [&](const plan_cell& c) { return c.index && *c.index + 1 == column; });
    return it == cells.end() ? nullptr : &*it;
}

}  // namespace

bool complete_plan(model::plan& plan, const std::vector<plan_cell>& cells, const overlay_source* overlay,
                   const std::string& export_file, int line, std::vector<row_error>& errors, merge_path path) {
    diagnostic_sink diags;
    std::optional<load::raw_node> overlay_tree;
    if (overlay) {
        overlay_tree = load::load_document(overlay->text, overlay->path, load::syntax_for_path(overlay->path), diags);
        if (overlay_tree && !overlay_tree->is_mapping())
            diags.error("B730", "an overlay must be a mapping of plan fields", overlay_tree->where,
                        {"write for example `outcome: ...` and `risks: [...]`, as in a plan file"});
    }
    auto cells_root = cells_tree(cells, line);
    std::optional<model::plan> merged;
    validate::validate_options options;
    if (overlay) {
        std::error_code ec;
        const auto base = std::filesystem::absolute(overlay->folder, ec).lexically_normal().string();
        options.base_dir = base;
        options.asset_dirs = {base};
    }
    // The common case, an overlay of a rep's usual fields that reported
    // nothing, is laid over the typed plan: the same plan as the tree merge
    // below, without writing the plan as a tree and reading it all back.
    if (overlay_tree && diags.all().empty() && cells_root.members.empty() && path == merge_path::typed_first) {
        if (auto laid = lay_overlay_typed(plan, *overlay_tree, options, line)) {
            laid->value_map = std::move(plan.value_map);
            laid->as_of = plan.as_of;
            laid->source_file = overlay->path;
            plan = std::move(*laid);
            return true;
        }
    }
    if (!diags.has_errors()) {
        if (cells_root.members.empty() && !overlay) return true;
        // The export's nodes sit at column 0 of the deal's row, with an empty
        // file name: no string allocated per node, and column > 0 is a cell.
        auto tree = plan_tree(plan, {std::string(), line, 0, {}});
        merge_overlay(tree, cells_root, diags);
        if (overlay_tree) merge_overlay(tree, *overlay_tree, diags);  // refused members are left out; the rest is checked
        diagnostic_sink checks;
        merged = validate::validate_plan(tree, options, checks);
        for (const auto& d : checks.all()) {
            // A field the plan format does not know is a plan file's warning, an overlay's error.
            if (d.code == "V208" && overlay && d.where.file == overlay->path)
                diags.error("B730", d.message + " in an overlay", d.where, d.hints);
            else if (d.level == severity::error)
                diags.error(d.code, d.message, d.where, d.hints);
        }
    }
    if (merged && !diags.has_errors()) {
        merged->value_map = std::move(plan.value_map);  // --value-map's entries, which the tree does not carry
        merged->as_of = plan.as_of;
        merged->source_file = overlay ? overlay->path : plan.source_file;
        plan = std::move(*merged);
        return true;
    }
    const auto before = errors.size();
    for (const auto& d : diags.all()) {
        if (d.level != severity::error) continue;
        if (const auto* cell = cell_of(d, cells)) {
            std::string message = d.message;
            if (!d.hints.empty()) message += " (" + d.hints.front() + ")";
            errors.push_back({line, cell->name, cell->text, d.code, message + ", in plan field " + cell->column->path});
        } else {
            errors.push_back({line, "", "", d.code, located(d, export_file, line)});
        }
    }
    if (errors.size() == before) errors.push_back({line, "", "", "B799", "the deal's plan fields could not be read"});
    return false;
}

}  // namespace closeplan::batch
