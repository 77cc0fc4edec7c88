// SPDX-License-Identifier: MIT
/// @file
/// A plan loaded and validated through the library: from a file or from memory.
///
/// Loading never throws for bad input or a missing file: everything found is
/// in `diagnostics()` (the same codes as the command line, docs/diagnostics.md),
/// and `valid()` says whether the plan can be rendered.
///
/// Example:
/// ```cpp
/// #include <closeplan/closeplan.hpp>
///
/// auto plan = closeplan::plan::from_memory(yaml_text, "deal.yaml");
/// for (const auto& d : plan.diagnostics()) std::cerr << closeplan::format_diagnostic(d) << '\n';
/// if (!plan.valid()) return 4;
/// std::cout << plan.deal_name() << ": " << plan.milestone_count() << " milestones\n";
/// ```
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"

namespace closeplan {
inline namespace v0 {

namespace api {
struct access;  ///< the library's own way in; not for use outside it
}  // namespace api

/// How a plan's text is written.
enum class input_syntax {
    from_name,  ///< by the file name's extension: .json is JSON, anything else YAML
    yaml,
    json,
};

/// What else a plan may draw on when it is loaded.
struct load_options {
    input_syntax syntax = input_syntax::from_name;
    /// A value map file (YAML or JSON) whose entries follow the plan's own.
    std::string value_map_path;
    /// Folders besides the plan's own that local files (logos) may come from.
    std::vector<std::string> asset_dirs;
    /// A BCP 47 tag ("de-DE") that overrides the plan's `locale`.
    std::string locale;
};

/// A loaded plan: read, validated, its value map merged and its locale set,
/// once. Every function that takes a plan (render_plan, make_handoff,
/// make_calendar, make_plan_json, check_health, diff_plans) works on this
/// prepared model; none reads the plan's file or value map again.
///
/// Cheap to copy and move; copies share the loaded state, which never
/// changes. A moved-from plan is empty: valid() is false, its diagnostics()
/// are empty, and the functions taking it report A107 and make nothing.
///
/// Thread-safety: a plan is immutable, so one plan may be used from any
/// number of threads at once (copying and destroying included); assigning to
/// one plan object while another thread reads it is a data race, as for any
/// standard type.
class plan {
public:
    /// Reads and validates the file at `path`. Relative logo paths are
    /// resolved against the file's folder.
    static plan from_file(const std::string& path, const load_options& options = {});

    /// Validates a plan held in memory. `name` is used in diagnostics and as
    /// the file the plan would be (its folder is where relative logo paths
    /// point; "deal.yaml" means the current folder).
    static plan from_memory(std::string text, std::string name = "<memory>.yaml", const load_options& options = {});

    /// An empty plan, as a moved-from one: valid() false, nothing loaded.
    plan() noexcept = default;
    plan(const plan&) = default;
    plan& operator=(const plan&) = default;
    /// Leaves `other` empty (valid() false), never dangling.
    plan(plan&& other) noexcept;
    plan& operator=(plan&& other) noexcept;
    ~plan();

    /// True when loading found no error (warnings are allowed); false for a moved-from plan.
    [[nodiscard]] bool valid() const;
    /// Every error, warning and note, in the order found (empty for a moved-from plan).
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const;
    /// The name the plan was loaded under (the path or the memory name; empty for a moved-from plan).
    [[nodiscard]] const std::string& name() const;
    /// `deal.name`; empty when the plan is not valid.
    [[nodiscard]] std::string deal_name() const;
    /// Number of milestones; 0 when the plan is not valid.
    [[nodiscard]] std::size_t milestone_count() const;

    struct state;  ///< the library's own; not usable from outside

private:
    friend struct api::access;
    explicit plan(std::shared_ptr<const state> s) : state_(std::move(s)) {}
    std::shared_ptr<const state> state_;
};

}  // namespace v0
}  // namespace closeplan
