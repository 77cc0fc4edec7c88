// Prints the plan's health report as JSON, byte for byte `closeplan check --format json`,
// and each finding on standard error.
// Usage: health_report PLAN
#include <closeplan/closeplan.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto report = closeplan::check_health(closeplan::plan::from_file(argv[1]));
    if (!report.ok()) {
        for (const auto& d : report.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
        return 4;
    }
    for (const auto& finding : report.findings) std::cerr << closeplan::format_diagnostic(finding) << '\n';
    std::cerr << "score " << report.score << "/100\n";
    std::cout << report.json;
}
