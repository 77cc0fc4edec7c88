// Options that cannot be right are all reported by one call, and nothing is rendered.
// Usage: bad_options PLAN   (exits 0 when the library refused as it should)
#include <closeplan/closeplan.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto plan = closeplan::plan::from_file(argv[1]);
    closeplan::render_options options;
    options.formats = {"pdf"};
    options.as_of = closeplan::date{2026, 2, 30};  // no such day
    options.paper = "a5";                          // not letter or a4
    const auto result = closeplan::render_plan(plan, options);
    for (const auto& d : result.diagnostics) std::cout << closeplan::format_diagnostic(d) << '\n';
    // render_options::as_of 2026-02-30 is not a calendar date (A100), paper "a5" (A101): both, no output.
    return !result.ok() && result.outputs.empty() && result.diagnostics.size() == 2 ? 0 : 1;
}
