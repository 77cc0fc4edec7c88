// SPDX-License-Identifier: MIT
#include "render/pdf_standard.hpp"

namespace closeplan::render {

const std::vector<pdf_standard_value>& pdf_standard_values() {
    static const std::vector<pdf_standard_value> values = {
        {"ua-1", "PDF/UA-1: accessible (tagged, fonts embedded, identified in XMP)", [](pdf_standard& s) { s.ua1 = true; }},
        {"a-2b", "PDF/A-2b: archival (fonts embedded, sRGB output intent, XMP)", [](pdf_standard& s) { s.pdfa = 'B'; }},
        {"a-2u", "PDF/A-2u: archival with Unicode text (as a-2b; every font maps to Unicode)",
         [](pdf_standard& s) { s.pdfa = 'U'; }},
    };
    return values;
}

std::string pdf_standard_names() {
    std::string out;
    for (const auto& v : pdf_standard_values()) out += (out.empty() ? "" : ", ") + std::string(v.name);
    return out;
}

std::optional<pdf_standard> parse_pdf_standard(std::string_view list, std::string& problem) {
    pdf_standard out;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        const pdf_standard before = out;
        bool known = false;
        for (const auto& v : pdf_standard_values())
            if (v.name == name) {
                v.apply(out);
                known = true;
            }
        if (!known) {
            problem = "unknown PDF standard `" + std::string(name) + "`; accepted: " + pdf_standard_names() +
                      ", or a comma-separated combination such as ua-1,a-2b";
            return std::nullopt;
        }
        if (before.pdfa != 0 && out.pdfa != before.pdfa) {
            problem = "a PDF claims one PDF/A conformance: a-2b or a-2u, not both";
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace closeplan::render
