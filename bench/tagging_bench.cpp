// SPDX-License-Identifier: MIT
// What tagged PDF costs (issue 17): for every example plan (examples/ and the
// script plans in tests/cli/fixtures/scripts/), its buyer plan, full plan and
// handoff pack laid out and painted untagged and tagged, in one process.
//
//   tagging_bench [SECONDS_PER_CASE] [CASE]   prints ms/doc and KB/file, untagged and tagged
//
// Untagged is render::pdf_tagging::off_for_measuring: the same pages without the
// structure tree, marked content, XMP metadata and annotation descriptions (the
// layout still hands out its tags; their cost is in both figures). Each case
// renders two untimed warm-up documents first. Under
// `valgrind --tool=callgrind --collect-atstart=no` only the measured documents are
// counted, and each case's counts are dumped on their own (callgrind.out.N.M,
// named by the case: `callgrind_annotate` or bench/tagging_counts.py sums them);
// with SECONDS_PER_CASE 0 that is exactly one document per case and mode.
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define CLOSEPLAN_COLLECT() CALLGRIND_TOGGLE_COLLECT
#define CLOSEPLAN_DUMP(name) CALLGRIND_DUMP_STATS_AT(name)
#else
#define CLOSEPLAN_COLLECT()
#define CLOSEPLAN_DUMP(name)
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "handoff/handoff_document.hpp"
#include "layout/layout_document.hpp"
#include "layout/layout_handoff.hpp"
#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"
#include "render/paper.hpp"
#include "render/pdf.hpp"
#include "render/template_set.hpp"
#include "view/build_document.hpp"

namespace {

using namespace closeplan;
using clock_type = std::chrono::steady_clock;

struct figures {
    int docs = 0;
    double seconds = 0;
    std::size_t bytes = 0;
};

// `one` renders a document and returns its bytes; every document must equal the first.
figures measure(const std::function<std::string()>& one, double budget_seconds, const std::string& label) {
    const std::string first = one();
    if (first.empty() || one() != first) {
        std::fprintf(stderr, "tagging_bench: %s failed or is not deterministic\n", label.c_str());
        std::exit(1);
    }
    figures result;
    const auto start = clock_type::now();
    do {
        CLOSEPLAN_COLLECT();
        const std::string bytes = one();
        CLOSEPLAN_COLLECT();
        if (bytes != first) {
            std::fprintf(stderr, "tagging_bench: %s: a document differs from the first\n", label.c_str());
            std::exit(1);
        }
        result.bytes = bytes.size();
        ++result.docs;
        result.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    } while (result.seconds < budget_seconds);
    CLOSEPLAN_DUMP(label.c_str());
    return result;
}

struct loaded {
    model::plan plan;
    analyze::analysis facts;
    view::labels words;
};

loaded load_example(const std::filesystem::path& path) {
    pipeline::render_request request;
    request.plan.path = path.string();
    request.today = *model::parse_iso_date("2026-05-04");
    const auto value_map = path.parent_path() / "value-map.yaml";
    if (std::filesystem::exists(value_map)) request.value_map_path = value_map.string();
    diagnostic_sink diags;
    auto plan = pipeline::load_plan(request, diags);
    if (!plan) {
        std::fprintf(stderr, "tagging_bench: %s does not load\n", request.plan.path.c_str());
        std::exit(1);
    }
    auto facts = analyze::analyze_plan(*plan, plan->as_of ? *plan->as_of : request.today);
    auto words = render::template_set{}.load_labels(plan->locale, diags);
    return {std::move(*plan), std::move(facts), std::move(words)};
}

// Layout and painting of one document, as render and handoff do them.
std::string layout_and_paint(const view::document& doc, const std::string& template_name, const std::string& paper,
                             const render::style& look, render::pdf_tagging tagging, const std::string& contents_title) {
    diagnostic_sink diags;
    const auto metrics = layout::metrics_for(doc);
    const layout::layout_options options{template_name, paper, look.tokens()};
    const auto pages = template_name == "handoff"
                           ? layout::layout_handoff(doc, *metrics, options, contents_title, diags)
                           : layout::layout_document(doc, *metrics, options, diags);
    return render::render_pdf(pages, diags, {}, tagging);
}

std::string percent(double before, double after) {
    char text[32];
    std::snprintf(text, sizeof text, "%+.0f%%", 100.0 * (after - before) / before);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    const double budget = argc > 1 ? std::atof(argv[1]) : 1.0;
    const std::string only = argc > 2 ? argv[2] : "";
    const std::filesystem::path root = CLOSEPLAN_SOURCE_DIR;
    std::vector<std::filesystem::path> plans;
    for (const auto* folder : {"examples", "tests/cli/fixtures/scripts"})
        for (const auto& entry : std::filesystem::directory_iterator(root / folder))
            for (const auto* file : {"plan.yaml", "plan.json"})
                if (std::filesystem::exists(entry.path() / file)) plans.push_back(entry.path() / file);
    std::sort(plans.begin(), plans.end());
    const auto look = render::style::built_in();

    std::printf("layout+paint per document, one thread, after two warm-up documents per case\n");
    std::printf("%-24s %10s %10s %6s %10s %10s %6s\n", "case", "ms untag", "ms tagged", "", "KB untag", "KB tagged", "");
    for (const auto& path : plans) {
        const std::string example = path.parent_path().filename().string();
        const auto in = load_example(path);
        const std::string paper = render::paper_for("", look, in.plan.locale);
        const auto gaps = handoff::find_gaps(in.plan);
        diagnostic_sink diags;
        for (const std::string kind : {"buyer-plan", "full", "handoff"}) {
            const std::string name = example + ":" + kind;
            if (name.find(only) == std::string::npos) continue;
            const auto doc = kind == "handoff" ? handoff::build_handoff_document(in.plan, in.facts, in.words, gaps, diags)
                                               : view::build_document(in.plan, in.facts, in.words, diags);
            const std::string contents = in.words.get("handoff.section.contents");
            const auto run = [&](render::pdf_tagging tagging) {
                return [&, tagging] { return layout_and_paint(doc, kind, paper, look, tagging, contents); };
            };
            const auto untagged = measure(run(render::pdf_tagging::off_for_measuring), budget, name + ":untagged");
            const auto tagged = measure(run(render::pdf_tagging::on), budget, name + ":tagged");
            const double ms_untagged = 1000.0 * untagged.seconds / untagged.docs;
            const double ms_tagged = 1000.0 * tagged.seconds / tagged.docs;
            std::printf("%-24s %10.3f %10.3f %6s %10.1f %10.1f %6s\n", name.c_str(), ms_untagged, ms_tagged,
                        percent(ms_untagged, ms_tagged).c_str(), untagged.bytes / 1024.0, tagged.bytes / 1024.0,
                        percent(static_cast<double>(untagged.bytes), static_cast<double>(tagged.bytes)).c_str());
        }
    }
    return 0;
}
