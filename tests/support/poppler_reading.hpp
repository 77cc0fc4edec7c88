// SPDX-License-Identifier: MIT
// What poppler's pdftotext (22.12, Debian 12) gives for right-to-left text whose
// font draws two letters as one glyph (Arabic lam-alef, lam with alef maksura):
// closeplan maps the glyph to its letters in logical order, as the PDF format and
// screen readers want (`pdfinfo -struct-text` reads them so); pdftotext spreads
// them across the glyph left to right and reads the line from the right, so it
// gives the two letters swapped. Checks that find a plan's Arabic text in
// pdftotext's output accept that reading too (tests/support/poppler_reading.py
// is the same rule for the Python checks).
#pragma once

#include <string>
#include <string_view>

namespace closeplan::test_support {

/// `text` with each lam + alef (or alef maksura) pair swapped, as pdftotext reads it.
inline std::string as_pdftotext_reads(std::string_view text) {
    constexpr std::string_view lam = "\u0644";
    constexpr std::string_view pairs[] = {"\u0627", "\u0623", "\u0625", "\u0622", "\u0649"};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, lam.size()) == lam) {
            const auto rest = text.substr(i + lam.size());
            bool swapped = false;
            for (const auto second : pairs)
                if (rest.substr(0, second.size()) == second) {
                    out.append(second).append(lam);
                    i += lam.size() + second.size();
                    swapped = true;
                    break;
                }
            if (swapped) continue;
        }
        out.push_back(text[i++]);
    }
    return out;
}

}  // namespace closeplan::test_support
