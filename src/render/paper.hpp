// SPDX-License-Identifier: MIT
// The paper a PDF is laid out on: asked for, set by the style, or the locale's custom.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "render/template_set.hpp"

namespace closeplan::render {

/// The papers a PDF is laid out on, "letter" and "a4": the one table `--paper`
/// (render, handoff, batch) and the library's paper option read.
std::span<const std::string_view> paper_names();

/// The PDF buyer plan's page budgets, "two-pages" (the default) and "one-page":
/// the one table `--fit` and the library's fit option read.
std::span<const std::string_view> fit_names();

/// "letter" or "a4" for a language tag: Letter in the territories where CLDR
/// (supplementalData, paperSize) has US-Letter as the custom (US, CA, MX, PH
/// and some of Central and South America), A4 everywhere else. A tag without
/// a region stands for the country its language is mostly written in
/// (CLDR likely subtags): `en` is the US, so Letter; `fr`, `de`, `es` and `pt`
/// are A4 (`pt` is Brazil, A4 too).
std::string paper_for_locale(std::string_view locale);

/// The paper of a PDF: `requested` (--paper) when given; else the style's
/// `page.size` when it is `letter` or `a4`; else (`locale`, the built-in
/// style's) paper_for_locale(locale).
std::string paper_for(std::string_view requested, const style& look, std::string_view locale);

}  // namespace closeplan::render
