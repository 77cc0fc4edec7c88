// SPDX-License-Identifier: MIT
// `closeplan handoff` and `closeplan ics` below the CLI: a loaded plan becomes the pack's files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan::handoff {

struct pack_file {
    std::string name;   ///< "handoff.pdf", "handoff.layout.txt", ...
    std::string bytes;
};

struct pack_options {
    /// Also return handoff.layout.txt (the PDF's pages and navigation as text, for goldens).
    bool with_layout_dump = false;
};

/// handoff.pdf, handoff.html, handoff.md, handoff.docx, milestones.ics and plan.json, in that
/// order. Gaps for Customer Success are C9xx warnings; the pack is still made.
/// Empty on any error diagnostic: nothing half-done is returned. Uses the
/// request's plan, as_of/today, value map, locale, template dir, style and paper.
std::vector<pack_file> build_pack(const pipeline::render_request& request, const pack_options& options,
                                  diagnostic_sink& diags);

/// The same from a plan already loaded (the library's closeplan::plan): nothing is read again.
std::vector<pack_file> build_pack(const model::plan& plan, const pipeline::render_request& request,
                                  const pack_options& options, diagnostic_sink& diags);

/// The calendar alone. `for_person` (id or name, may be empty) keeps only that
/// stakeholder's steps; an unknown name is an error (C907). nullopt on errors.
std::optional<std::string> build_calendar(const pipeline::render_request& request, const std::string& for_person,
                                          diagnostic_sink& diags);

/// The calendar of a plan already loaded (C907 names the library's `for_person`, not --for).
std::optional<std::string> build_calendar(const model::plan& plan, const pipeline::render_request& request,
                                          const std::string& for_person, diagnostic_sink& diags);

/// plan.json of a plan already loaded (the pack's file of that name): the plan, its analysis as of
/// the request's date and the gaps for Customer Success.
std::string build_plan_json(const model::plan& plan, const pipeline::render_request& request);

}  // namespace closeplan::handoff
