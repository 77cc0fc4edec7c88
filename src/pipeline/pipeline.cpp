// SPDX-License-Identifier: MIT
// Runs load -> validate -> analyze -> view -> render for one plan.
#include "pipeline/pipeline.hpp"

#include <filesystem>
#include <map>
#include <string>

#include "analyze/analysis.hpp"
#include "load/load_document.hpp"
#include "render/docx.hpp"
#include "render/paper.hpp"
#include "render/render.hpp"
#include "validate/validate_plan.hpp"
#include "view/build_document.hpp"
#include "view/select_sections.hpp"

namespace closeplan::pipeline {

namespace fs = std::filesystem;

namespace {

std::string display_name(const plan_source& source) { return source.path == "-" ? "<stdin>" : source.path; }

std::string absolute_folder(const std::string& path) {
    std::error_code ec;
    auto absolute = fs::absolute(fs::path(path), ec);
    if (ec) return fs::current_path().string();
    return absolute.lexically_normal().string();
}

validate::validate_options validation_options(const render_request& request) {
    validate::validate_options options;
    options.base_dir = request.plan.path == "-"
                           ? fs::current_path().string()
                           : absolute_folder(fs::path(request.plan.path).parent_path().empty()
                                                 ? std::string(".")
                                                 : fs::path(request.plan.path).parent_path().string());
    for (const auto& dir : request.asset_dirs) options.asset_dirs.push_back(absolute_folder(dir));
    return options;
}

load::input_syntax syntax_of(const plan_source& source) {
    if (source.syntax == "json") return load::input_syntax::json;
    if (source.syntax == "yaml" || source.path == "-") return load::input_syntax::yaml;
    return load::syntax_for_path(source.path);
}

std::optional<load::raw_node> load_plan_tree(const render_request& request, diagnostic_sink& diags) {
    const auto name = display_name(request.plan);
    if (request.plan.text) return load::load_document(*request.plan.text, name, syntax_of(request.plan), diags);
    if (!request.plan.syntax.empty()) {
        return load::load_document(load::read_file(request.plan.path), name, syntax_of(request.plan), diags);
    }
    return load::load_file(request.plan.path, diags);
}

// A value map named on the command line is read like the plan's own one:
// it adds entries after those the plan already has.
void merge_value_map_file(const std::string& path, model::plan& plan, diagnostic_sink& diags) {
    auto tree = load::load_file(path, diags);
    if (!tree) return;
    auto entries = validate::validate_value_map(*tree, diags);
    if (!entries) return;
    plan.value_map.insert(plan.value_map.end(), entries->begin(), entries->end());
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// --sections, --fragment and --heading-offset act on the document, before any
// writer or the layout sees it, so every format gets the same sections.
bool shape_document(const render_request& request, view::document& doc, diagnostic_sink& diags) {
    if (request.fragment) {
        for (const auto& name : request.formats) {
            const auto* format = render::find_output_format(name);
            if (format && !format->fragment)
                diags.error("O531", "format `" + name + "` has no fragment form", {},
                            {"--fragment writes " + render::fragment_format_names() + "; render other formats without it"});
        }
    }
    if (!request.sections.empty()) {
        const auto unknown = view::select_sections(doc, request.sections);
        if (!unknown.empty())
            diags.error("O530", "unknown section " + joined(unknown), {},
                        {"known sections: " + joined(view::section_keys())});
    }
    view::shift_headings(doc, request.heading_offset);
    return !diags.has_errors();
}

// Batch renders thousands of plans with the built-in labels and style; each
// was copied per plan (a few hundred map nodes). They never change within a
// process, so each thread keeps the labels of each language it has met, and
// only those that loaded without a word to report: anything else is loaded
// (and reported) on every render, as before.
const view::labels* built_in_labels(const render::template_set& templates, const render_request& request,
                                    const std::string& locale) {
    if (!request.template_dir.empty()) return nullptr;
    thread_local std::map<std::string, view::labels, std::less<>> by_locale;
    if (const auto found = by_locale.find(locale); found != by_locale.end()) return &found->second;
    diagnostic_sink reported;
    auto words = templates.load_labels(locale, reported);
    if (!reported.all().empty()) return nullptr;
    // A long-lived process seeing many locales must not grow without end.
    if (by_locale.size() >= 64) by_locale.clear();
    return &by_locale.emplace(locale, std::move(words)).first->second;
}

const render::style& built_in_style() {
    static const render::style look = render::style::built_in();
    return look;
}

}  // namespace

model::date as_of_for(const render_request& request, const model::plan& plan) {
    return request.as_of ? *request.as_of : plan.as_of ? *plan.as_of : request.today;
}

std::optional<model::plan> load_plan(const render_request& request, diagnostic_sink& diags,
                                     const tree_visitor& visit_tree) {
    auto tree = load_plan_tree(request, diags);
    if (!tree) return std::nullopt;
    auto plan = validate::validate_plan(*tree, validation_options(request), diags);
    if (!plan) return std::nullopt;
    if (visit_tree) visit_tree(*tree, *plan);
    if (!request.value_map_path.empty()) merge_value_map_file(request.value_map_path, *plan, diags);
    if (!request.locale.empty()) plan->locale = request.locale;
    if (diags.has_errors()) return std::nullopt;
    return plan;
}

render_result render_plan(const render_request& request, diagnostic_sink& diags) {
    render_result result;
    result.plan = load_plan(request, diags);
    if (!result.plan) return result;
    result.outputs = render_model(*result.plan, request, diags);
    return result;
}

namespace {

// render_model's work; its diagnostics are named by report_about_plan.
std::vector<rendered_output> render_model_unnamed(const model::plan& input_plan, const render_request& request,
                                                  diagnostic_sink& diags) {
    const model::plan* plan_ptr = &input_plan;
    std::optional<model::plan> relabelled;
    if (!request.locale.empty() && input_plan.locale != request.locale) {
        relabelled = input_plan;
        relabelled->locale = request.locale;
        plan_ptr = &*relabelled;
    }
    const auto& plan = *plan_ptr;

    const auto facts = analyze::analyze_plan(plan, as_of_for(request, plan));

    const auto templates =
        request.template_dir.empty() ? render::template_set{} : render::template_set{request.template_dir};
    std::optional<view::labels> read_words;
    const view::labels* words = built_in_labels(templates, request, plan.locale);
    if (!words) words = &read_words.emplace(templates.load_labels(plan.locale, diags));
    std::optional<render::style> style_file;
    const render::style* look = &built_in_style();
    if (!request.style_path.empty()) {
        style_file = render::style::from_file(request.style_path, diags);
        look = style_file ? &*style_file : nullptr;
    }
    std::string docx_styles;
    if (!request.reference_docx.empty()) {
        auto styles = render::read_reference_docx(request.reference_docx, diags);
        if (styles) docx_styles = std::move(*styles);
    }
    if (diags.has_errors() || !look) return {};

    auto doc = view::build_document(plan, facts, *words, diags);
    if (!shape_document(request, doc, diags)) return {};
    // The writers read the request itself; only what is worked out from it is added.
    const render::render_context ctx{templates, *look, request, render::paper_for(request.paper, *look, plan.locale),
                                     std::move(docx_styles)};

    std::vector<rendered_output> outputs;
    for (const auto& name : request.formats) {
        const auto* format = render::find_output_format(name);
        if (!format) {
            diags.error("O521", "unknown output format `" + name + "`", {},
                        {"known formats are listed by `closeplan render --help`"});
            continue;
        }
        outputs.push_back({format->name, format->extension, format->write(doc, ctx, diags)});
    }
    // Nothing half-done leaves the pipeline: one failed format withholds all.
    if (diags.has_errors()) return {};
    return outputs;
}

}  // namespace

void report_about_plan(const model::plan& plan, const diagnostic_sink& produced, diagnostic_sink& diags) {
    for (auto d : produced.all()) {
        if (d.where.file.empty()) d.where.file = plan.source_file;
        diags.report(std::move(d));
    }
}

std::vector<rendered_output> render_model(const model::plan& plan, const render_request& request,
                                          diagnostic_sink& diags) {
    diagnostic_sink produced;
    auto outputs = render_model_unnamed(plan, request, produced);
    report_about_plan(plan, produced, diags);
    if (diags.has_errors()) return {};
    return outputs;
}

}  // namespace closeplan::pipeline
