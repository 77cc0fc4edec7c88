// SPDX-License-Identifier: MIT
#include "preview/page.hpp"

#include <algorithm>

#include "render/escape.hpp"

namespace closeplan::preview {

namespace {

// The block's look, scoped by its ids; hidden in print so printing the
// preview prints the plan. On a phone (40rem and narrower) the button and the
// panel are not laid over the page (they would cover its title): they follow
// the plan, in the page's flow.
constexpr std::string_view block_css = R"(<style>
#closeplan-preview{font:14px/1.4 system-ui,sans-serif;color:#1a1a1a}
#closeplan-preview-errors{position:fixed;top:0;left:0;right:0;z-index:2147483646;max-height:60vh;overflow:auto;
 margin:0;padding:12px 16px;background:#fff4f4;border-bottom:3px solid #b00020;box-shadow:0 2px 8px rgba(0,0,0,.25)}
#closeplan-preview-errors h2{margin:0 0 6px;font-size:16px;color:#b00020}
#closeplan-preview-errors pre{margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace}
#closeplan-preview-panel{position:fixed;top:48px;right:8px;z-index:2147483645;width:min(360px,90vw);max-height:70vh;
 overflow:auto;padding:10px 12px;background:#fff;border:1px solid #888;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.2)}
#closeplan-preview-panel h2{margin:0 0 6px;font-size:15px}
#closeplan-preview-panel ul{margin:0;padding-left:18px}
#closeplan-preview-panel li{margin:0 0 6px}
#closeplan-preview-panel .where{font:12px ui-monospace,monospace;color:#555}
#closeplan-preview-toggle{position:fixed;top:8px;right:8px;z-index:2147483647;font:13px system-ui,sans-serif;
 padding:4px 10px;border:1px solid #888;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer}
@media (max-width:40rem){#closeplan-preview-panel,#closeplan-preview-toggle{position:static;margin:12px 8px 0}
 #closeplan-preview-panel{width:auto;max-height:none}}
@media print{#closeplan-preview{display:none}}
</style>
)";

// Polls /version and reloads when the generation changes, keeping the scroll
// position; keeps the panel hidden across reloads (localStorage) and leaves
// it out entirely with ?panel=off. Holds no text from the plan.
constexpr std::string_view script_head = "<script nonce=\"";
constexpr std::string_view script_tail = R"(";
var key="closeplan-preview-panel",panel=document.getElementById("closeplan-preview-panel"),
 toggle=document.getElementById("closeplan-preview-toggle");
function store(k,v){try{localStorage.setItem(k,v)}catch(e){}}
function stored(k){try{return localStorage.getItem(k)}catch(e){return null}}
function show(on){panel.hidden=!on;toggle.textContent=on?"Hide checks":"Checks";
 toggle.setAttribute("aria-expanded",on?"true":"false");store(key,on?"shown":"hidden")}
if(/[?&]panel=off(&|$)/.test(location.search)){panel.remove();toggle.remove()}
else{show(stored(key)!=="hidden");toggle.addEventListener("click",function(){show(panel.hidden)})}
try{var y=sessionStorage.getItem("closeplan-preview-scroll");
 if(y!==null){sessionStorage.removeItem("closeplan-preview-scroll");window.scrollTo(0,+y)}}catch(e){}
function poll(){fetch("/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){
 if(t.trim()!==seen){try{sessionStorage.setItem("closeplan-preview-scroll",String(window.scrollY))}catch(e){}
  location.reload()}else setTimeout(poll,300)}).catch(function(){setTimeout(poll,1000)})}
setTimeout(poll,300);
})();
</script>
)";

std::string plural(std::size_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string_view level_name(severity level) {
    switch (level) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::note: return "note";
    }
    return "note";
}

void append_item(std::string& out, const source_location& where, severity level, std::string_view code,
                 std::string_view message) {
    out += "<li class=\"";
    out += level_name(level);
    out += "\"><span class=\"where\">";
    render::append_escaped_html(out, format_location(where));
    out += "</span> ";
    render::append_escaped_html(out, std::string(level_name(level)) + "[" + std::string(code) + "]: ");
    render::append_escaped_html(out, message);
    out += "</li>\n";
}

// Errors fail a render; under --strict warnings do too.
bool fails(const snapshot& state, const diagnostic& d) {
    return d.level == severity::error || (state.strict && d.level == severity::warning);
}

void append_errors(std::string& out, const snapshot& state) {
    const auto errors = std::count_if(state.problems.begin(), state.problems.end(),
                                      [&](const diagnostic& d) { return fails(state, d); });
    out += "<section id=\"closeplan-preview-errors\" role=\"alert\">\n<h2>";
    render::append_escaped_html(out, "The plan has " + plural(static_cast<std::size_t>(errors), state.strict ? "problem" : "error") + "; " +
                                         (state.html.empty() ? "nothing could be rendered yet"
                                                             : "this is the last version that rendered"));
    out += "</h2>\n<pre>";
    for (const auto& d : state.problems) {
        if (!fails(state, d)) continue;
        render::append_escaped_html(out, format_diagnostic(d));
        out += '\n';
    }
    out += "</pre>\n</section>\n";
}

void append_panel(std::string& out, const snapshot& state) {
    std::size_t warnings = 0;
    for (const auto& d : state.problems) warnings += !fails(state, d);
    out += "<aside id=\"closeplan-preview-panel\" aria-label=\"closeplan checks\">\n<h2>";
    render::append_escaped_html(out, "Checks: " + plural(state.findings.size(), "finding") + ", " +
                                         plural(warnings, "warning"));
    out += "</h2>\n<p><a href=\"/plan.pdf\">PDF</a></p>\n<ul>\n";
    for (const auto& d : state.problems)
        if (!fails(state, d)) append_item(out, d.where, d.level, d.code, d.message);
    for (const auto& f : state.findings) append_item(out, f.where, f.level, f.rule_id, f.message);
    out += "</ul>\n</aside>\n";
}

}  // namespace

std::string preview_block(const snapshot& state, std::string_view nonce) {
    std::string out = "<div id=\"";
    out += block_id;
    out += "\" dir=\"ltr\" lang=\"en\">\n";
    out += block_css;
    if (state.failed) append_errors(out, state);
    // The button first: on a phone it stands above the panel it hides, and Tab reaches it first.
    out += "<button id=\"closeplan-preview-toggle\" type=\"button\" aria-controls=\"closeplan-preview-panel\">"
           "Hide checks</button>\n";
    append_panel(out, state);
    out += script_head;
    render::append_escaped_html(out, nonce);
    out += "\">\n(function(){\nvar seen=\"";
    out += std::to_string(state.generation);
    out += script_tail;
    out += "</div>\n";
    return out;
}

std::string insert_before_body_end(std::string_view html, std::string_view block) {
    std::string lowered(html);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    const auto at = lowered.rfind("</body");
    std::string out;
    out.reserve(html.size() + block.size());
    if (at == std::string::npos) {
        out.append(html);
        out.append(block);
    } else {
        out.append(html.substr(0, at));
        out.append(block);
        out.append(html.substr(at));
    }
    return out;
}

std::string served_page(const snapshot& state, std::string_view nonce) {
    constexpr std::string_view no_page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>closeplan preview</title>\n</head>\n<body>\n</body>\n</html>\n";
    return insert_before_body_end(state.html.empty() ? no_page : std::string_view(state.html), preview_block(state, nonce));
}

}  // namespace closeplan::preview
