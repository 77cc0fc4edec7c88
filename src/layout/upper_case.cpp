// SPDX-License-Identifier: MIT
#include "layout/upper_case.hpp"

#include <clocale>
#include <cwctype>
#include <locale.h>

#include "layout/winansi.hpp"

namespace closeplan::layout {

namespace {

// glibc's built-in C.UTF-8 locale knows Unicode's simple case mapping. It is
// named explicitly, so the result never depends on the user's environment.
locale_t unicode_ctype() {
    static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return loc;
}

}  // namespace

std::string upper_case(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    const locale_t loc = unicode_ctype();
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[pos]);
        if (byte < 0x80) {
            out += byte >= 'a' && byte <= 'z' ? static_cast<char>(byte - 'a' + 'A') : static_cast<char>(byte);
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(utf8, pos);
        // The micro sign's capital is Greek MU, which a Latin page's font may lack.
        const auto upper = loc && cp != U'\u00B5' ? static_cast<char32_t>(towupper_l(static_cast<wint_t>(cp), loc)) : cp;
        if (upper == cp) {
            out.append(utf8.substr(start, pos - start));  // unchanged bytes, even malformed ones
        } else {
            append_utf8(out, upper);
        }
    }
    return out;
}

}  // namespace closeplan::layout
