// SPDX-License-Identifier: MIT
// A strict reader of closeplan's own HTML for tests: every tag and attribute must be one the writer uses.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace closeplan::render::testing {

struct html_scan {
    std::vector<std::string> problems;  ///< empty when the page is clean
    std::vector<std::string> hrefs;
    std::vector<std::string> ids;
    std::vector<std::string> tags;  ///< opening tag names in order
};

inline html_scan scan_html(const std::string& page) {
    static const std::set<std::string> tags = {
        "html", "head", "meta", "title", "style", "body", "main", "header", "div", "p", "span", "h1", "h2", "h3",
        "h4", "h5", "h6", "dl", "dt", "dd", "section", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "ul", "ol", "li", "a", "em", "strong", "del", "code", "pre", "blockquote", "hr", "br", "wbr"};
    static const std::set<std::string> attributes = {"lang", "dir", "charset", "name", "content", "class", "id",
                                                     "aria-labelledby", "aria-label", "scope", "data-label",
                                                     "href", "start"};
    html_scan scan;
    std::size_t i = 0;
    const auto fail = [&](const std::string& what) { scan.problems.push_back(what + " at byte " + std::to_string(i)); };
    while ((i = page.find('<', i)) != std::string::npos) {
        if (page.compare(i, 15, "<!DOCTYPE html>") == 0) {
            i += 15;
            continue;
        }
        std::size_t j = i + 1;
        const bool closing = j < page.size() && page[j] == '/';
        if (closing) ++j;
        const std::size_t name_start = j;
        while (j < page.size() && ((page[j] >= 'a' && page[j] <= 'z') || (page[j] >= '0' && page[j] <= '9'))) ++j;
        const std::string name = page.substr(name_start, j - name_start);
        if (!tags.contains(name)) {
            fail("unexpected tag <" + (closing ? "/" : std::string()) + name + ">");
            ++i;
            continue;
        }
        if (!closing) scan.tags.push_back(name);
        while (j < page.size() && page[j] != '>') {
            if (page[j] == ' ') {
                ++j;
                continue;
            }
            const std::size_t attr_start = j;
            while (j < page.size() && ((page[j] >= 'a' && page[j] <= 'z') || page[j] == '-')) ++j;
            const std::string attr = page.substr(attr_start, j - attr_start);
            if (attr.empty() || !attributes.contains(attr)) {
                fail("unexpected attribute `" + attr + "` in <" + name + ">");
                break;
            }
            if (j < page.size() && page[j] == '=') {
                if (page[j + 1] != '"') {
                    fail("unquoted attribute value");
                    break;
                }
                const std::size_t end = page.find('"', j + 2);
                const std::string value = page.substr(j + 2, end - j - 2);
                if (value.find_first_of("<>") != std::string::npos) fail("< or > inside an attribute value");
                if (attr == "href") scan.hrefs.push_back(value);
                if (attr == "id") scan.ids.push_back(value);
                j = end + 1;
            }
        }
        i = j;
        if (name == "style" && !closing) {
            const std::size_t end = page.find("</style>", i);
            if (page.substr(i, end - i).find('<') != std::string::npos) fail("< inside <style>");
            i = end;
        }
    }
    return scan;
}

}  // namespace closeplan::render::testing
