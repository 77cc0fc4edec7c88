// SPDX-License-Identifier: MIT
// Backward scheduling as batch uses it: one playbook, many deals. Prints the
// time per scheduled deal; under callgrind, run it with two deal counts and
// divide the difference in instructions by the difference in deals:
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null build/bench/schedule_bench core 1000
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null build/bench/schedule_bench core 11000
// Modes: core (schedule_backward_into: indices, no allocation), result
// (schedule_backward: milestones with dates), yaml (result + build_plan + to_plan_yaml).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/dates.hpp"
#include "schedule/schedule.hpp"

using namespace closeplan;

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "core";
    const long deals = argc > 2 ? std::atol(argv[2]) : 100000;
    const std::string dir = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/playbooks/";
    diagnostic_sink diags;
    const auto book = schedule::load_playbook(dir + "enterprise.yaml", diags);
    const auto holidays = schedule::load_holidays(dir + "holidays-us-2026.yaml", diags);
    if (!book || !holidays) {
        for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
        return 1;
    }
    const schedule::business_calendar calendar(*holidays);
    const auto as_of = *model::parse_iso_date("2026-05-04");
    const auto first_close = std::chrono::sys_days(*model::parse_iso_date("2026-06-01"));

    schedule::schedule_indices indices;
    long checksum = 0;
    std::size_t bytes = 0;
    const auto started = std::chrono::steady_clock::now();
    for (long i = 0; i < deals; ++i) {
        // Close dates spread over a year, as in a real pipeline export.
        const model::date close(first_close + std::chrono::days(i % 365));
        if (mode == "core") {
            schedule::schedule_backward_into(*book, close, as_of, calendar, indices);
            checksum += indices.first_start + indices.business_days_missing();
        } else {
            const auto result = schedule::schedule_backward(*book, close, as_of, calendar);
            checksum += result.business_days_missing;
            if (mode == "yaml") {
                schedule::deal_fields deal;
                deal.name = "Deal " + std::to_string(i);
                bytes += schedule::to_plan_yaml(schedule::build_plan(*book, result, deal, close, as_of)).size();
            }
        }
    }
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("schedule_bench %s: %ld deals x %zu steps in %.3f s = %.0f ns per deal (checksum %ld, %zu bytes)\n",
                mode.c_str(), deals, book->steps.size(), elapsed, elapsed * 1e9 / static_cast<double>(deals), checksum,
                bytes);
    return 0;
}
