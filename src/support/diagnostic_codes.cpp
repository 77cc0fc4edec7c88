// SPDX-License-Identifier: MIT
// The one table of diagnostic codes (see the header). A new code gets its row
// here and in docs/diagnostics.md; tests/unit/support/diagnostic_codes_test.cpp
// fails until both exist, and when a code has two rows.
#include "support/diagnostic_codes.hpp"

#include <algorithm>
#include <array>

namespace closeplan {

namespace {

using enum code_severity;
constexpr auto usage = exit_class::usage;
constexpr auto input = exit_class::invalid_input;
constexpr auto templates = exit_class::template_error;
constexpr auto output = exit_class::output_error;
constexpr auto row = exit_class::batch_row;
constexpr auto health = exit_class::health;
constexpr auto internal = exit_class::internal;

// clang-format off
constexpr std::array codes{
    // A1xx: the library's options (include/closeplan/), checked all at once before anything is made
    code_info{"A100", error, usage, "an as_of, close or other date option is not a calendar date or out of range", "diagnostics.md#A100"},
    code_info{"A101", error, usage, "paper is not a paper closeplan lays out (letter, a4)", "diagnostics.md#A101"},
    code_info{"A102", error, usage, "render_options::formats holds an unknown format", "diagnostics.md#A102"},
    code_info{"A103", error, usage, "render_options::formats is empty", "diagnostics.md#A103"},
    code_info{"A104", error, usage, "template_name \"handoff\" asked of render_plan (the pack is make_handoff's)", "diagnostics.md#A104"},
    code_info{"A105", error, usage, "pdf_standards holds an unknown standard, or both PDF/A levels", "diagnostics.md#A105"},
    code_info{"A106", error, usage, "load_options::locale is not a language tag", "diagnostics.md#A106"},
    code_info{"A107", error, usage, "a moved-from (empty) plan was passed", "diagnostics.md#A107"},
    code_info{"A108", error, usage, "a deal field of schedule_options is blank or malformed", "diagnostics.md#A108"},
    // L1xx: loading a file
    code_info{"L100", error, input, "a file cannot be read (missing, no permission, a folder)", "diagnostics.md#L100"},
    code_info{"L101", error, input, "the file is not UTF-8 (invalid sequences, UTF-16)", "diagnostics.md#L101"},
    code_info{"L102", error, input, "YAML syntax error", "diagnostics.md#L102"},
    code_info{"L103", error, input, "JSON syntax error", "diagnostics.md#L103"},
    code_info{"L104", error, input, "a key appears twice in one mapping", "diagnostics.md#L104"},
    code_info{"L105", error, input, "the file is larger than the limit", "diagnostics.md#L105"},
    code_info{"L106", error, input, "too many values (alias expansion included)", "diagnostics.md#L106"},
    code_info{"L107", error, input, "nesting deeper than the limit", "diagnostics.md#L107"},
    code_info{"L108", error, input, "the file contains NUL bytes", "diagnostics.md#L108"},
    code_info{"L109", error, input, "a mapping key is not plain text", "diagnostics.md#L109"},
    code_info{"L110", error, input, "YAML merge keys (<<) are not supported", "diagnostics.md#L110"},
    code_info{"L111", error, input, "the file holds more than one YAML document", "diagnostics.md#L111"},
    code_info{"L112", warning, input, "a YAML tag is ignored", "diagnostics.md#L112"},
    code_info{"L113", warning, input, "a control character was replaced with U+FFFD", "diagnostics.md#L113"},
    // V2xx: the plan's fields
    code_info{"V201", error, input, "missing or unsupported format version, or the wrong kind of file", "diagnostics.md#V201"},
    code_info{"V202", error, input, "a required field is missing or empty", "diagnostics.md#V202"},
    code_info{"V203", error, input, "a value is not one of the allowed words", "diagnostics.md#V203"},
    code_info{"V204", error, input, "a date is malformed or does not exist", "diagnostics.md#V204"},
    code_info{"V205", error, input, "an id is used twice in one list", "diagnostics.md#V205"},
    code_info{"V206", error, input, "a resource link is not an allowed absolute address", "diagnostics.md#V206"},
    code_info{"V207", error, input, "a local path leaves the allowed folders", "diagnostics.md#V207"},
    code_info{"V208", warning, input, "unknown field (probably misspelt)", "diagnostics.md#V208"},
    code_info{"V209", error, input, "a value has the wrong shape (list, mapping, text)", "diagnostics.md#V209"},
    code_info{"V210", error, input, "amount, currency or locale is not well formed", "diagnostics.md#V210"},
    code_info{"V211", warning, input, "dates that contradict each other or the status", "diagnostics.md#V211"},
    code_info{"V212", warning, input, "an email does not look like an address", "diagnostics.md#V212"},
    code_info{"V213", warning, input, "a logo or resource file is not found", "diagnostics.md#V213"},
    code_info{"V214", error, input, "the value map file is not found or cannot be read", "diagnostics.md#V214"},
    code_info{"V215", error, input, "a count (term_months, notice_days) is not a whole number in range", "diagnostics.md#V215"},
    code_info{"V216", error, input, "a purchased quantity is not a plain number", "diagnostics.md#V216"},
    code_info{"V217", warning, input, "a sign-off says how it was given but not when", "diagnostics.md#V217"},
    code_info{"V218", warning, input, "contract dates contradict each other", "diagnostics.md#V218"},
    code_info{"V219", error, input, "a signatory gives both a stakeholder id and a name", "diagnostics.md#V219"},
    code_info{"V250", warning, input, "a link in a Markdown field is not allowed; its text is kept", "diagnostics.md#V250"},
    code_info{"V260", error, input, "a sheet given to apply cannot be read (not .xlsx or CSV, empty, too large)", "diagnostics.md#V260"},
    code_info{"V261", error, input, "a sheet's header row lacks the id column or names a column twice", "diagnostics.md#V261"},
    code_info{"V262", error, input, "a sheet row's id names no milestone of the plan", "diagnostics.md#V262"},
    code_info{"V263", error, input, "two sheet rows have the same id", "diagnostics.md#V263"},
    code_info{"V264", error, input, "a sheet's date cell is not a date", "diagnostics.md#V264"},
    code_info{"V265", error, input, "a sheet's status cell is not a status", "diagnostics.md#V265"},
    code_info{"V266", error, input, "a sheet's owner cell is not buyer, seller or both, or a new row has none", "diagnostics.md#V266"},
    code_info{"V267", error, input, "a sheet's assignee cell names no stakeholder, or empties one", "diagnostics.md#V267"},
    code_info{"V268", error, input, "a sheet's title or notes cell is empty where the step needs it", "diagnostics.md#V268"},
    code_info{"V269", error, input, "a sheet's due cell is empty where the step needs a date", "diagnostics.md#V269"},
    code_info{"V270", warning, input, "a milestone has no row in the sheet and is kept", "diagnostics.md#V270"},
    code_info{"V271", warning, input, "apply writes the plan anew (comments not kept): its style cannot be edited in place", "diagnostics.md#V271"},
    code_info{"V272", error, input, "a row of the sheet cannot be read (broken quoting, over a limit, too many rows)", "diagnostics.md#V272"},
    code_info{"V273", error, input, "the plan with the sheet's edits does not pass its check; nothing written", "diagnostics.md#V273"},
    code_info{"V274", error, input, "a sheet's cell and the plan both changed the same value since the sheet was written", "diagnostics.md#V274"},
    // R3xx: references between parts of the plan
    code_info{"R301", error, input, "a reference names no known stakeholder or milestone", "diagnostics.md#R301"},
    code_info{"R302", error, input, "a dependency cycle between milestones", "diagnostics.md#R302"},
    code_info{"R303", error, input, "a signatory is on the wrong side", "diagnostics.md#R303"},
    code_info{"R304", warning, input, "the inline value map matches an id that is not a stakeholder", "diagnostics.md#R304"},
    // T4xx: templates, labels and styles
    code_info{"T401", error, templates, "the template folder or a template file cannot be read", "diagnostics.md#T401"},
    code_info{"T402", error, templates, "Mustache syntax error in a template", "diagnostics.md#T402"},
    code_info{"T403", error_or_warning, templates, "a labels file is malformed, or names an unknown label (warning)", "diagnostics.md#T403"},
    code_info{"T404", error, templates, "a style file has an unknown key or a bad value", "diagnostics.md#T404"},
    code_info{"T405", error, templates, "a template uses an unknown variable or the wrong escaping", "diagnostics.md#T405"},
    code_info{"T406", error, templates, "the chosen template does not exist", "diagnostics.md#T406"},
    code_info{"T407", warning, templates, "style colours with too little contrast", "diagnostics.md#T407"},
    code_info{"T408", warning, templates, "no labels for the locale; English is used", "diagnostics.md#T408"},
    code_info{"T409", note, templates, "no full page template for this format; its page template is used", "diagnostics.md#T409"},
    code_info{"T415", error, templates, "the --reference-docx file cannot be read", "diagnostics.md#T415"},
    code_info{"T416", error, templates, "the --reference-docx file is not a .docx with a well-formed word/styles.xml", "diagnostics.md#T416"},
    // O5xx: making and writing output
    code_info{"O501", warning, output, "a link to a refused URL was written as text", "diagnostics.md#O501"},
    code_info{"O502", warning, output, "a table row has more cells than columns; the extra cells are left out", "diagnostics.md#O502"},
    code_info{"O503", error, output, "a font file is missing or cannot be loaded", "diagnostics.md#O503"},
    code_info{"O504", error, output, "the PDF library refused something; no PDF is written", "diagnostics.md#O504"},
    code_info{"O510", warning, output, "the one-page plan was condensed, or still continues on a second page", "diagnostics.md#O510"},
    code_info{"O511", warning, output, "characters no available font can paint were replaced", "diagnostics.md#O511"},
    code_info{"O512", warning, output, "a logo was left out (corrupt, too large, unsupported)", "diagnostics.md#O512"},
    code_info{"O520", error, output, "an output file cannot be written", "diagnostics.md#O520"},
    code_info{"O521", error, output, "unknown output format", "diagnostics.md#O521"},
    code_info{"O522", error, output, "the output path is not a regular file and is never replaced", "diagnostics.md#O522"},
    code_info{"O530", error, output, "unknown section name", "diagnostics.md#O530"},
    code_info{"O531", error, output, "the format has no fragment form", "diagnostics.md#O531"},
    code_info{"O532", error, output, "no as_of in the plan or the render options (library)", "diagnostics.md#O532"},
    code_info{"O533", error, output, "heading_offset out of range (library)", "diagnostics.md#O533"},
    code_info{"O534", error, output, "render_options::fit is not two-pages or one-page", "diagnostics.md#O534"},
    code_info{"O535", warning, output, "a string, link or count past what the PDF format holds was cut or left as text", "diagnostics.md#O535"},
    code_info{"O536", warning, output, "a text taller than a third of the one-page buyer plan was cut with an ellipsis", "diagnostics.md#O536"},
    code_info{"O542", warning, output, "a font package the plan's script needs is not installed", "diagnostics.md#O542"},
    code_info{"O550", error, output, "--pdf-standard a-2b/a-2u: no sRGB ICC profile for the output intent", "diagnostics.md#O550"},
    code_info{"O560", error, output, "preview: cannot listen on the address and port (in use, not this machine's)", "diagnostics.md#O560"},
    code_info{"O561", warning, output, "preview: a file or folder cannot be watched; the page does not refresh for it", "diagnostics.md#O561"},
    code_info{"O562", warning, output, "preview: listening beyond this machine (--listen), the plan is readable by others", "diagnostics.md#O562"},
    code_info{"O563", warning, output, "preview --open: the browser cannot be started", "diagnostics.md#O563"},
    // P6xx: playbooks, holidays and backward scheduling
    code_info{"P600", error, input, "not a playbook, or an unsupported playbook version", "diagnostics.md#P600"},
    code_info{"P601", error, input, "a required playbook field is missing", "diagnostics.md#P601"},
    code_info{"P602", error, input, "unknown field in a playbook", "diagnostics.md#P602"},
    code_info{"P603", error, input, "a playbook value has the wrong shape", "diagnostics.md#P603"},
    code_info{"P604", error, input, "a step's owner is not buyer, seller or both", "diagnostics.md#P604"},
    code_info{"P605", error, input, "a step id is used twice", "diagnostics.md#P605"},
    code_info{"P606", error, input, "depends_on names no step of the playbook", "diagnostics.md#P606"},
    code_info{"P607", error, input, "a dependency cycle between steps", "diagnostics.md#P607"},
    code_info{"P608", error, input, "days is not a whole number from 1 to 1000", "diagnostics.md#P608"},
    code_info{"P609", error, input, "the playbook has no milestones", "diagnostics.md#P609"},
    code_info{"P610", error, input, "a holiday date is malformed or does not exist", "diagnostics.md#P610"},
    code_info{"P611", error, input, "a holidays file has the wrong shape", "diagnostics.md#P611"},
    code_info{"P612", error, input, "the longest chain of steps is longer than the limit", "diagnostics.md#P612"},
    code_info{"P620", warning, input, "the schedule does not fit between as_of and the close date", "diagnostics.md#P620"},
    code_info{"P621", note, input, "the close date is not a business day", "diagnostics.md#P621"},
    code_info{"P622", error, input, "the schedule would start before the earliest date closeplan reads", "diagnostics.md#P622"},
    // B7xx: CRM exports and mappings
    code_info{"B701", error, input, "the mapping file is malformed", "diagnostics.md#B701"},
    code_info{"B702", error, input, "the export's header lacks a column the batch needs", "diagnostics.md#B702"},
    code_info{"B703", error, row, "broken CSV quoting in a row", "diagnostics.md#B703"},
    code_info{"B704", error, row, "a row is not UTF-8", "diagnostics.md#B704"},
    code_info{"B705", error, row, "a required value of a row is empty", "diagnostics.md#B705"},
    code_info{"B706", error, row, "a row's date is ambiguous, malformed or does not exist", "diagnostics.md#B706"},
    code_info{"B707", error, row, "a row's amount cannot be read", "diagnostics.md#B707"},
    code_info{"B708", error, row, "a row has more values than the header has columns", "diagnostics.md#B708"},
    code_info{"B709", error, row, "a task row's owner side or status is unknown", "diagnostics.md#B709"},
    code_info{"B710", warning, input, "a column name appears more than once; the first is used", "diagnostics.md#B710"},
    code_info{"B711", error, input, "the export is empty: no header row", "diagnostics.md#B711"},
    code_info{"B712", error, input, "the export cannot be read a second time, or changed while read", "diagnostics.md#B712"},
    code_info{"B713", error, row, "a value, row or deal of the export is over its size limit", "diagnostics.md#B713"},
    code_info{"B714", error, row, "not enough memory to render a deal; the other deals go on", "diagnostics.md#B714"},
    code_info{"B715", error, input, "a date column writes dates both month first and day first", "diagnostics.md#B715"},
    code_info{"B716", error, input, "a date column's values contradict the stated date format", "diagnostics.md#B716"},
    code_info{"B717", error, input, "an amount column writes both a decimal point and a decimal comma", "diagnostics.md#B717"},
    code_info{"B718", error, input, "an amount column's values contradict the stated decimal mark", "diagnostics.md#B718"},
    code_info{"B719", note, input, "amounts with floating-point noise were rounded to the minor unit", "diagnostics.md#B719"},
    code_info{"B720", error, input, "the export is not UTF-8 (probably Windows-1252)", "diagnostics.md#B720"},
    code_info{"B721", error, input, "the .xlsx export cannot be read, or is over a limit", "diagnostics.md#B721"},
    code_info{"B722", error, input, "--sheet names no sheet of the workbook, or the export is not a workbook", "diagnostics.md#B722"},
    code_info{"B730", error, row, "an overlay names a field the plan format does not know, or one the batch run owns", "diagnostics.md#B730"},
    code_info{"B731", error, input, "two overlay files for one deal id", "diagnostics.md#B731"},
    code_info{"B732", warning, input, "an overlay for a deal that is not in the export", "diagnostics.md#B732"},
    code_info{"B733", error, input, "the overlays folder cannot be read", "diagnostics.md#B733"},
    code_info{"B734", error, input, "the contacts export has no usable header (no deal id or contact name column)", "diagnostics.md#B734"},
    code_info{"B735", warning, input, "a row of the contacts export is left out (broken quoting, no deal id, no name)", "diagnostics.md#B735"},
    code_info{"B740", error, input, "the export has no column that the mapping's `plan:` names", "diagnostics.md#B740"},
    code_info{"B741", error, row, "a mapped locale cell names a locale closeplan has no labels for", "diagnostics.md#B741"},
    code_info{"B742", error, row, "a deal's region is not in the mapping's `regions:`", "diagnostics.md#B742"},
    code_info{"B760", warning, row, "two rows of a one-row-per-deal export have the same deal id", "diagnostics.md#B760"},
    code_info{"B761", error, input, "batch-index finds no shard reports, or a shard's report is missing", "diagnostics.md#B761"},
    code_info{"B762", error, input, "a shard's batch report is cut short or not a batch report", "diagnostics.md#B762"},
    code_info{"B763", warning, input, "the shards' reports are of different runs, or do not account for every row", "diagnostics.md#B763"},
    code_info{"B799", error, internal, "internal error while rendering a deal (a bug)", "diagnostics.md#B799"},
    // H8xx: plan health (findings of `closeplan check`, severity configurable) and its inputs
    code_info{"H801", warning, health, "seller-heavy: the seller owns most steps", "health.md#h801-seller-heavy"},
    code_info{"H802", warning, health, "buyer-idle: no buyer step due soon", "health.md#h802-buyer-idle"},
    code_info{"H803", warning, health, "too-few-steps", "health.md#h803-too-few-steps"},
    code_info{"H804", warning, health, "too-many-steps", "health.md#h804-too-many-steps"},
    code_info{"H805", warning, health, "undated-step", "health.md#h805-undated-step"},
    code_info{"H806", warning, health, "no-owner-side: a step no one side clearly owns", "health.md#h806-no-owner-side"},
    code_info{"H807", warning, health, "step-after-close: an open pre-sale step due after the close", "health.md#h807-step-after-close"},
    code_info{"H808", warning, health, "seller-driven-close: the buyer's last step is on or after the close", "health.md#h808-seller-driven-close"},
    code_info{"H809", warning, health, "no-close-buffer: too few days between the buyer's last step and the close", "health.md#h809-no-close-buffer"},
    code_info{"H810", warning, health, "missing-stall-step: no security, legal, procurement or executive step", "health.md#h810-missing-stall-step"},
    code_info{"H811", note, health, "post-sale-step: a kickoff or implementation step in the sale plan", "health.md#h811-post-sale-step"},
    code_info{"H812", warning, health, "step-at-risk: an open step overdue", "health.md#h812-step-at-risk"},
    code_info{"H813", error, health, "step-stalled: an open step long overdue", "health.md#h813-step-stalled"},
    code_info{"H814", warning, health, "step-slipped: a step due later than its baseline", "health.md#h814-step-slipped"},
    code_info{"H815", warning, health, "close-pushed: the close moved later than its baseline", "health.md#h815-close-pushed"},
    code_info{"H816", warning, health, "no-economic-buyer", "health.md#h816-no-economic-buyer"},
    code_info{"H817", warning, health, "no-champion", "health.md#h817-no-champion"},
    code_info{"H818", note, health, "stakeholder-without-value: a buyer stakeholder cares about nothing listed", "health.md#h818-stakeholder-without-value"},
    code_info{"H819", note, health, "unused-resource: a resource nobody is pointed to", "health.md#h819-unused-resource"},
    code_info{"H820", warning, health, "no-sign-off: a side's signatory is missing", "health.md#h820-no-sign-off"},
    code_info{"H821", note, health, "signed-undated: the signature step is done but a sign-off has no date", "health.md#h821-signed-undated"},
    code_info{"H822", warning, input, "a stakeholder has no contact (handoff)", "diagnostics.md#H822"},
    code_info{"H830", warning, health, "due-before-dependency: a step due before a step it depends on", "health.md#h830-due-before-dependency"},
    code_info{"H831", warning, health, "slip-breaks-successor: a slip pushed a step past a step that depends on it", "health.md#h831-slip-breaks-successor"},
    code_info{"H832", warning, health, "close-before-last-step: target_close before the signature step", "health.md#h832-close-before-last-step"},
    code_info{"H833", warning, health, "done-depends-on-open: a done step depends on an open one", "health.md#h833-done-depends-on-open"},
    code_info{"H834", warning, input, "diff: a step's date moved later with no baseline or history keeping the earlier one", "diagnostics.md#H834"},
    code_info{"H835", warning, input, "diff: target_close moved later with no target_close_baseline keeping the earlier one", "diagnostics.md#H835"},
    code_info{"H836", error, input, "diff --git: not inside a git work tree, or git cannot be run", "diagnostics.md#H836"},
    code_info{"H837", error, input, "diff --git: the revision or the plan's path in it does not exist", "diagnostics.md#H837"},
    code_info{"H880", error, input, "diff --history: the folder cannot be read or holds fewer than two versions", "diagnostics.md#H880"},
    code_info{"H881", error, input, "diff --history: a version has no as_of", "diagnostics.md#H881"},
    code_info{"H890", error, input, "not a health config, or an unsupported version or key", "diagnostics.md#H890"},
    code_info{"H891", error, input, "unknown health rule in the config", "diagnostics.md#H891"},
    code_info{"H892", error, input, "a rule's severity or setting is not valid", "diagnostics.md#H892"},
    // C9xx: the handoff pack and the calendar
    code_info{"C901", warning, input, "no Customer Success owner", "diagnostics.md#C901"},
    code_info{"C902", warning, input, "no kickoff date", "diagnostics.md#C902"},
    code_info{"C903", warning, input, "no success criteria in the buyer's words", "diagnostics.md#C903"},
    code_info{"C904", warning, input, "a commitment has no owner", "diagnostics.md#C904"},
    code_info{"C905", warning, input, "a commitment has no date", "diagnostics.md#C905"},
    code_info{"C906", warning, input, "no commitments recorded", "diagnostics.md#C906"},
    code_info{"C907", error, input, "ics --for names no stakeholder of the plan", "diagnostics.md#C907"},
};
// clang-format on

constexpr bool in_code_order() {
    for (std::size_t i = 1; i < codes.size(); ++i) {
        // Stages in the order above (A L V R T O P B H C), numbers rising within each.
        constexpr std::string_view stages = "ALVRTOPBHC";
        const auto a = stages.find(codes[i - 1].code[0]), b = stages.find(codes[i].code[0]);
        if (a > b || (a == b && codes[i - 1].code >= codes[i].code)) return false;
    }
    return true;
}
static_assert(in_code_order(), "keep the table in stage and code order, each code once");

}  // namespace

std::span<const code_info> diagnostic_codes() { return codes; }

const code_info* find_code_info(std::string_view code) {
    const auto found = std::find_if(codes.begin(), codes.end(), [&](const code_info& c) { return c.code == code; });
    return found == codes.end() ? nullptr : &*found;
}

}  // namespace closeplan
