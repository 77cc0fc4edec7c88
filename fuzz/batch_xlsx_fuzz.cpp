// SPDX-License-Identifier: MIT
// An .xlsx export (`closeplan batch export.xlsx`): src/batch/run_batch detects
// the zip container and reads it with libzip and expat (xlsx_reader.hpp), then
// maps, surveys and renders the rows as for a CSV export (to Markdown only:
// batch_csv drives every format). The input is either
//   - a raw .xlsx file (an input that is no bundle), so the container itself
//     is fuzzed: zip directory, compression, sizes; or
//   - a bundle (fuzz_support.hpp) of the workbook's XML parts, zipped here
//     without compression, so mutations reach the XML and the cell reader:
//       xl/worksheets/sheet1.xml, xl/sharedStrings.xml, xl/styles.xml,
//       xl/workbook.xml, xl/_rels/workbook.xml.rels (the last two default to
//       one sheet, sheet1.xml), any other part by name, and `options` lines
//       (`sheet:`, `preset:`, `date-format:`, `decimal:`).
#include <zip.h>

#include <sstream>

#include "batch/batch_run.hpp"
#include "batch/crm_dates.hpp"
#include "batch/default_playbook.hpp"
#include "batch/error_report.hpp"
#include "batch/index_page.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace closeplan;

constexpr const char* default_workbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* default_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)";

class memory_sink : public batch::batch_sink {
public:
    bool up_to_date(const std::string&, const std::string&, const std::vector<std::string>&) override { return false; }
    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>&) override {
        if (stem.empty() || stem.find('/') != std::string::npos || stem.front() == '.')
            fuzz::finding("batch: unsafe output file stem `" + stem + "`");
    }
    void deal_done(const batch::deal_result& deal) override {
        if (deal.outcome == batch::deal_outcome::failed && deal.errors.empty())
            fuzz::finding("batch: a deal failed without a row error");
        (void)batch::index_page_row(deal, false);
        for (const auto& e : deal.errors) (void)batch::errors_csv_line(e);
    }
};

// The parts zipped, stored (no compression): the bytes of an .xlsx file.
std::string zip_parts(const std::map<std::string, std::string>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) fuzz::finding("libzip: no buffer source");
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) fuzz::finding("libzip: cannot create an archive in memory");
    for (const auto& [name, bytes] : parts) {
        zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const auto index = part ? zip_file_add(archive, name.c_str(), part, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            zip_source_free(part);
            continue;  // a name libzip refuses (empty): the part is left out
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    std::string out;
    if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
        char chunk[64 * 1024];
        for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
        zip_source_close(buffer);
    } else {
        zip_discard(archive);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "export.xlsx");
    auto options = fuzz::option_lines(files["options"]);
    std::string bytes;
    if (files.count("export.xlsx")) {
        bytes = files["export.xlsx"];
    } else {
        files.erase("options");
        files.try_emplace("xl/workbook.xml", default_workbook);
        files.try_emplace("xl/_rels/workbook.xml.rels", default_rels);
        bytes = zip_parts(files);
    }

    batch::batch_inputs inputs;
    inputs.file_name = "export.xlsx";
    inputs.sheet = options["sheet"];
    inputs.request.formats = {"md"};
    inputs.request.today = fuzz::fuzz_today();
    inputs.request.as_of = fuzz::fuzz_today();
    inputs.playbook = batch::default_playbook();
    if (!options["date-format"].empty()) {
        inputs.dates = batch::parse_date_style(options["date-format"]);
        if (!inputs.dates) return 0;  // the command refuses it as a usage error
    }
    if (options["decimal"] == "point") inputs.decimal = batch::decimal_mark::point;
    if (options["decimal"] == "comma") inputs.decimal = batch::decimal_mark::comma;
    if (!options["preset"].empty()) {
        inputs.mapping = batch::preset_named(options["preset"]);
        if (!inputs.mapping) return 0;
    }

    std::istringstream in(bytes);
    memory_sink sink;
    diagnostic_sink diags;
    const auto totals = batch::run_batch(in, inputs, sink, diags);
    if (!totals && !diags.has_errors()) fuzz::finding("run_batch: no totals and no error");
    return 0;
}
