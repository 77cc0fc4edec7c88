// Writes the Customer Success handoff pack and one person's calendar, as
// `closeplan handoff` and `closeplan ics --for` do.
// Usage: handoff_pack PLAN OUT_DIR PERSON
#include <closeplan/closeplan.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) return 2;
    const std::string out = argv[2];
    const auto plan = closeplan::plan::from_file(argv[1]);

    closeplan::handoff_options options;
    options.paper = closeplan::paper::letter;
    const auto pack = closeplan::make_handoff(plan, options);
    for (const auto& d : pack.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
    if (!pack.ok()) return 4;
    for (const auto& file : pack.files)  // handoff.pdf, .html, .md, .docx, milestones.ics, plan.json
        std::ofstream(out + "/" + file.name, std::ios::binary) << file.bytes;

    const auto calendar = closeplan::make_calendar(plan, {}, argv[3]);
    if (!calendar.ok()) return 4;
    std::ofstream(out + "/mine.ics", std::ios::binary) << *calendar.ics;
    std::cout << pack.files.size() << " files and mine.ics\n";
}
