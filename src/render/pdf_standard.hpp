// SPDX-License-Identifier: MIT
// The standards a PDF can claim (--pdf-standard): PDF/UA-1, PDF/A-2b, PDF/A-2u.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::render {

/// What the file claims beyond being tagged (every PDF is tagged). Each claim
/// embeds every font (Liberation Sans subsets instead of the standard fonts,
/// which PDF/UA and PDF/A forbid) and says so in the XMP metadata; PDF/A adds an
/// sRGB output intent and a file identifier.
struct pdf_standard {
    bool ua1 = false;   ///< PDF/UA-1 (ISO 14289-1): pdfuaid:part 1
    char pdfa = 0;      ///< PDF/A-2 (ISO 19005-2) conformance: 0 (none), 'B' or 'U'
    [[nodiscard]] bool embeds_fonts() const { return ua1 || pdfa != 0; }
    friend bool operator==(const pdf_standard&, const pdf_standard&) = default;
};

/// One accepted value of --pdf-standard; the one table the flags, their help and
/// the parser read.
struct pdf_standard_value {
    std::string_view name;         ///< "ua-1"
    std::string_view description;  ///< for --help: the standard's name
    void (*apply)(pdf_standard&);
};
const std::vector<pdf_standard_value>& pdf_standard_values();

/// "ua-1", "a-2b", "a-2u" or a comma-separated combination ("ua-1,a-2b"); empty =
/// none. nullopt with `problem` set for an unknown name or both a-2b and a-2u.
std::optional<pdf_standard> parse_pdf_standard(std::string_view list, std::string& problem);

/// The accepted names, "ua-1, a-2b, a-2u", for help and messages.
std::string pdf_standard_names();

}  // namespace closeplan::render
