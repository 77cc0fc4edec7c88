// SPDX-License-Identifier: MIT
// A CRM export (`closeplan batch`): src/batch/run_batch reads the CSV from an
// in-memory stream (seekable, as --group-by needs), builds each deal's plan
// with a preset, a detected preset or a mapping file, schedules the playbook
// and renders every output format; a memory sink keeps what the command's
// folder sink would write and builds the index page, errors.csv and the
// report lines from the results. The input is a bundle (fuzz_support.hpp):
//   export.csv    the export (an input that is no bundle is this file)
//   mapping.yaml  a mapping file (load_mapping reads a path: written to the scratch folder),
//                 with its `plan:` fields and `regions:`; holidays-*.yaml go next to it for those
//   playbook.yaml, holidays.yaml   in memory (load_playbook_text, load_holidays_text)
//   options       `key: value` lines: preset, group-by, date-format, decimal, currency, seller, check
#include <sstream>

#include "batch/batch_report.hpp"
#include "batch/batch_run.hpp"
#include "batch/crm_dates.hpp"
#include "batch/default_playbook.hpp"
#include "batch/error_report.hpp"
#include "batch/index_page.hpp"
#include "fuzz_support.hpp"
#include "render/render.hpp"

namespace {

using namespace closeplan;

class memory_sink : public batch::batch_sink {
public:
    bool up_to_date(const std::string&, const std::string&, const std::vector<std::string>&) override { return false; }
    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) override {
        if (stem.empty() || stem.find('/') != std::string::npos || stem.front() == '.')
            fuzz::finding("batch: unsafe output file stem `" + stem + "`");
        for (const auto& output : outputs)
            if (output.bytes.empty()) fuzz::finding("batch: empty " + output.format + " for " + stem);
    }
    void deal_done(const batch::deal_result& deal) override {
        if (deal.outcome == batch::deal_outcome::failed && deal.errors.empty())
            fuzz::finding("batch: a deal failed without a row error");
        index += batch::index_page_row(deal, true);
        report += batch::deal_json(deal);
        for (const auto& e : deal.errors) errors += batch::errors_csv_line(e, {deal.id, deal.name, deal.owner, deal.sheet_row});
    }
    std::string index, report, errors;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "export.csv");
    auto options = fuzz::option_lines(files["options"]);

    batch::batch_inputs inputs;
    inputs.file_name = "export.csv";
    inputs.group_by = options["group-by"];
    for (const auto& format : render::output_formats()) inputs.request.formats.push_back(format.name);
    inputs.request.today = fuzz::fuzz_today();
    inputs.request.as_of = fuzz::fuzz_today();
    if (!options["date-format"].empty()) {
        inputs.dates = batch::parse_date_style(options["date-format"]);
        if (!inputs.dates) return 0;  // the command refuses it as a usage error
    }
    if (options["decimal"] == "point") inputs.decimal = batch::decimal_mark::point;
    if (options["decimal"] == "comma") inputs.decimal = batch::decimal_mark::comma;
    inputs.currency = options["currency"];
    inputs.seller = options["seller"];
    if (options.count("check")) inputs.health = health::config{};

    diagnostic_sink diags;
    if (!options["preset"].empty()) {
        inputs.mapping = batch::preset_named(options["preset"]);
        if (!inputs.mapping) return 0;  // usage error on the command line
    }
    if (files.count("mapping.yaml")) {
        for (const auto& [name, text] : files)
            if (name.starts_with("holidays-") && name.ends_with(".yaml") && name.find('/') == std::string::npos)
                fuzz::write_scratch(name, text);
        try {
            inputs.mapping = batch::load_mapping(fuzz::write_scratch("mapping.yaml", files["mapping.yaml"]), diags);
        } catch (const closeplan::error&) {
            return 0;  // a region's holidays file that cannot be read: L100, exit 4
        }
    }
    if (files.count("playbook.yaml")) inputs.playbook = schedule::load_playbook_text(files["playbook.yaml"], "playbook.yaml", diags);
    else if (inputs.group_by.empty()) inputs.playbook = batch::default_playbook();
    if (files.count("holidays.yaml"))
        if (auto days = schedule::load_holidays_text(files["holidays.yaml"], "holidays.yaml", diags)) inputs.calendar.add(*days);
    if (diags.has_errors()) return 0;  // exit 4 before any row is read

    std::istringstream in(files["export.csv"]);
    memory_sink sink;
    const auto totals = batch::run_batch(in, inputs, sink, diags);
    if (!totals) {
        if (!diags.has_errors()) fuzz::finding("run_batch: no totals and no error");
        return 0;
    }
    batch::index_page_head head{"Batch: export.csv", fuzz::fuzz_today(), true, batch::index_totals(*totals),
                                batch::index_nav(1, 2, "index")};
    (void)batch::index_page_start(head);
    (void)batch::index_page_end(head.nav_html);
    (void)batch::summary_line(*totals);
    return 0;
}
