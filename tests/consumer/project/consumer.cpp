// SPDX-License-Identifier: MIT
// Uses only the installed public headers: loads a plan given on the command
// line, checks a broken one from memory, and renders HTML, Markdown and PDF
// into memory. Exits non-zero, saying why, when anything is not as expected.
//
//   consumer PLAN.yaml
#include <closeplan/closeplan.hpp>

#include <iostream>
#include <string>

namespace {

int fail(const std::string& why) {
    std::cerr << "consumer: " << why << '\n';
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return fail("usage: consumer PLAN.yaml");
    const auto plan = closeplan::plan::from_file(argv[1]);
    for (const auto& d : plan.diagnostics()) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!plan.valid()) return fail("the plan did not load");

    const auto broken = closeplan::plan::from_memory("closeplan: 1\ndeal: [", "broken.yaml");
    if (broken.valid() || broken.diagnostics().empty() || broken.diagnostics().front().code != "L102")
        return fail("a YAML syntax error was not reported as L102");

    closeplan::render_options options;
    options.formats = {"html", "md", "pdf"};
    const auto result = closeplan::render_plan(plan, options);
    for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!result.ok() || result.outputs.size() != 3) return fail("rendering failed");
    if (result.outputs[2].bytes.rfind("%PDF-", 0) != 0) return fail("the PDF does not start with %PDF-");
    if (result.outputs[1].bytes.find(plan.deal_name()) == std::string::npos)
        return fail("the Markdown does not name the deal");

    std::cout << "closeplan " << closeplan::version() << ": " << plan.deal_name() << ", "
              << plan.milestone_count() << " milestones;";
    for (const auto& out : result.outputs) std::cout << ' ' << out.format << ' ' << out.bytes.size() << " bytes";
    std::cout << '\n';
    return 0;
}
