// SPDX-License-Identifier: MIT
// PDF speed: one-page buyer plans of a 10-milestone plan rendered in one process,
// for a Latin-script plan (standard font) and one that needs an embedded font.
//
//   pdf_bench [SECONDS_PER_CASE]     prints docs/s, ms/doc and file size per case
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace closeplan;
using clock_type = std::chrono::steady_clock;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

struct figures {
    int docs = 0;
    double seconds = 0;
    std::size_t bytes = 0;
};

figures measure(const pipeline::render_request& request, double budget_seconds) {
    figures result;
    const auto start = clock_type::now();
    do {
        diagnostic_sink diags;
        auto rendered = pipeline::render_plan(request, diags);
        if (rendered.outputs.empty()) {
            std::fprintf(stderr, "pdf_bench: rendering failed\n");
            std::exit(1);
        }
        result.bytes = rendered.outputs.front().bytes.size();
        ++result.docs;
        result.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    } while (result.seconds < budget_seconds);
    return result;
}

void report(const char* name, const figures& f) {
    std::printf("%-34s %8.1f docs/s %8.3f ms/doc %8.1f KB/file (%d docs)\n", name, f.docs / f.seconds,
                1000.0 * f.seconds / f.docs, static_cast<double>(f.bytes) / 1024.0, f.docs);
}

}  // namespace

int main(int argc, char** argv) {
    const double budget = argc > 1 ? std::atof(argv[1]) : 3.0;
    const std::string plan_path = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/northwind/plan.yaml";
    const std::string latin = load::read_file(plan_path);
    // Polish and Cyrillic names are outside WinAnsi, so the font must be embedded.
    const std::string needs_embedding =
        replace_all(replace_all(latin, "Northwind Health", "Zakłady Północ"), "Dana Ruiz", "Дана Руис");

    pipeline::render_request request;
    request.plan.path = plan_path;
    request.today = *model::parse_iso_date("2026-05-04");

    std::printf("one-page buyer plan, 10 milestones, whole pipeline (parse, validate, layout, paint), one thread\n");
    for (const auto& [name, text] : {std::pair{"latin (standard font)", latin},
                                     std::pair{"non-latin (embedded font)", needs_embedding}}) {
        request.plan.text = text;
        request.formats = {"pdf"};
        report((std::string("pdf ") + name).c_str(), measure(request, budget));
    }
    request.plan.text = latin;
    request.formats = {"html", "md"};
    report("html+md latin", measure(request, budget));
    return 0;
}
