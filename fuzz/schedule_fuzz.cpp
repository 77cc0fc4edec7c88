// SPDX-License-Identifier: MIT
// A playbook and a holidays file through `closeplan schedule`'s path:
// load_playbook_text and load_holidays_text (in memory), backward
// scheduling, the close-day and feasibility reports, the plan as YAML, and
// that YAML read back through the plan validator: the command exits 70
// ("internal error") when it does not validate, so here it is a finding.
// The scheduled plan is then rendered to Markdown (a batch row's path).
// The input is a bundle (fuzz_support.hpp): playbook.yaml (an input that is
// no bundle is this file), holidays.yaml, and dates: `close: YYYY-MM-DD` and
// `as-of: YYYY-MM-DD` lines, parsed like the command's flags.
#include <sstream>

#include "fuzz_support.hpp"
#include "load/load_document.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"
#include "schedule/schedule.hpp"
#include "validate/validate_plan.hpp"

namespace {

std::string line_value(const std::string& text, const std::string& key) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(key + ": ", 0) == 0) return line.substr(key.size() + 2);
    return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "playbook.yaml");
    const auto close_text = line_value(files["dates"], "close"), as_of_text = line_value(files["dates"], "as-of");
    const auto close = model::parse_iso_date(close_text.empty() ? "2026-09-30" : close_text);
    const auto as_of = model::parse_iso_date(as_of_text.empty() ? "2026-05-04" : as_of_text);
    if (!close || !as_of) return 0;  // the command refuses the flag (exit 2)
    // So it does a date outside the years closeplan reads (cli/cmd_schedule.cpp, exit 2).
    if (!model::in_supported_range(*close) || !model::in_supported_range(*as_of)) return 0;

    diagnostic_sink diags;
    const auto book = schedule::load_playbook_text(files["playbook.yaml"], "playbook.yaml", diags);
    schedule::business_calendar calendar;
    if (files.count("holidays.yaml"))
        if (auto days = schedule::load_holidays_text(files["holidays.yaml"], "holidays.yaml", diags)) calendar.add(*days);
    if (diags.has_errors() || !book) return 0;

    const auto scheduled = schedule::schedule_backward(*book, *close, *as_of, calendar);
    schedule::report_close_day(*book, *close, calendar, diags);
    schedule::report_feasibility(*book, scheduled, *as_of, diags);
    const auto plan = schedule::build_plan(*book, scheduled, {}, *close, *as_of);
    const auto yaml = schedule::to_plan_yaml(plan);

    diagnostic_sink check;
    const auto root = load::load_document(yaml, "<scheduled plan>", load::input_syntax::yaml, check);
    if (root) validate::validate_plan(*root, {}, check);
    if (check.has_errors()) {
        std::string first;
        for (const auto& d : check.all())
            if (d.level == severity::error) { first = format_diagnostic(d); break; }
        fuzz::finding("schedule: the scheduled plan does not pass its own check (exit 70): " + first);
    }

    pipeline::render_request request;
    request.formats = {"md"};
    request.as_of = *as_of;
    request.today = fuzz::fuzz_today();
    diagnostic_sink render_diags;
    const auto outputs = pipeline::render_model(plan, request, render_diags);
    if (outputs.empty() && !render_diags.has_errors()) fuzz::finding("render_model: no output and no error");
    return 0;
}
