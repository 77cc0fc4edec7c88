// SPDX-License-Identifier: MIT
// .xlsx exports: libzip for the container, expat for the XML, streamed.
//
// Parts read (ECMA-376 part 1, SpreadsheetML): xl/workbook.xml (sheet names,
// the 1904 date system), xl/_rels/workbook.xml.rels (each sheet's part),
// xl/sharedStrings.xml (held: cells point into it), xl/styles.xml (which
// cell formats are dates) and the chosen sheet, streamed row by row.
#include "batch/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <functional>
#include <unordered_map>

namespace closeplan::batch {

namespace {

constexpr std::size_t chunk_bytes = 64 * 1024;

// Element names without their namespace prefix (`x:row` in some writers).
std::string_view local_name(const XML_Char* name) {
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view wanted) {
    for (std::size_t i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == wanted) return attrs[i + 1];
    return nullptr;
}

// One XML part of the container, parsed by expat in chunks with the limits
// above; handlers are the caller's. Refuses DTDs (no entity expansion at all).
class part_parser {
public:
    using start_fn = std::function<void(std::string_view, const XML_Char**)>;
    using end_fn = std::function<void(std::string_view)>;
    using text_fn = std::function<void(std::string_view)>;

    part_parser(start_fn start, end_fn end, text_fn text)
        : start_(std::move(start)), end_(std::move(end)), text_(std::move(text)), parser_(XML_ParserCreate(nullptr)) {
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, on_start, on_end);
        XML_SetCharacterDataHandler(parser_, on_text);
        XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
    }
    ~part_parser() {
        XML_ParserFree(parser_);
        if (file_) zip_fclose(file_);
    }
    part_parser(const part_parser&) = delete;
    part_parser& operator=(const part_parser&) = delete;

    /// Opens `name` in `archive`; false (and `failure`) when missing or over a limit.
    bool open(zip_t* archive, const std::string& name, std::uint64_t limit, bool required) {
        part_ = name;
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(archive, name.c_str(), 0, &st) != 0) {
            if (required) failure = "it has no " + name + " (is it an Excel workbook?)";
            return false;
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            failure = name + " is encrypted; save the workbook without a password";
            return false;
        }
        limit_ = limit;
        if ((st.valid & ZIP_STAT_SIZE) && st.size > limit_) {
            failure = name + " is " + std::to_string(st.size) + " bytes uncompressed; the most a part may hold is " +
                      std::to_string(limit_);
            return false;
        }
        compressed_ = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        file_ = zip_fopen(archive, name.c_str(), 0);
        if (!file_) {
            failure = name + " cannot be read: " + zip_strerror(archive);
            return false;
        }
        return true;
    }

    /// Parses one more chunk; false at the end or on a failure.
    bool step() {
        if (!file_ || done_) return false;
        char buffer[chunk_bytes];
        const auto n = zip_fread(file_, buffer, sizeof buffer);
        if (n < 0) return fail(part_ + " is damaged: " + zip_file_strerror(file_));
        read_ += static_cast<std::uint64_t>(n);
        // Counted as it is inflated: the sizes in the directory may lie.
        if (read_ > limit_)
            return fail(part_ + " is over " + std::to_string(limit_) + " bytes uncompressed, the most a part may hold");
        if (read_ > 1024 * 1024 && compressed_ > 0 && read_ / compressed_ > max_xlsx_ratio)
            return fail(part_ + " inflates more than " + std::to_string(max_xlsx_ratio) +
                        " times (a zip bomb?); it is not read");
        const bool last = n == 0;
        if (XML_Parse(parser_, buffer, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
            if (failure.empty())
                failure = part_ + " is not well-formed XML at line " +
                          std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
                          XML_ErrorString(XML_GetErrorCode(parser_));
            done_ = true;
            return false;
        }
        if (last) done_ = true;
        return !done_;
    }

    void run() {
        while (step()) {
        }
    }

    /// Stops parsing with a reason (from a handler).
    bool fail(std::string why) {
        if (failure.empty()) failure = std::move(why);
        XML_StopParser(parser_, XML_FALSE);
        done_ = true;
        return false;
    }

    [[nodiscard]] std::uint64_t bytes_read() const { return read_; }
    std::string failure;

private:
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
        auto* p = static_cast<part_parser*>(self);
        if (++p->depth_ > max_xml_depth) {
            p->fail(p->part_ + " nests elements more than " + std::to_string(max_xml_depth) + " deep");
            return;
        }
        p->start_(local_name(name), attrs);
    }
    static void XMLCALL on_end(void* self, const XML_Char* name) {
        auto* p = static_cast<part_parser*>(self);
        --p->depth_;
        p->end_(local_name(name));
    }
    static void XMLCALL on_text(void* self, const XML_Char* text, int length) {
        static_cast<part_parser*>(self)->text_(std::string_view(text, static_cast<std::size_t>(length)));
    }
    static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* p = static_cast<part_parser*>(self);
        p->fail(p->part_ + " has a DOCTYPE, which a workbook never has; it is not read");
    }

    start_fn start_;
    end_fn end_;
    text_fn text_;
    XML_Parser parser_;
    zip_file_t* file_ = nullptr;
    std::string part_;
    std::uint64_t limit_ = 0;
    std::uint64_t compressed_ = 0;
    std::uint64_t read_ = 0;
    int depth_ = 0;
    bool done_ = false;
};

// `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml`.
std::string part_path(std::string_view target) {
    if (target.starts_with("/")) return std::string(target.substr(1));
    std::string path = "xl/" + std::string(target);
    // `../` is rare in workbook rels; fold it once the way a resolver would.
    for (std::size_t up; (up = path.find("/../")) != std::string::npos;) {
        const auto before = path.rfind('/', up == 0 ? 0 : up - 1);
        path.erase(before == std::string::npos ? 0 : before, up + 3 - (before == std::string::npos ? 0 : before));
    }
    return path;
}

}  // namespace

struct xlsx_workbook::impl {
    std::string bytes;
    zip_t* archive = nullptr;
    std::vector<std::string> sheet_parts;
    std::vector<std::string> shared;
    std::vector<bool> date_styles;  // by cell format (the `s` attribute)
    bool date1904 = false;

    ~impl() {
        if (archive) zip_discard(archive);
    }
};

namespace {

// The rows of one sheet, streamed.
class sheet_rows : public record_source {
public:
    sheet_rows(const xlsx_workbook::impl& book, const std::string& part)
        : book_(book),
          parser_([this](std::string_view name, const XML_Char** attrs) { start(name, attrs); },
                  [this](std::string_view name) { end(name); },
                  [this](std::string_view text) {
                      if (in_value_) value_.append(text.substr(0, max_field_bytes + 1 - std::min(value_.size(), max_field_bytes + 1)));
                  }) {
        if (!parser_.open(book.archive, part, max_xlsx_part_bytes, true)) failure_ = parser_.failure;
    }

    bool next(csv_record& out) override {
        while (ready_.empty() && failure_.empty() && parser_.step()) {
        }
        if (failure_.empty() && !parser_.failure.empty()) failure_ = parser_.failure;
        if (ready_.empty() || !failure_.empty()) return false;
        out = std::move(ready_.front());
        ready_.pop_front();
        return true;
    }
    [[nodiscard]] std::size_t bytes_read() const override { return parser_.bytes_read(); }
    [[nodiscard]] std::string failure() const override { return failure_; }

private:
    void start(std::string_view name, const XML_Char** attrs) {
        if (name == "row") {
            const auto* r = attribute(attrs, "r");
            int number = row_number_ + 1;
            if (r) {
                char* end = nullptr;
                const long parsed = std::strtol(r, &end, 10);
                if (*end != '\0' || parsed <= row_number_ || parsed > max_lines) {
                    parser_.fail("row number \"" + std::string(r) + "\" after row " + std::to_string(row_number_) +
                                 " is not a row number in order");
                    return;
                }
                number = static_cast<int>(parsed);
            }
            row_number_ = number;
            building_ = {};
            building_.line = number;
            row_bytes_ = 0;
            next_column_ = 0;
        } else if (name == "c") {
            const auto* ref = attribute(attrs, "r");
            std::size_t column = next_column_;
            if (ref) {
                const auto c = column_of_reference(ref);
                if (!c || *c < next_column_) {
                    parser_.fail("cell reference \"" + std::string(ref) + "\" in row " + std::to_string(row_number_) +
                                 " is not a column in order");
                    return;
                }
                column = *c;
            }
            if (column >= max_xlsx_columns) {
                parser_.fail("row " + std::to_string(row_number_) + " has a cell past column XFD");
                return;
            }
            column_ = column;
            next_column_ = column + 1;
            const auto* t = attribute(attrs, "t");
            type_ = t ? t : "n";
            const auto* s = attribute(attrs, "s");
            style_ = s ? static_cast<std::size_t>(std::strtoul(s, nullptr, 10)) : 0;
            value_.clear();
            has_value_ = false;
        } else if (name == "v" || (name == "t" && in_inline_)) {
            in_value_ = true;
            has_value_ = true;
        } else if (name == "is") {
            in_inline_ = true;
        }
    }

    void end(std::string_view name) {
        if (name == "v" || name == "t") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "c") {
            if (has_value_) place(cell_text());
        } else if (name == "row") {
            if (row_bytes_ > max_record_bytes && building_.problem.empty()) {
                building_.problem = "row " + std::to_string(row_number_) + " holds " + std::to_string(row_bytes_) +
                                    " bytes; a row may hold at most " + std::to_string(max_record_bytes);
                building_.over_limit = true;
                building_.long_value = 0;
                building_.fields.clear();
            }
            ready_.push_back(std::move(building_));
            building_ = {};
        }
    }

    std::string cell_text() {
        if (type_ == "s") {
            char* end = nullptr;
            const unsigned long index = std::strtoul(value_.c_str(), &end, 10);
            if (*end != '\0' || value_.empty() || index >= book_.shared.size()) {
                parser_.fail("cell " + column_letters(column_) + std::to_string(row_number_) +
                             " points to a shared string that does not exist");
                return {};
            }
            return book_.shared[index];
        }
        if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
        if (type_ == "n" && style_ < book_.date_styles.size() && book_.date_styles[style_]) {
            char* end = nullptr;
            const double serial = std::strtod(value_.c_str(), &end);
            if (*end == '\0' && !value_.empty())
                if (auto text = serial_to_date_text(serial, book_.date1904)) return *text;
        }
        // A number as written (`240000`, `48715.200000000004`), like a CSV export's
        // text; inlineStr, str (a formula's text), d (ISO date) and e (`#N/A`) too.
        return value_;
    }

    void place(std::string text) {
        if (building_.over_limit) return;
        row_bytes_ += text.size();
        if (building_.fields.size() <= column_) building_.fields.resize(column_ + 1);
        if (text.size() > max_field_bytes) {
            building_.problem = "value " + std::to_string(column_ + 1) + " (column " + column_letters(column_) +
                                ") is over " + std::to_string(max_field_bytes) + " bytes, the most a value may hold";
            building_.over_limit = true;
            building_.long_value = column_ + 1;
            return;
        }
        building_.fields[column_] = std::move(text);
    }

    const xlsx_workbook::impl& book_;
    part_parser parser_;
    std::string failure_;
    std::deque<csv_record> ready_;
    csv_record building_;
    std::size_t row_bytes_ = 0;
    int row_number_ = 0;
    std::size_t column_ = 0;
    std::size_t next_column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool has_value_ = false;
    bool in_value_ = false;
    bool in_inline_ = false;
};

// The workbook's sheets in order: names and relationship ids; the 1904 flag.
std::string read_workbook(xlsx_workbook::impl& book, std::vector<std::string>& names) {
    std::vector<std::string> ids;
    part_parser workbook(
        [&](std::string_view name, const XML_Char** attrs) {
            if (name == "sheet") {
                const auto* sheet_name = attribute(attrs, "name");
                const auto* id = attribute(attrs, "id");
                names.emplace_back(sheet_name ? sheet_name : "");
                ids.emplace_back(id ? id : "");
            } else if (name == "workbookPr") {
                const auto* flag = attribute(attrs, "date1904");
                book.date1904 = flag && (std::string_view(flag) == "1" || std::string_view(flag) == "true");
            }
        },
        [](std::string_view) {}, [](std::string_view) {});
    if (!workbook.open(book.archive, "xl/workbook.xml", 64 * 1024 * 1024, true)) return workbook.failure;
    workbook.run();
    if (!workbook.failure.empty()) return workbook.failure;
    if (names.empty()) return "its workbook has no sheet";

    std::unordered_map<std::string, std::string> targets;
    part_parser rels(
        [&](std::string_view name, const XML_Char** attrs) {
            if (name != "Relationship") return;
            const auto* id = attribute(attrs, "Id");
            const auto* target = attribute(attrs, "Target");
            if (id && target) targets.emplace(id, part_path(target));
        },
        [](std::string_view) {}, [](std::string_view) {});
    if (!rels.open(book.archive, "xl/_rels/workbook.xml.rels", 64 * 1024 * 1024, true)) return rels.failure;
    rels.run();
    if (!rels.failure.empty()) return rels.failure;
    for (const auto& id : ids) {
        const auto it = targets.find(id);
        book.sheet_parts.push_back(it == targets.end() ? std::string() : it->second);
    }
    return {};
}

// Shared strings: each <si> is its <t> texts joined (rich text runs), without phonetic <rPh> runs.
std::string read_shared_strings(xlsx_workbook::impl& book) {
    std::string current;
    bool in_text = false;
    int phonetic = 0;
    std::uint64_t held = 0;
    part_parser* self = nullptr;
    part_parser strings(
        [&](std::string_view name, const XML_Char**) {
            if (name == "si") current.clear();
            else if (name == "rPh") ++phonetic;
            else if (name == "t" && phonetic == 0) in_text = true;
        },
        [&](std::string_view name) {
            if (name == "t") in_text = false;
            else if (name == "rPh") --phonetic;
            else if (name == "si") {
                held += current.size() + sizeof(std::string);
                if (held > max_shared_strings_bytes)
                    self->fail("its shared strings hold more than " + std::to_string(max_shared_strings_bytes) + " bytes");
                book.shared.push_back(std::move(current));
                current.clear();
            }
        },
        [&](std::string_view text) {
            if (in_text && current.size() <= max_field_bytes) current.append(text);
        });
    self = &strings;
    if (!strings.open(book.archive, "xl/sharedStrings.xml", max_shared_strings_bytes, false)) return strings.failure;
    strings.run();
    return strings.failure;
}

// Which cell formats (`<cellXfs>` entries, by index) show dates.
std::string read_styles(xlsx_workbook::impl& book) {
    std::unordered_map<int, std::string> custom;
    std::vector<int> formats;
    bool in_cell_xfs = false;
    part_parser styles(
        [&](std::string_view name, const XML_Char** attrs) {
            if (name == "numFmt") {
                const auto* id = attribute(attrs, "numFmtId");
                const auto* code = attribute(attrs, "formatCode");
                if (id && code) custom[std::atoi(id)] = code;
            } else if (name == "cellXfs") {
                in_cell_xfs = true;
            } else if (name == "xf" && in_cell_xfs) {
                const auto* id = attribute(attrs, "numFmtId");
                formats.push_back(id ? std::atoi(id) : 0);
            }
        },
        [&](std::string_view name) {
            if (name == "cellXfs") in_cell_xfs = false;
        },
        [](std::string_view) {});
    if (!styles.open(book.archive, "xl/styles.xml", 64 * 1024 * 1024, false)) return styles.failure;
    styles.run();
    for (int id : formats) {
        const auto it = custom.find(id);
        book.date_styles.push_back(is_date_format(id, it == custom.end() ? std::string_view() : it->second));
    }
    return styles.failure;
}

}  // namespace

bool looks_like_zip(std::string_view first_bytes) { return first_bytes.starts_with(std::string_view("PK\x03\x04", 4)); }

std::optional<std::size_t> column_of_reference(std::string_view reference) {
    std::size_t column = 0, letters = 0;
    for (char c : reference) {
        if (c >= 'A' && c <= 'Z') {
            if (++letters > 3) return std::nullopt;
            column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        } else {
            break;
        }
    }
    if (letters == 0) return std::nullopt;
    return column - 1;
}

std::string column_letters(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::optional<std::string> serial_to_date_text(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return std::nullopt;  // 9999-12-31
    double whole = std::floor(serial);
    // Minutes, rounded: Excel stores 08:30 as 0.354166666...
    long minutes = std::lround((serial - whole) * 24 * 60);
    if (minutes == 24 * 60) {
        whole += 1;
        minutes = 0;
    }
    using namespace std::chrono;
    sys_days day;
    if (date1904) {
        day = sys_days{year{1904} / January / 1} + days{static_cast<long>(whole)};
    } else {
        // The 1900 system counts a February 29, 1900 that never was (serial 60), as Lotus 1-2-3 did.
        if (whole == 60) return std::nullopt;
        day = sys_days{year{1899} / December / 31} + days{static_cast<long>(whole) - (whole > 60 ? 1 : 0)};
    }
    const year_month_day ymd{day};
    const int hour = static_cast<int>(minutes / 60), minute = static_cast<int>(minutes % 60);  // 0..23, 0..59
    char text[48];
    if (minutes == 0)
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
    else
        std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hour, minute);
    return std::string(text);
}

bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    if (code.empty()) return false;
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is shown as is, or is padding
            continue;
        }
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '[') ++bracket;
        else if (!quoted && c == ']' && bracket > 0) --bracket;
        else if (!quoted && bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

xlsx_workbook::xlsx_workbook() : impl_(std::make_unique<impl>()) {}
xlsx_workbook::~xlsx_workbook() = default;

std::variant<std::unique_ptr<xlsx_workbook>, std::string> xlsx_workbook::open(std::string bytes) {
    std::unique_ptr<xlsx_workbook> book(new xlsx_workbook());
    auto& in = *book->impl_;
    in.bytes = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(in.bytes.data(), in.bytes.size(), 0, &error);
    if (source) {
        in.archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!in.archive) zip_source_free(source);
    }
    if (!in.archive) {
        std::string why = std::string("it is not a readable zip container: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return why;
    }
    zip_error_fini(&error);
    if (zip_get_num_entries(in.archive, 0) > max_xlsx_entries)
        return "it has more than " + std::to_string(max_xlsx_entries) + " entries";
    if (auto why = read_workbook(in, book->sheet_names_); !why.empty()) return why;
    if (auto why = read_shared_strings(in); !why.empty()) return why;
    if (auto why = read_styles(in); !why.empty()) return why;
    return book;
}

std::unique_ptr<record_source> xlsx_workbook::rows(std::size_t index) const {
    return std::make_unique<sheet_rows>(*impl_, impl_->sheet_parts.at(index));
}

}  // namespace closeplan::batch
