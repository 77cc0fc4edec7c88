// Schedules a plan from a playbook, then compares it with a later version
// whose close moved, as `closeplan schedule` and `closeplan diff` do.
// Usage: schedule_and_diff PLAYBOOK
#include <closeplan/closeplan.hpp>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    using namespace std::chrono;
    const auto first = closeplan::schedule_plan(argv[1], {.close = year{2026} / June / 30,
                                                          .as_of = year{2026} / May / 4,
                                                          .deal_name = "Northwind rollout"});
    for (const auto& d : first.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!first.ok()) return 4;

    auto later = closeplan::schedule_plan(argv[1], {.close = year{2026} / July / 14,
                                                    .as_of = year{2026} / May / 4,
                                                    .deal_name = "Northwind rollout"});
    if (!later.ok()) return 4;
    const auto changes = closeplan::diff_plans(first.scheduled, later.scheduled,
                                               {.format = closeplan::diff_format::md});
    if (!changes.ok()) return 4;
    std::cout << changes.output;
}
