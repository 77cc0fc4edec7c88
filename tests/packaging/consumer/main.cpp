// SPDX-License-Identifier: MIT
// A program built against an installed closeplan with nothing but
//   g++ main.cpp $(pkg-config --cflags --libs closeplan)
// (no -std: g++'s default, gnu++17; tests/consumer/consumer_test.sh and
// deb_test.sh): renders the handoff pack, the calendar and the health report
// of a plan through the library and compares them with the CLI's goldens and
// `closeplan check --format json`, byte for byte. Exits non-zero, saying why,
// when anything differs.
//
//   consumer PLAN EXPECTED_HANDOFF_DIR EXPECTED_HEALTH_JSON
#include <closeplan/closeplan.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

int fail(const std::string& why) {
    std::cerr << "consumer: " << why << '\n';
    return 1;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void print(const std::vector<closeplan::diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) return fail("usage: consumer PLAN EXPECTED_HANDOFF_DIR EXPECTED_HEALTH_JSON");
    const std::string expected = argv[2];
    const auto plan = closeplan::plan::from_file(argv[1]);
    print(plan.diagnostics());
    if (!plan.valid()) return fail("the plan did not load");

    const auto pack = closeplan::make_handoff(plan);
    print(pack.diagnostics);
    if (!pack.ok()) return fail("make_handoff failed");
    bool has_pdf = false;
    for (const auto& file : pack.files) {
        if (file.name == "handoff.pdf") {
            has_pdf = file.bytes.rfind("%PDF-", 0) == 0;
        } else if (file.name == "handoff.html" || file.name == "milestones.ics" || file.name == "plan.json") {
            if (file.bytes != read(expected + "/" + file.name)) return fail(file.name + " differs from the CLI's golden");
        }
    }
    if (!has_pdf) return fail("the pack has no handoff.pdf starting with %PDF-");

    const auto calendar = closeplan::make_calendar(plan);
    print(calendar.diagnostics);
    if (!calendar.ok() || !calendar.ics) return fail("make_calendar failed");
    if (*calendar.ics != read(expected + "/milestones.ics")) return fail("the calendar differs from the CLI's golden");
    if (calendar.ics->rfind("BEGIN:VCALENDAR", 0) != 0) return fail("the calendar is not iCalendar text");

    const auto health = closeplan::check_health(plan);
    print(health.diagnostics);
    if (!health.ok()) return fail("check_health failed");
    if (health.json != read(argv[3])) return fail("the health report differs from closeplan check --format json");
    const std::string score_line = plan.name() + ": health " + std::to_string(health.score) + "/100";
    if (health.text.find(score_line) == std::string::npos) return fail("the health text has no line \"" + score_line + "\"");
    for (const auto& finding : health.findings)
        if (finding.code.size() != 4 || finding.code[0] != 'H' || finding.hints.size() != 2)
            return fail("finding " + finding.code + " is not a health rule with its why and fix");

    std::cout << "closeplan " << closeplan::version() << " (CLOSEPLAN_VERSION_STRING " << CLOSEPLAN_VERSION_STRING
              << "): " << plan.deal_name() << ": handoff pack of " << pack.files.size() << " files, calendar of "
              << calendar.ics->size() << " bytes, health " << health.score << "/100 with " << health.findings.size()
              << " findings\n";
    return 0;
}
