// SPDX-License-Identifier: MIT
// The one table of output formats: name, file extension, writer.
#include <algorithm>

#include "render/render.hpp"

namespace closeplan::render {

const std::vector<output_format>& output_formats() {
    static const std::vector<output_format> formats = {
        {"html", "html", render_html},
        {"md", "md", render_markdown},
    };
    return formats;
}

const output_format* find_output_format(std::string_view name) {
    const auto& formats = output_formats();
    const auto it = std::find_if(formats.begin(), formats.end(), [&](const output_format& f) { return f.name == name; });
    return it == formats.end() ? nullptr : &*it;
}

}  // namespace closeplan::render
