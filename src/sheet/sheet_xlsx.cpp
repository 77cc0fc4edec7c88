// SPDX-License-Identifier: MIT
// The .xlsx form of the sheet, the one user of libxlsxwriter.
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "batch/xlsx_reader.hpp"
#include "closeplan/diagnostics.hpp"
#include "sheet/sheet_read.hpp"
#include "sheet/sheet_write.hpp"
#include "support/utf8.hpp"
#include "validate/choices.hpp"

namespace closeplan::sheet {

namespace {

namespace fs = std::filesystem;

// Rows past the last step that still offer the lists and open cells, for new steps.
constexpr lxw_row_t room_for_new_rows = 200;
// Excel refuses a list validation whose items, joined with commas, pass this.
constexpr std::size_t max_list_chars = 255;

[[noreturn]] void fail(const std::string& what) {
    throw closeplan::error(diagnostic{severity::error, "O520", "cannot write the sheet: " + what, {}, {}});
}

void check(lxw_error result, const char* step) {
    if (result != LXW_NO_ERROR) fail(std::string(step) + ": " + lxw_strerror(result));
}

/// A folder of our own for libxlsxwriter's file and its scratch files, removed however we leave.
class scratch_folder {
public:
    scratch_folder() {
        auto pattern = (fs::temp_directory_path() / "closeplan-sheet-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) fail("cannot make a temporary folder in " + fs::temp_directory_path().string());
        path_ = pattern;
    }
    ~scratch_folder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

struct workbook_closer {
    void operator()(lxw_workbook* book) const { workbook_close(book); }
};

/// Display width of a cell in characters: its longest line, counted in code points.
double width_of(std::string_view text) {
    std::size_t longest = 0;
    std::size_t current = 0;
    for (const unsigned char c : text) {
        if (c == '\n') {
            current = 0;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++current;
        longest = std::max(longest, current);
    }
    return static_cast<double>(longest);
}

lxw_datetime excel_date(model::date d) {
    return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
            static_cast<int>(static_cast<unsigned>(d.day())), 0, 0, 0.0};
}

/// A list validation from `start_row` down, on one column, when the items fit Excel's limit.
void add_list(lxw_worksheet* sheet, lxw_row_t last_row, lxw_col_t col, const std::vector<std::string>& items,
              const std::string& rule) {
    std::size_t chars = 0;
    for (const auto& item : items) chars += item.size() + 1;
    if (items.empty() || chars > max_list_chars) return;
    std::vector<char*> list;
    for (const auto& item : items) list.push_back(const_cast<char*>(item.c_str()));
    list.push_back(nullptr);
    lxw_data_validation rules{};
    rules.validate = LXW_VALIDATION_TYPE_LIST;
    rules.value_list = list.data();
    rules.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    std::string title = "Pick from the list";
    rules.error_title = title.data();
    std::string message = rule.substr(0, 255);
    rules.error_message = message.data();
    check(worksheet_data_validation_range(sheet, 1, col, last_row, col, &rules), "a list of values");
}

std::vector<std::string> names_of(const validate::detail::choice_spec& spec) {
    return {spec.names.begin(), spec.names.end()};
}

void write_milestones(lxw_workbook* book, const model::plan& plan) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Milestones");
    if (sheet == nullptr) fail("the Milestones sheet");

    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xDDE4EE);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* id_cell = workbook_add_format(book);  // locked (the default), and shaded so it reads as fixed
    format_set_bg_color(id_cell, 0xEEEEEE);
    format_set_font_color(id_cell, 0x555555);
    lxw_format* open_text = workbook_add_format(book);
    format_set_unlocked(open_text);
    format_set_align(open_text, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* open_wrapped = workbook_add_format(book);
    format_set_unlocked(open_wrapped);
    format_set_text_wrap(open_wrapped);
    format_set_align(open_wrapped, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* open_date = workbook_add_format(book);
    format_set_unlocked(open_date);
    format_set_num_format(open_date, "yyyy-mm-dd");
    format_set_align(open_date, LXW_ALIGN_VERTICAL_TOP);

    const auto cols = columns();
    const auto rows = rows_of(plan);
    std::vector<double> widths;
    for (const auto& c : cols) widths.push_back(width_of(c.header));

    for (lxw_col_t col = 0; col < cols.size(); ++col)
        check(worksheet_write_string(sheet, 0, col, std::string(cols[col].header).c_str(), header), "the header");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (lxw_col_t col = 0; col < cols.size(); ++col) {
            const auto text = utf8::replace_invalid(rows[r].cells[col]);
            widths[col] = std::max(widths[col], width_of(text));
            const auto key = cols[col].key;
            if (key == field::due && rows[r].due) {
                auto when = excel_date(*rows[r].due);
                check(worksheet_write_datetime(sheet, row, col, &when, open_date), "a date");
            } else if (key == field::id) {
                check(worksheet_write_string(sheet, row, col, text.c_str(), id_cell), "an id");
            } else if (!text.empty()) {
                // Always a string cell: plan text never becomes a formula or a number.
                check(worksheet_write_string(sheet, row, col, text.c_str(), key == field::notes ? open_wrapped : open_text),
                      "a cell");
            }
        }
    }
    for (lxw_col_t col = 0; col < cols.size(); ++col) {
        const auto key = cols[col].key;
        lxw_format* format = key == field::id ? id_cell
                             : key == field::due ? open_date
                             : key == field::notes ? open_wrapped
                                                   : open_text;
        const double width = std::clamp(widths[col] + 2, cols[col].min_width, cols[col].max_width);
        check(worksheet_set_column(sheet, col, col, width, format), "a column");
    }

    const auto last_row = static_cast<lxw_row_t>(rows.size()) + room_for_new_rows;
    add_list(sheet, last_row, static_cast<lxw_col_t>(index_of(field::status)),
             names_of(validate::detail::status_choices()), validate::detail::status_choices().rule);
    add_list(sheet, last_row, static_cast<lxw_col_t>(index_of(field::owner)),
             names_of(validate::detail::owner_choices()), validate::detail::owner_choices().rule);
    std::vector<std::string> people;
    for (const auto& s : plan.stakeholders) people.push_back(s.id);
    add_list(sheet, last_row, static_cast<lxw_col_t>(index_of(field::assignee)), people,
             "assignee must be a stakeholder id of the plan (see the How to edit sheet)");

    worksheet_freeze_panes(sheet, 1, 0);
    // No password: the lock keeps ids from being typed over by accident, not
    // from a person who means it (Review > Unprotect Sheet to delete a row).
    lxw_protection allowed{};
    allowed.format_columns = 1;
    allowed.format_rows = 1;
    allowed.insert_rows = 1;
    allowed.delete_rows = 1;
    worksheet_protect(sheet, nullptr, &allowed);
    worksheet_activate(sheet);
}

void write_instructions(lxw_workbook* book, const model::plan& plan) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "How to edit");
    if (sheet == nullptr) fail("the instructions sheet");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* wrapped = workbook_add_format(book);
    format_set_text_wrap(wrapped);
    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
    worksheet_set_column(sheet, 0, 0, 14, nullptr);
    worksheet_set_column(sheet, 1, 1, 90, wrapped);

    lxw_row_t row = 0;
    const auto line = [&](const std::string& a, const std::string& b, lxw_format* first) {
        if (!a.empty()) worksheet_write_string(sheet, row, 0, utf8::replace_invalid(a).c_str(), first);
        if (!b.empty()) worksheet_write_string(sheet, row, 1, utf8::replace_invalid(b).c_str(), wrapped);
        ++row;
    };
    line("How to edit", "Change the dates, statuses and other cells of the Milestones sheet and send the file back.",
         bold);
    line("", "A moved date is kept in the plan as the step's earlier date, so everyone sees the slip.", nullptr);
    line("", "A new step: fill a row below the last one and leave its id empty.", nullptr);
    line("", "The id column is locked: it is how each row finds its step. To remove a step, unprotect the sheet "
             "(Review > Unprotect Sheet, no password) and delete the row.",
         nullptr);
    ++row;
    line("Column", "What it holds", bold);
    for (const auto& c : columns()) {
        std::string meaning(c.meaning);
        if (c.key == field::status) meaning += ": " + validate::detail::status_choices().rule;
        if (c.key == field::owner) meaning += ": " + validate::detail::owner_choices().rule;
        line(std::string(c.header), meaning, nullptr);
    }
    if (!plan.stakeholders.empty()) {
        ++row;
        line("Stakeholder", "Name, title and company side (the ids the assignee column takes)", bold);
        for (const auto& s : plan.stakeholders) {
            std::string who = s.name;
            if (!s.title.empty()) who += ", " + s.title;
            who += " (" + std::string(model::to_string(s.party_side)) + ")";
            line(s.id, who, nullptr);
        }
    }
}

/// The rows as written, hidden: `apply` tells a cell the champion changed
/// from a value the plan changed since (sheet_read.hpp, `as_written`).
void write_as_written(lxw_workbook* book, const model::plan& plan) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, std::string(as_written_sheet).c_str());
    if (sheet == nullptr) fail("the hidden sheet");
    const auto cols = columns();
    for (lxw_col_t col = 0; col < cols.size(); ++col)
        check(worksheet_write_string(sheet, 0, col, std::string(cols[col].header).c_str(), nullptr), "a header");
    const auto rows = rows_of(plan);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (lxw_col_t col = 0; col < cols.size(); ++col)
            if (!rows[r].cells[col].empty())
                check(worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), col,
                                             utf8::replace_invalid(rows[r].cells[col]).c_str(), nullptr),
                      "a cell");
    worksheet_hide(sheet);
    worksheet_protect(sheet, nullptr, nullptr);
}

time_t seconds_at_midnight(model::date day) {
    return static_cast<time_t>(std::chrono::sys_days(day).time_since_epoch() / std::chrono::seconds(1));
}

}  // namespace

std::string write_xlsx(const model::plan& plan, model::date as_of) {
    scratch_folder scratch;
    const auto file = (scratch.path() / "sheet.xlsx").string();
    const auto tmpdir = scratch.path().string();
    {
        lxw_workbook_options options{};
        options.tmpdir = const_cast<char*>(tmpdir.c_str());
        std::unique_ptr<lxw_workbook, workbook_closer> book(workbook_new_opt(file.c_str(), &options));
        if (!book) fail("libxlsxwriter could not start a workbook");
        auto title = utf8::replace_invalid(plan.deal.name);
        lxw_doc_properties properties{};
        properties.title = title.data();
        properties.created = seconds_at_midnight(as_of);
        check(workbook_set_properties(book.get(), &properties), "the document properties");
        write_milestones(book.get(), plan);
        write_instructions(book.get(), plan);
        write_as_written(book.get(), plan);
        const auto result = workbook_close(book.release());
        check(result, "the workbook");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) fail("cannot read back " + file);
    return bytes.str();
}

}  // namespace closeplan::sheet
