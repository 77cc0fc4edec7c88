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

// What the pack's files are made from, read once: the plan's facts, templates, labels and style.
std::optional<loaded> prepare(model::plan plan, const pipeline::render_request& request, diagnostic_sink& diags) {
    auto facts = analyze::analyze_plan(plan, pipeline::as_of_for(request, plan));
    auto templates = request.template_dir.empty() ? render::template_set{} : render::template_set{request.template_dir};
    auto words = templates.load_labels(plan.locale, diags);
    std::optional<render::style> look = render::style::built_in();
    if (!request.style_path.empty()) look = render::style::from_file(request.style_path, diags);
    if (diags.has_errors() || !look) return std::nullopt;
    return loaded{std::move(plan), std::move(facts), std::move(templates), std::move(words), std::move(*look)};
}

std::optional<loaded> load(const pipeline::render_request& request, diagnostic_sink& diags) {
    auto plan = pipeline::load_plan(request, diags);
    if (!plan) return std::nullopt;
    return prepare(std::move(*plan), request, diags);
}

/// Every file of the pack from the loaded plan.
std::vector<pack_file> build_files(const loaded& loaded_plan, const pipeline::render_request& request,
                                   const pack_options& options, diagnostic_sink& diags) {
    const auto* in = &loaded_plan;
    const auto gaps = find_gaps(in->plan);
    report_gaps(gaps, diags);
    const auto doc = build_handoff_document(in->plan, in->facts, in->words, gaps, diags);
    const std::string paper = render::paper_for(request.paper, in->look, in->plan.locale);
    // The pack's own page shells (handoff.*.mustache), whole pages: the same request otherwise.
    auto pack_request = request;
    pack_request.template_name = template_name;
    pack_request.fragment = false;
    const render::render_context ctx{in->templates, in->look, pack_request, paper};
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

namespace {

std::vector<pack_file> pack_of(std::optional<loaded> in, const pipeline::render_request& request,
                               const pack_options& options, diagnostic_sink& diags) {
    if (!in) return {};
    // The stages below report into `produced`; what names no file is about the plan (O511, T406...).
    diagnostic_sink produced;
    auto files = build_files(*in, request, options, produced);
    pipeline::report_about_plan(in->plan, produced, diags);
    // Nothing half-done: one failed file withholds the pack.
    if (diags.has_errors()) return {};
    return files;
}

// `option` names the person's option in C907: --for on the command line, for_person in the library.
std::optional<std::string> calendar_of(std::optional<loaded> in, const std::string& for_person, std::string_view option,
                                       diagnostic_sink& diags) {
    if (!in) return std::nullopt;
    calendar::calendar_options options;
    if (!for_person.empty()) {
        const auto* person = calendar::find_person(in->plan, for_person);
        if (!person) {
            std::string known;
            for (const auto& s : in->plan.stakeholders) known += (known.empty() ? "" : ", ") + s.id;
            diags.error("C907", std::string(option) + " \"" + for_person + "\" is not a stakeholder of this plan",
                        {in->plan.source_file, 0, 0, "/stakeholders"},
                        {"give a stakeholder id or name; known stakeholders are: " + (known.empty() ? "(none)" : known)});
            return std::nullopt;
        }
        options.for_stakeholder = person->id;
    }
    return calendar::write_calendar(in->plan, in->facts, in->words, options);
}

}  // namespace

std::vector<pack_file> build_pack(const pipeline::render_request& request, const pack_options& options,
                                  diagnostic_sink& diags) {
    return pack_of(load(request, diags), request, options, diags);
}

std::vector<pack_file> build_pack(const model::plan& plan, const pipeline::render_request& request,
                                  const pack_options& options, diagnostic_sink& diags) {
    return pack_of(prepare(plan, request, diags), request, options, diags);
}

std::optional<std::string> build_calendar(const pipeline::render_request& request, const std::string& for_person,
                                          diagnostic_sink& diags) {
    return calendar_of(load(request, diags), for_person, "--for", diags);
}

std::optional<std::string> build_calendar(const model::plan& plan, const pipeline::render_request& request,
                                          const std::string& for_person, diagnostic_sink& diags) {
    return calendar_of(prepare(plan, request, diags), for_person, "for_person", diags);
}

std::string build_plan_json(const model::plan& plan, const pipeline::render_request& request) {
    return write_plan_json(plan, analyze::analyze_plan(plan, pipeline::as_of_for(request, plan)), find_gaps(plan));
}

}  // namespace closeplan::handoff
