// SPDX-License-Identifier: MIT
#include "render/pdf_content.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace closeplan::render {

// Whole thousandths (rounded half away from zero), so the same double always
// gives the same text. A page has some ten thousand numbers, most of them in
// path operators: an operator's numbers and name are written into a buffer on
// the stack and appended at once.
namespace {

// The longest number: a sign, 16 digits (an int64 of thousandths), a point,
// three decimals and the space after it.
constexpr std::size_t max_number_chars = 24;

std::int64_t thousandths(double v) {
    const double scaled = v * 1000.0;
    return static_cast<std::int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

// "00" to "99": numbers on a page have a few digits, written two at a time.
constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

char* put_pair(char* p, unsigned n) {
    p[0] = digit_pairs[2 * n];
    p[1] = digit_pairs[2 * n + 1];
    return p + 2;
}

// `milli` thousandths as a decimal with up to three decimals and no trailing zeros, and a space.
char* put_thousandths(char* p, std::int64_t milli) {
    if (milli < 0) {
        *p++ = '-';
        milli = -milli;
    }
    auto whole = static_cast<std::uint64_t>(milli) / 1000;
    const auto fraction = static_cast<unsigned>(static_cast<std::uint64_t>(milli) % 1000);
    if (whole < 10) {
        *p++ = static_cast<char>('0' + whole);
    } else if (whole < 100) {
        p = put_pair(p, static_cast<unsigned>(whole));
    } else if (whole < 1000) {
        *p++ = static_cast<char>('0' + whole / 100);
        p = put_pair(p, static_cast<unsigned>(whole % 100));
    } else {
        int digits = 4;
        for (std::uint64_t bound = 10000; digits < 19 && whole >= bound; bound *= 10) ++digits;
        char* const end = p + digits;
        char* q = end;
        do {
            *--q = static_cast<char>('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        p = end;
    }
    if (fraction != 0) {  // up to three decimals, without trailing zeros
        *p++ = '.';
        *p++ = static_cast<char>('0' + fraction / 100);
        if (const unsigned rest = fraction % 100; rest != 0) {
            p = put_pair(p, rest);
            if (rest % 10 == 0) --p;
        }
    }
    *p++ = ' ';
    return p;
}

char* put_number(char* p, double v) { return put_thousandths(p, thousandths(v)); }

}  // namespace

void content_stream::number(double v) {
    char buffer[max_number_chars];
    out_.append(buffer, static_cast<std::size_t>(put_number(buffer, v) - buffer));
}

void content_stream::operation(std::initializer_list<double> operands, std::string_view name) {
    char buffer[6 * max_number_chars + 4];
    char* p = buffer;
    for (const double v : operands) p = put_number(p, v);  // at most six: the callers are this file's
    for (const char c : name) *p++ = c;
    *p++ = '\n';
    out_.append(buffer, static_cast<std::size_t>(p - buffer));
}

// A point is rounded to thousandths where it lies on the page, then written
// relative to the origin (itself so rounded): the same page position to the
// last digit whichever origin applies.
void content_stream::path_operation(std::initializer_list<double> points, std::string_view name) {
    char buffer[6 * max_number_chars + 4];
    char* p = buffer;
    bool is_x = true;
    for (const double v : points) {  // x, y, x, y ...: at most three points
        p = put_thousandths(p, thousandths(v) - (is_x ? origin_x_ : origin_y_));
        is_x = !is_x;
    }
    for (const char c : name) *p++ = c;
    *p++ = '\n';
    out_.append(buffer, static_cast<std::size_t>(p - buffer));
}

void content_stream::begin_local(double x, double y) {
    end_text();
    origin_x_ = thousandths(x);
    origin_y_ = thousandths(y);
    char buffer[2 * max_number_chars + 16];
    char* p = buffer;
    for (const char c : std::string_view("q 1 0 0 1 ")) *p++ = c;
    p = put_thousandths(p, origin_x_);
    p = put_thousandths(p, origin_y_);
    *p++ = 'c';
    *p++ = 'm';
    *p++ = '\n';
    out_.append(buffer, static_cast<std::size_t>(p - buffer));
}

void content_stream::end_local() {
    origin_x_ = origin_y_ = 0;
    op("Q");
}

void content_stream::op(std::string_view name) {
    out_.append(name);
    out_.push_back('\n');
}

void content_stream::color(const layout::color& c, std::optional<layout::color>& current, std::string_view operator_name) {
    if (current == c) return;
    current = c;
    operation({c.r, c.g, c.b}, operator_name);
}

void content_stream::fill_color(const layout::color& c) { color(c, fill_, "rg"); }
void content_stream::stroke_color(const layout::color& c) { color(c, stroke_, "RG"); }

void content_stream::line_width(double width) {
    if (has_width_ && width_ == width) return;
    has_width_ = true;
    width_ = width;
    operation({width}, "w");
}

void content_stream::dashed(bool on) {
    if (on == dashed_) return;
    dashed_ = on;
    op(on ? "[3 2] 0 d" : "[] 0 d");
}

void content_stream::move_to(double x, double y) {
    end_text();
    path_operation({x, y}, "m");
}

void content_stream::line_to(double x, double y) {
    path_operation({x, y}, "l");
}

void content_stream::curve_to(double x1, double y1, double x2, double y2, double x3, double y3) {
    path_operation({x1, y1, x2, y2, x3, y3}, "c");
}

void content_stream::rectangle(double x, double y, double width, double height) {
    end_text();
    // The corner is a point; width and height are lengths, whatever the origin.
    char buffer[4 * max_number_chars + 4];
    char* p = put_thousandths(buffer, thousandths(x) - origin_x_);
    p = put_thousandths(p, thousandths(y) - origin_y_);
    p = put_number(p, width);
    p = put_number(p, height);
    *p++ = 'r';
    *p++ = 'e';
    *p++ = '\n';
    out_.append(buffer, static_cast<std::size_t>(p - buffer));
}

void content_stream::close_path() { op("h"); }
void content_stream::fill() { op("f"); }
void content_stream::stroke() { op("S"); }
void content_stream::fill_and_stroke() { op("B"); }

void content_stream::begin_text_at(std::string_view font, double size, double x, double y) {
    if (!in_text_) {
        op("BT");
        in_text_ = true;
        line_x_ = line_y_ = 0;  // BT resets the text matrix
    }
    if (font != font_ || size != size_) {
        font_.assign(font);
        size_ = size;
        out_.push_back('/');
        out_.append(font);
        out_.push_back(' ');
        operation({size}, "Tf");
    }
    // Td moves from the start of the current line, so positions stay exact
    // whatever the widths of the text shown in between.
    operation({x - line_x_, y - line_y_}, "Td");
    line_x_ = x;
    line_y_ = y;
}

void content_stream::end_text() {
    if (!in_text_) return;
    op("ET");
    in_text_ = false;
}

// Parentheses and backslashes are escaped; control bytes are written in
// octal so that no line end inside a string is rewritten by a reader.
namespace {

constexpr std::array<bool, 256> escaped_in_literal = [] {
    std::array<bool, 256> escaped{};
    for (unsigned c = 0; c < 0x20; ++c) escaped[c] = true;
    escaped['('] = escaped[')'] = escaped['\\'] = escaped[0x7F] = true;
    return escaped;
}();

}  // namespace

void content_stream::literal_string(std::string_view bytes) {
    out_.push_back('(');
    // Bytes that stand for themselves go in runs, one append each.
    std::size_t run = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (!escaped_in_literal[c]) continue;
        out_.append(bytes.data() + run, i - run);
        run = i + 1;
        if (c == '(' || c == ')' || c == '\\') {
            const char escaped[2] = {'\\', static_cast<char>(c)};
            out_.append(escaped, 2);
        } else {
            const char octal[4] = {'\\', static_cast<char>('0' + (c >> 6)), static_cast<char>('0' + ((c >> 3) & 7)),
                                   static_cast<char>('0' + (c & 7))};
            out_.append(octal, 4);
        }
    }
    out_.append(bytes.data() + run, bytes.size() - run);
    out_.push_back(')');
}

void content_stream::show_text(std::string_view font, double size, double x, double y, std::string_view encoded) {
    begin_text_at(font, size, x, y);
    for (std::size_t at = 0; at == 0 || at < encoded.size(); at += max_string_bytes) {
        literal_string(encoded.substr(at, max_string_bytes));
        out_.append(" Tj\n");
    }
}

// Two bytes per glyph id, as a literal string: half the bytes of a hex
// string, so half the compressing. Inside a literal string only a backslash,
// the parentheses and a carriage return (which a reader would take as a line
// feed) need escaping; every other byte stands for itself.
void content_stream::show_glyphs(std::string_view font, double size, double x, double y, const std::u16string& glyphs) {
    begin_text_at(font, size, x, y);
    out_.push_back('(');
    std::size_t in_string = 0;
    for (const char16_t g : glyphs) {
        if (in_string == max_string_bytes / 2) {
            out_.append(") Tj\n(");
            in_string = 0;
        }
        ++in_string;
        glyph_bytes(g);
    }
    out_.append(") Tj\n");
}

void content_stream::glyph_bytes(char16_t g) {
    for (const auto byte : {static_cast<char>(g >> 8), static_cast<char>(g & 0xFF)}) {
        if (byte == '(' || byte == ')' || byte == '\\') {
            out_.push_back('\\');
            out_.push_back(byte);
        } else if (byte == '\r') {
            out_.append("\\r");
        } else {
            out_.push_back(byte);
        }
    }
}

double content_stream::show_placed_glyphs(std::string_view font, double size, double x, double y,
                                          const std::vector<placed_glyph>& glyphs) {
    double pen = x;
    bool open = false;  // inside a TJ array's string
    std::size_t in_array = 0;
    const auto close = [&] {
        if (open) out_.append(")] TJ\n");
        open = false;
        in_array = 0;
    };
    for (const auto& g : glyphs) {
        if (g.x_offset != 0 || g.y_offset != 0) {
            close();
            begin_text_at(font, size, pen + g.x_offset * size / 1000.0, y + g.y_offset * size / 1000.0);
            out_.push_back('(');
            glyph_bytes(static_cast<char16_t>(g.code));
            out_.append(") Tj\n");
            pen += g.advance * size / 1000.0;
            continue;
        }
        if (!open || in_array == max_string_bytes / 2) {
            close();
            begin_text_at(font, size, pen, y);
            out_.append("[(");
            open = true;
        }
        glyph_bytes(static_cast<char16_t>(g.code));
        ++in_array;
        pen += g.advance * size / 1000.0;
        if (g.width != g.advance) {
            // TJ's number moves the next glyph left by 1/1000 em: the width less the advance.
            out_.push_back(')');
            number(g.width - g.advance);
            out_.push_back('(');
        }
    }
    close();
    return pen;
}

double content_stream::show_placed_glyphs_right_to_left(std::string_view font, double size, double x, double y,
                                                        const std::vector<placed_glyph>& glyphs) {
    // Where each glyph's pen stands, left to right, as show_placed_glyphs would move it.
    thread_local std::vector<double> pens;
    pens.clear();
    double pen = x;
    for (const auto& g : glyphs) {
        pens.push_back(pen);
        pen += g.advance * size / 1000.0;
    }
    bool open = false;  // inside a TJ array's string
    std::size_t in_array = 0;
    int shown_width = 0;  // the /W width of the glyph shown last in the array
    const auto close = [&] {
        if (open) out_.append(")] TJ\n");
        open = false;
        in_array = 0;
    };
    for (std::size_t k = glyphs.size(); k-- > 0;) {
        const auto& g = glyphs[k];
        if (g.x_offset != 0 || g.y_offset != 0) {
            close();
            begin_text_at(font, size, pens[k] + g.x_offset * size / 1000.0, y + g.y_offset * size / 1000.0);
            out_.push_back('(');
            glyph_bytes(static_cast<char16_t>(g.code));
            out_.append(") Tj\n");
            continue;
        }
        if (!open || in_array == max_string_bytes / 2) {
            close();
            begin_text_at(font, size, pens[k], y);
            out_.append("[(");
            open = true;
        } else {
            // Showing the glyph on the right moved the pen right by its width; this
            // one starts its own advance left of where that glyph started.
            out_.push_back(')');
            number(shown_width + g.advance);
            out_.push_back('(');
        }
        glyph_bytes(static_cast<char16_t>(g.code));
        ++in_array;
        shown_width = g.width;
    }
    close();
    return pen;
}

void content_stream::image(std::string_view name, double x, double y, double width, double height) {
    end_text();
    op("q");
    operation({width, 0.0, 0.0, height, x, y}, "cm");
    out_.push_back('/');
    out_.append(name);
    out_.append(" Do\nQ\n");
}

void content_stream::begin_sequence(bool for_text) {
    if (for_text && !in_text_) {
        op("BT");
        in_text_ = true;
        line_x_ = line_y_ = 0;
    } else if (!for_text) {
        end_text();
    }
    marked_in_text_ = in_text_;
}

void content_stream::begin_marked(std::string_view tag, int mcid, bool for_text) {
    begin_sequence(for_text);
    out_.push_back('/');
    out_.append(tag);
    out_.append("<</MCID ");
    char digits[16];
    out_.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, mcid).ptr - digits));
    out_.append(">>BDC\n");
}

void content_stream::begin_artifact(bool pagination, bool for_text) {
    begin_sequence(for_text);
    out_.append(pagination ? "/Artifact<</Type/Pagination>>BDC\n" : "/Artifact BMC\n");
}

void content_stream::end_marked() {
    // Sequences and text objects nest: one begun outside a text object ends outside it.
    if (!marked_in_text_) end_text();
    op("EMC");
}

const std::string& content_stream::finish() {
    end_text();
    return out_;
}

}  // namespace closeplan::render
