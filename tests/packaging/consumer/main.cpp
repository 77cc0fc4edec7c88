// SPDX-License-Identifier: MIT
// A program built against an installed closeplan with nothing but
//   g++ -std=c++20 main.cpp $(pkg-config --cflags --libs closeplan)
// (tests/packaging/pkg_config_consumer.sh): renders the handoff pack and the
// calendar of a plan through the library and compares them with the CLI's
// goldens, byte for byte. Exits non-zero, saying why, when anything differs.
//
//   consumer PLAN EXPECTED_HANDOFF_DIR
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
    if (argc != 3) return fail("usage: consumer PLAN EXPECTED_HANDOFF_DIR");
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

    std::cout << "closeplan " << closeplan::version() << ": " << plan.deal_name() << ": handoff pack of "
              << pack.files.size() << " files, calendar of " << calendar.ics->size() << " bytes\n";
    return 0;
}
