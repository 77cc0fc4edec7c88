// SPDX-License-Identifier: MIT
// Runs load -> validate -> analyze -> handoff document -> every file of the pack.
#include "handoff/handoff_pack.hpp"

#include "analyze/analysis.hpp"
#include "calendar/calendar.hpp"
#include "handoff/handoff_document.hpp"
#include "handoff/handoff_html.hpp"
#include "handoff/plan_json.hpp"
#include "layout/layout_handoff.hpp"
#include "render/paper.hpp"
#include "render/pdf.hpp"
#include "render/render.hpp"

namespace closeplan::handoff {

namespace {

constexpr const char* template_name = "handoff";

struct loaded {
    model::plan plan;
    analyze::analysis facts;
    render::template_set templates;
    view::labels words;
    render::style look;
};

std::optional<loaded> load(const pipeline::render_request& request, diagnostic_sink& diags) {
    auto plan = pipeline::load_plan(request, diags);
    if (!plan) return std::nullopt;
    const auto as_of = request.as_of ? *request.as_of : plan->as_of ? *plan->as_of : request.today;
    auto facts = analyze::analyze_plan(*plan, as_of);
    auto templates = request.template_dir.empty() ? render::template_set{} : render::template_set{request.template_dir};
    auto words = templates.load_labels(plan->locale, diags);
    std::optional<render::style> look = render::style::built_in();
    if (!request.style_path.empty()) look = render::style::from_file(request.style_path, diags);
    if (diags.has_errors() || !look) return std::nullopt;
    return loaded{std::move(*plan), std::move(facts), std::move(templates), std::move(words), std::move(*look)};
}

/// Every file of the pack from the loaded plan.
std::vector<pack_file> build_files(const loaded& loaded_plan, const pipeline::render_request& request,
                                   const pack_options& options, diagnostic_sink& diags) {
    const auto* in = &loaded_plan;
    const auto gaps = find_gaps(in->plan);
    report_gaps(gaps, diags);
    const auto doc = build_handoff_document(in->plan, in->facts, in->words, gaps, diags);
    const std::string paper = render::paper_for(request.paper, in->look, in->plan.locale);
    const render::render_context ctx{in->templates, in->look, render::render_options{template_name, paper}};
    const std::string contents_title = in->words.get("handoff.section.contents");

    std::vector<pack_file> files;
    layout::font_request fonts;
    fonts.always_embed = request.pdf_standard.embeds_fonts();  // PDF/UA and PDF/A forbid the standard fonts
    const auto metrics = layout::metrics_for(doc, fonts);
    const auto pages = layout::layout_handoff(doc, *metrics, {template_name, paper, in->look.tokens()},
                                              contents_title, diags);
    files.push_back({"handoff.pdf", render::render_pdf(pages, diags, request.pdf_standard)});
    if (options.with_layout_dump)
        files.push_back({"handoff.layout.txt", layout::dump_pages(pages) + layout::dump_navigation(pages)});
    files.push_back({"handoff.html", render_handoff_html(doc, ctx, contents_title, diags)});
    files.push_back({"handoff.md", render::render_markdown(doc, ctx, diags)});
    files.push_back({"handoff.docx", render::render_docx(doc, ctx, diags)});
    files.push_back({"milestones.ics", calendar::write_calendar(in->plan, in->facts, in->words, {})});
    files.push_back({"plan.json", write_plan_json(in->plan, in->facts, gaps)});
    return files;
}

}  // namespace

std::vector<pack_file> build_pack(const pipeline::render_request& request, const pack_options& options,
                                  diagnostic_sink& diags) {
    auto in = load(request, diags);
    if (!in) return {};
    // The stages below report into `produced`; what names no file is about the plan (O511, T406...).
    diagnostic_sink produced;
    auto files = build_files(*in, request, options, produced);
    pipeline::report_about_plan(in->plan, produced, diags);
    // Nothing half-done: one failed file withholds the pack.
    if (diags.has_errors()) return {};
    return files;
}

std::optional<std::string> build_calendar(const pipeline::render_request& request, const std::string& for_person,
                                          diagnostic_sink& diags) {
    auto in = load(request, diags);
    if (!in) return std::nullopt;
    calendar::calendar_options options;
    if (!for_person.empty()) {
        const auto* person = calendar::find_person(in->plan, for_person);
        if (!person) {
            std::string known;
            for (const auto& s : in->plan.stakeholders) known += (known.empty() ? "" : ", ") + s.id;
            diags.error("C907", "--for \"" + for_person + "\" is not a stakeholder of this plan",
                        {in->plan.source_file, 0, 0, "/stakeholders"},
                        {"give a stakeholder id or name; known stakeholders are: " + (known.empty() ? "(none)" : known)});
            return std::nullopt;
        }
        options.for_stakeholder = person->id;
    }
    return calendar::write_calendar(in->plan, in->facts, in->words, options);
}

}  // namespace closeplan::handoff
