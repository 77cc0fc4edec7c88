// Schedules a plan from a playbook, then compares it with a later version
// whose close moved, as `closeplan schedule` and `closeplan diff` do.
// Usage: schedule_and_diff PLAYBOOK
#include <closeplan/closeplan.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    closeplan::schedule_options options;
    options.close = closeplan::date{2026, 6, 30};
    options.as_of = closeplan::date{2026, 5, 4};
    options.deal_name = "Northwind rollout";
    const auto first = closeplan::schedule_plan(argv[1], options);
    for (const auto& d : first.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!first.ok()) return 4;

    options.close = closeplan::date{2026, 7, 14};  // the close moved two weeks
    const auto later = closeplan::schedule_plan(argv[1], options);
    if (!later.ok()) return 4;
    closeplan::diff_options for_people;
    for_people.format = closeplan::diff_format::md;
    const auto changes = closeplan::diff_plans(first.scheduled, later.scheduled, for_people);
    if (!changes.ok()) return 4;
    std::cout << changes.output;
}
