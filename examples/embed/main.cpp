// SPDX-License-Identifier: MIT
// Embedding closeplan: render a plan to PDF and to an HTML fragment in memory,
// then do what the host program does with bytes (here: write two files).
//
//   embed_plan PLAN.yaml OUT_DIR
#include <closeplan/closeplan.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: embed_plan PLAN.yaml OUT_DIR\n";
        return 2;
    }
    // Loading and rendering report problems as data; nothing here throws for bad input.
    const auto plan = closeplan::plan::from_file(argv[1]);

    closeplan::render_options pdf;
    pdf.formats = {"pdf"};
    pdf.paper = "a4";

    closeplan::render_options fragment;
    fragment.formats = {"html"};
    fragment.fragment = true;  // a <div class="closeplan-plan"> for a proposal page
    fragment.sections = {"milestones", "signoff"};
    fragment.heading_offset = 1;

    const std::filesystem::path out_dir = argv[2];
    std::filesystem::create_directories(out_dir);
    for (const auto& [options, name] : {std::pair{pdf, "plan.pdf"}, std::pair{fragment, "plan.fragment.html"}}) {
        const auto result = closeplan::render_plan(plan, options);
        for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
        if (!result.ok()) return 4;
        std::ofstream(out_dir / name, std::ios::binary) << result.outputs.front().bytes;
        std::cout << name << ": " << result.outputs.front().bytes.size() << " bytes\n";
    }
    return 0;
}
