// SPDX-License-Identifier: MIT
// How much a document fills the printed page, and the type size that keeps it on one page (internal to render/).
#pragma once

#include <string>
#include <string_view>

#include "render/render.hpp"
#include "view/document.hpp"

namespace closeplan::render::detail {

/// The print density a page uses: roomy (larger type) for short plans, compact
/// (8 pt with tighter spacing) for the fullest ones. No density prints under 8 pt:
/// a plan that does not fit one page then takes a second one.
enum class density { roomy, normal, compact };

std::string_view to_string(density d);

/// A rough count of the text lines the document takes when printed at the
/// normal size across a full page width. Tables count their rows as tall as
/// their fullest cell, given column widths shared out by content the way a
/// browser's automatic table layout does. Deterministic, no fonts involved.
double estimate_print_lines(const view::document& doc);

/// The density for `doc`, from estimate_print_lines.
density choose_density(const view::document& doc);

/// choose_density's name for `doc`, kept in `ctx` for the other formats of the same document.
const std::string& density_name(const view::document& doc, const render_context& ctx);

}  // namespace closeplan::render::detail
