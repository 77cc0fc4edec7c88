// SPDX-License-Identifier: MIT
/// @file
/// The Customer Success handoff pack and the calendar, into memory: the same
/// bytes `closeplan handoff` and `closeplan ics` write.
///
/// Example:
/// ```cpp
/// closeplan::handoff_options options;
/// options.as_of = closeplan::date{2026, 7, 2};
/// auto pack = closeplan::make_handoff(closeplan::plan::from_file("plan.yaml"), options);
/// for (const auto& f : pack.files) write(f.name, f.bytes);  // handoff.pdf, handoff.html, ...
/// auto calendar = closeplan::make_calendar(closeplan::plan::from_file("plan.yaml"), options, "dana");
/// ```
///
/// Thread-safety: the functions may run at once on any threads, on the same
/// plan or different ones; they share only caches that are per thread or
/// locked (built-in labels, styles, parsed templates).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/date.hpp"
#include "closeplan/diagnostics.hpp"
#include "closeplan/options.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {
inline namespace v0 {

/// How to make the pack; the defaults are those of `closeplan handoff`. Every
/// member has a default, so C++20's designated initializers may name any of them.
struct handoff_options {
    /// The plan's date of record, a real calendar date (else A100); overrides the
    /// plan's own `as_of` (one of them is needed, else O532).
    std::optional<date> as_of = {};
    /// A folder whose files replace the built-in templates of the same name; empty = built-in only.
    std::string template_dir = {};
    /// A style file (YAML) replacing the built-in look; empty = built-in.
    std::string style_path = {};
    /// Paper for the PDF, paper::letter or paper::a4 (else A101); empty = the style's, else the locale's paper.
    paper_choice paper = {};
    /// Also return handoff.layout.txt (the PDF's pages and navigation as text), as `--layout-dump`.
    bool layout_dump = false;
    /// PDF standards to claim besides being tagged (ua-1, a-2b or a-2u; else A105), as `--pdf-standard`.
    std::vector<pdf_standard_choice> pdf_standards = {};
};

/// One file of the pack.
struct pack_file {
    std::string name;   ///< "handoff.pdf", "handoff.html", "handoff.md", "milestones.ics", "plan.json"
    std::string bytes;  ///< the whole file
};

/// What make_handoff() produced: every file, or none when anything failed.
struct handoff_result {
    /// handoff.pdf, [handoff.layout.txt], handoff.html, handoff.md, milestones.ics, plan.json; empty on error.
    std::vector<pack_file> files;
    /// The plan's own, the gaps for Customer Success (C901-C906, H822 warnings) and those found while writing.
    std::vector<diagnostic> diagnostics;
    [[nodiscard]] bool ok() const;  ///< no error diagnostic (so files are complete)
};

/// The handoff pack. Never throws for bad input: errors are diagnostics and no files.
/// Every option problem is reported at once, with the plan's own errors.
handoff_result make_handoff(const plan& input, const handoff_options& options = {});

/// What make_calendar() produced: the iCalendar text, or nothing when anything failed.
struct calendar_result {
    std::optional<std::string> ics;       ///< RFC 5545 text; nullopt on error
    std::vector<diagnostic> diagnostics;  ///< the plan's own, the options' and those found while writing
    [[nodiscard]] bool ok() const;        ///< no error diagnostic (so ics is set)
};

/// The calendar alone, as `closeplan ics`: `for_person` (a stakeholder id or
/// name, any case; empty = everyone) keeps that person's steps; an unknown
/// person is error C907. `as_of`, `template_dir` (labels) are used.
calendar_result make_calendar(const plan& input, const handoff_options& options = {}, const std::string& for_person = {});

/// What make_plan_json() produced.
struct plan_json_result {
    std::optional<std::string> json;      ///< docs/schemas/plan-json.schema.json; nullopt on error
    std::vector<diagnostic> diagnostics;  ///< the plan's own and the options'
    [[nodiscard]] bool ok() const;        ///< no error diagnostic (so json is set)
};

/// plan.json alone, the pack's file of that name: the plan, its status as of
/// `options.as_of` (or the plan's) and the gaps for Customer Success, for
/// CRMs and CS tools. Only `as_of` of the options is used.
plan_json_result make_plan_json(const plan& input, const handoff_options& options = {});

}  // namespace v0
}  // namespace closeplan
