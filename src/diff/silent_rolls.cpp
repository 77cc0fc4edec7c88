// SPDX-License-Identifier: MIT
// Silent rolls: a date moved later with the earlier one kept nowhere. The
// buyer then sees a plan that was always on time ("never silently roll
// dates"); the fix is one line in the new version.
#include "diff/plan_diff.hpp"
#include "model/dates.hpp"

namespace closeplan::diff {

void report_silent_rolls(const plan_diff& result, diagnostic_sink& diags) {
    using model::format_iso_date;
    if (result.close_silent_roll)
        diags.warning("H835",
                      "target_close moved from " + format_iso_date(result.old_close) + " to " +
                          format_iso_date(result.new_close) + " with the earlier date kept nowhere (a silent roll)",
                      result.close_where,
                      {"keep the close first agreed: add `target_close_baseline: " + format_iso_date(result.old_close) +
                       "` beside target_close"});
    for (const auto& c : result.changes) {
        if (!c.silent_roll || !c.old_due || !c.new_due) continue;
        diags.warning("H834",
                      "step \"" + c.milestone_id + "\" moved from " + format_iso_date(*c.old_due) + " to " +
                          format_iso_date(*c.new_due) + " with no baseline or history keeping the earlier date (a silent roll)",
                      c.where,
                      {"keep the earlier date on the step: `baseline: " + format_iso_date(*c.old_due) +
                       "` (the first agreed date), or add it to `history:` when the step already has a baseline"});
    }
}

}  // namespace closeplan::diff
