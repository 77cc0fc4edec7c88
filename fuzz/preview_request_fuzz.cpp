// SPDX-License-Identifier: MIT
// What `closeplan preview` takes from a request and from a plan: the input's
// first line is a request path (as cpp-httplib hands it over, %xx decoded),
// its second a Host header, the rest both the page's HTML and the text of a
// located error and a health finding. The route table answers only its own
// paths, and the preview's block never holds live markup from the text.
#include <string_view>

#include "fuzz_support.hpp"
#include "preview/page.hpp"
#include "preview/routes.hpp"

namespace {

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto first_end = std::min(input.find('\n'), input.size());
    const auto path = input.substr(0, first_end);
    const auto rest_at = std::min(first_end + 1, input.size());
    const auto host_end = std::min(input.find('\n', rest_at), input.size());
    const auto host = input.substr(rest_at, host_end - rest_at);
    const auto text = input.substr(std::min(host_end + 1, input.size()));

    if (const auto found = preview::find_route(path); found && found->path != path)
        fuzz::finding("find_route answered a path it does not list");
    (void)preview::host_allowed(host, preview::allowed_hosts("127.0.0.1", 8040), false);
    (void)preview::is_loopback(host);

    preview::snapshot state;
    state.html = std::string(text);
    state.failed = true;
    state.problems.push_back({severity::error, "V203", std::string(text), {"plan.yaml", 1, 1, ""}, {std::string(text)}});
    state.findings.push_back({"H812", "step-at-risk", severity::warning, std::string(text), {"plan.yaml", 2, 1, ""}, ""});
    const auto block = preview::preview_block(state, "n");
    if (count(block, "<script") != 1 || count(block, "</script") != 1 || count(block, "<style") != 1)
        fuzz::finding("text from the plan became markup in the preview block");
    const auto page = preview::served_page(state, "n");
    if (!state.html.empty() && page.size() != state.html.size() + block.size()) fuzz::finding("served_page lost or added bytes");
    return 0;
}
