// Options that cannot be right are all reported by one call, and nothing is rendered.
// Usage: bad_options PLAN   (exits 0 when the library refused as it should)
#include <closeplan/closeplan.hpp>

#include <chrono>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    using namespace std::chrono;
    const auto plan = closeplan::plan::from_file(argv[1]);
    const auto result = closeplan::render_plan(plan, {.formats = {"pdf"},
                                                      .as_of = year{2026} / February / 30,  // no such day
                                                      .paper = "a5"});                      // not letter or a4
    for (const auto& d : result.diagnostics) std::cout << closeplan::format_diagnostic(d) << '\n';
    // render_options::as_of 2026-02-30 is not a calendar date (A100), paper "a5" (A101): both, no output.
    return !result.ok() && result.outputs.empty() && result.diagnostics.size() == 2 ? 0 : 1;
}
