// SPDX-License-Identifier: MIT
// The library's options checked all at once (A100-A107, O530-O534), and the
// one mapping from them to the pipeline's request.
#include "api/option_checks.hpp"

#include <algorithm>

#include "api/plan_state.hpp"
#include "model/dates.hpp"
#include "render/paper.hpp"
#include "render/pdf_standard.hpp"
#include "render/render.hpp"
#include "render/template_set.hpp"
#include "view/locales.hpp"

namespace closeplan {
inline namespace v0 {
namespace api {

namespace {

template <class Names>
std::string listed(const Names& names) {
    std::string out;
    for (const auto& name : names) out.append(out.empty() ? "" : ", ").append(name);
    return out;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

source_location about(const std::string& plan_name) { return {plan_name, 0, 0, {}}; }

// YYYY-MM-DD for any date, one that does not exist included ("2026-02-30", "2026-13-45").
std::string written(const date& d) {
    const auto padded = [](long long n, std::size_t width) {
        auto digits = std::to_string(n < 0 ? -n : n);
        if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
        return (n < 0 ? "-" : "") + digits;
    };
    return padded(d.year, 4) + "-" + padded(d.month, 2) + "-" + padded(d.day, 2);
}

void check_paper(const paper_choice& paper, std::string_view option, const std::string& plan_name,
                 diagnostic_sink& diags) {
    if (paper.empty() || paper.value()) return;
    diags.error("A101", std::string(option) + " " + quoted(paper.name()) + " is not a paper closeplan lays out",
                about(plan_name),
                {"use closeplan::paper::letter or closeplan::paper::a4 (" + listed(paper_names()) +
                     ", lower case), or leave it empty for the style's page size, else the locale's paper"});
}

void check_standards(const std::vector<pdf_standard_choice>& standards, std::string_view option,
                     const std::string& plan_name, diagnostic_sink& diags) {
    std::string list;
    for (const auto& s : standards) {
        if (!s.value()) {
            diags.error("A105", std::string(option) + " holds " + quoted(s.name()) + ", which is not a PDF standard",
                        about(plan_name), {"the standards are closeplan::pdf_standard::ua_1, a_2b and a_2u (" +
                                           render::pdf_standard_names() + ")"});
            return;
        }
        list.append(list.empty() ? "" : ",").append(s.name());
    }
    std::string problem;
    if (!render::parse_pdf_standard(list, problem))
        diags.error("A105", std::string(option) + ": " + problem, about(plan_name),
                    {"claim PDF/A-2b or PDF/A-2u, not both; PDF/UA-1 goes with either"});
}

render::pdf_standard standard_of(const std::vector<pdf_standard_choice>& standards) {
    std::string list, problem;
    for (const auto& s : standards) list.append(list.empty() ? "" : ",").append(s.name());
    return render::parse_pdf_standard(list, problem).value_or(render::pdf_standard{});
}

void check_formats(const render_options& options, const std::string& plan_name, diagnostic_sink& diags) {
    if (options.formats.empty())
        diags.error("A103", "render_options::formats is empty: nothing to render", about(plan_name),
                    {"name one or more of " + listed(output_formats()) + ", e.g. {.formats = {closeplan::format::pdf}}"});
    for (const auto& f : options.formats) {
        const auto* known = render::find_output_format(f.name());
        if (!known) {
            diags.error("A102", "render_options::formats holds " + quoted(f.name()) + ", which is not an output format",
                        about(plan_name), {"output_formats() lists them: " + listed(output_formats())});
        } else if (options.fragment && !known->fragment) {
            diags.error("O531", "format `" + f.name() + "` has no fragment form", about(plan_name),
                        {"render_options::fragment makes " + render::fragment_format_names() +
                         "; render other formats in a call without it"});
        }
    }
}

void check_sections(const render_options& options, const std::string& plan_name, diagnostic_sink& diags) {
    std::vector<std::string> unknown;
    for (const auto& s : options.sections)
        if (!s.value()) unknown.push_back(s.name());
    if (unknown.empty()) return;
    diags.error("O530", "unknown section " + listed(unknown), about(plan_name),
                {"known sections (section_names()): " + listed(section_names())});
}

}  // namespace

void check_load_options(const load_options& options, const std::string& plan_name, diagnostic_sink& diags) {
    if (!options.locale.empty() && !render::canonical_language_tag(options.locale))
        diags.error("A106", "load_options::locale " + quoted(options.locale) + " is not a language tag",
                    about(plan_name),
                    {"write a BCP 47 tag such as one of the built-in locales: " + view::built_in_locale_list() +
                     "; or leave it empty for the plan's own locale"});
}

model::date to_model(const date& d) {
    // std::chrono::year holds -32767..32767: a year beyond stays beyond the supported years when clamped.
    const int year = std::clamp(d.year, -32767, 32767);
    return model::date{std::chrono::year{year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
}

std::optional<model::date> to_model(const std::optional<date>& d) {
    if (!d) return std::nullopt;
    return to_model(*d);
}

void check_as_of(const std::optional<date>& as_of, std::string_view option,
                 const model::plan* plan, const std::string& plan_name, diagnostic_sink& diags) {
    if (as_of) {
        if (!as_of->ok()) {
            diags.error("A100", std::string(option) + " " + written(*as_of) + " is not a calendar date",
                        about(plan_name),
                        {"give a real date: months 1 to 12 and days that month has (2026-02-28, not 2026-02-30); "
                         "closeplan::date::ok() says whether a date is real"});
        } else if (auto why = model::range_problem(to_model(*as_of))) {
            diags.error("A100", std::string(option) + " " + written(*as_of) + " " + *why,
                        about(plan_name), {"give the date the plan's status is computed for, such as 2026-03-02"});
        }
        return;
    }
    if (plan && !plan->as_of)
        diags.error("O532", "the plan has no as_of and " + std::string(option) + " is not set", about(plan_name),
                    {"the library never reads the clock: set " + std::string(option) + ", or as_of in the plan"});
}

void check_render_options(const render_options& options, const model::plan* plan, const std::string& plan_name,
                          diagnostic_sink& diags) {
    check_formats(options, plan_name, diags);
    check_as_of(options.as_of, "render_options::as_of", plan, plan_name, diags);
    check_sections(options, plan_name, diags);
    if (options.heading_offset < 0 || options.heading_offset > 4)
        diags.error("O533", "heading_offset " + std::to_string(options.heading_offset) + " is not 0 to 4",
                    about(plan_name), {"section titles are level 2 + heading_offset, and Markdown stops at 6"});
    if (options.template_name == "handoff")
        diags.error("A104", "template_name \"handoff\" is the handoff pack's, not a page of the buyer plan",
                    about(plan_name), {"call closeplan::make_handoff(plan, options) for the pack (handoff.pdf, "
                                       "handoff.html, handoff.md, handoff.docx, milestones.ics, plan.json)"});
    check_paper(options.paper, "render_options::paper", plan_name, diags);
    if (!options.fit.value())
        diags.error("O534", "fit " + quoted(options.fit.name()) + " is not " + listed(render::fit_names()),
                    about(plan_name),
                    {"closeplan::fit::two_pages lets the buyer plan take a second page before it hides an open step"});
    check_standards(options.pdf_standards, "render_options::pdf_standards", plan_name, diags);
}

void check_handoff_options(const handoff_options& options, const model::plan* plan, const std::string& plan_name,
                           diagnostic_sink& diags) {
    check_as_of(options.as_of, "handoff_options::as_of", plan, plan_name, diags);
    check_paper(options.paper, "handoff_options::paper", plan_name, diags);
    check_standards(options.pdf_standards, "handoff_options::pdf_standards", plan_name, diags);
}

pipeline::render_request request_with(const plan::state& s, const render_options& options) {
    auto request = request_for(s);
    request.formats.clear();
    for (const auto& f : options.formats) request.formats.push_back(f.name());
    request.as_of = to_model(options.as_of);
    request.fragment = options.fragment;
    request.heading_offset = options.heading_offset;
    for (const auto& section : options.sections) request.sections.push_back(section.name());
    request.template_name = options.template_name;
    request.template_dir = options.template_dir;
    request.style_path = options.style_path;
    request.reference_docx = options.reference_docx;
    request.paper = options.paper.name();
    request.fit = options.fit.name();
    request.pdf_standard = standard_of(options.pdf_standards);
    return request;
}

pipeline::render_request request_with(const plan::state& s, const handoff_options& options) {
    auto request = request_for(s);
    request.as_of = to_model(options.as_of);
    request.template_dir = options.template_dir;
    request.style_path = options.style_path;
    request.paper = options.paper.name();
    request.pdf_standard = standard_of(options.pdf_standards);
    return request;
}

}  // namespace api
}  // namespace v0
}  // namespace closeplan
