// SPDX-License-Identifier: MIT
// closeplan::diff_plans: `closeplan diff OLD NEW` on two prepared plans.
#include "closeplan/diff.hpp"

#include "api/plan_state.hpp"
#include "diff/plan_diff.hpp"

namespace closeplan {
inline namespace v0 {

bool diff_result::ok() const { return api::no_errors(diagnostics); }

diff_result diff_plans(const plan& before, const plan& after, const diff_options& options) {
    diff_result result;
    const auto* old_state = api::usable_state(before, result.diagnostics);
    const auto* new_state = api::usable_state(after, result.diagnostics);
    if (!old_state || !new_state) return result;

    const auto changes = diff::compare(*old_state->validated, *new_state->validated);
    result.change_count = changes.changes.size();
    diagnostic_sink diags;
    diff::report_silent_rolls(changes, diags);
    try {
        switch (options.format) {
            case diff_format::text: result.output = diff::to_text(changes); break;
            case diff_format::json: result.output = diff::to_json(changes); break;
            case diff_format::md:
            case diff_format::html: {
                const auto templates =
                    options.template_dir.empty() ? render::template_set{} : render::template_set{options.template_dir};
                const auto words = templates.load_labels(changes.locale, diags);
                const diff::people_options people{options.verbose};
                auto written = options.format == diff_format::html
                                   ? diff::to_people_html(changes, words, templates, people, diags)
                                   : diff::to_people_markdown(changes, words, templates, people, diags);
                if (written) result.output = std::move(*written);
                break;
            }
        }
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
    }
    result.diagnostics.insert(result.diagnostics.end(), diags.all().begin(), diags.all().end());
    if (!result.ok()) result.output.clear();
    return result;
}

}  // namespace v0
}  // namespace closeplan
