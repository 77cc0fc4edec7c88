// SPDX-License-Identifier: MIT
// The library's options checked, every problem at once and worded for a
// program (option names, not CLI flags), then turned into the one request
// the pipeline takes. A call with any error here renders nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "closeplan/date.hpp"
#include "closeplan/handoff.hpp"
#include "closeplan/plan.hpp"
#include "closeplan/render.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan {
inline namespace v0 {
namespace api {

/// load_options: the locale is a language tag (A106).
void check_load_options(const load_options& options, const std::string& plan_name, diagnostic_sink& diags);

/// An as_of option (`option` names it in messages, "render_options::as_of"):
/// a real calendar date in the supported years (A100); when `plan` is given and
/// has no as_of of its own, one of the two is needed (O532).
void check_as_of(const std::optional<date>& as_of, std::string_view option,
                 const model::plan* plan, const std::string& plan_name, diagnostic_sink& diags);

/// A public date as the library's (std::chrono's) date: only for a date check_as_of accepted.
model::date to_model(const date& d);
std::optional<model::date> to_model(const std::optional<date>& d);

/// Every render option: formats (A102, A103), as_of (A100, O532), sections
/// (O530), fragment formats (O531), heading_offset (O533), template_name
/// (A104), paper (A101), fit (O534), pdf_standards (A105). `plan` is null when
/// the plan did not load (its own errors are reported already).
void check_render_options(const render_options& options, const model::plan* plan, const std::string& plan_name,
                          diagnostic_sink& diags);

/// handoff_options: as_of (A100, O532), paper (A101), pdf_standards (A105).
void check_handoff_options(const handoff_options& options, const model::plan* plan, const std::string& plan_name,
                           diagnostic_sink& diags);

/// The request for checked options (call only when their check found no error).
pipeline::render_request request_with(const plan::state& s, const render_options& options);
pipeline::render_request request_with(const plan::state& s, const handoff_options& options);

}  // namespace api
}  // namespace v0
}  // namespace closeplan
