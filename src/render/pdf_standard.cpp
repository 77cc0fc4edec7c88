// SPDX-License-Identifier: MIT
#include "render/pdf_standard.hpp"

namespace closeplan::render {

const std::vector<pdf_standard_value>& pdf_standard_values() {
    static const std::vector<pdf_standard_value> values = {
        {"ua-1", "PDF/UA-1", [](pdf_standard& s) { s.ua1 = true; }},
        {"a-2b", "PDF/A-2b", [](pdf_standard& s) { s.pdfa = 'B'; }},
        {"a-2u", "PDF/A-2u",  [](pdf_standard& s) { s.pdfa = 'U'; }},
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
    // Every piece between commas is a name: "ua-1," has an empty one, refused.
    for (bool more = !list.empty(); more;) {
        const auto comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        more = comma != std::string_view::npos;
        if (more) list = list.substr(comma + 1);
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
