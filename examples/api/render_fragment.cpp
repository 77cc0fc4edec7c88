// Renders the buyer plan as a Markdown fragment for a proposal, and as a PDF.
// Usage: render_fragment PLAN OUT_DIR
#include <closeplan/closeplan.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    const auto plan = closeplan::plan::from_file(argv[1]);
    for (const auto& d : plan.diagnostics()) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!plan.valid()) return 4;

    // A piece to paste into another document: no title block, headings under the host's.
    closeplan::render_options piece;
    piece.formats = {"md"};
    piece.fragment = true;
    piece.heading_offset = 1;
    const auto fragment = closeplan::render_plan(plan, piece);
    if (!fragment.ok()) return 4;
    std::cout << fragment.outputs[0].bytes;

    // The same options with enums: the one-page PDF on A4.
    closeplan::render_options page;
    page.formats = {closeplan::format::pdf};
    page.paper = closeplan::paper::a4;
    page.fit = closeplan::fit::one_page;
    const auto pdf = closeplan::render_plan(plan, page);
    for (const auto& d : pdf.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!pdf.ok()) return 4;
    std::ofstream(std::string(argv[2]) + "/plan.pdf", std::ios::binary) << pdf.outputs[0].bytes;
}
