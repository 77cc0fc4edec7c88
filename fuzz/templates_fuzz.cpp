// SPDX-License-Identifier: MIT
// A template folder (`--template-dir`): page shells, the CSS template and
// labels/<lang>.yaml. The input is a bundle (fuzz_support.hpp split_bundle)
// whose files are written to a fresh scratch folder, since template_set reads
// a folder on disk. The plan's locale is the first labels file's language,
// and a shell named other than the built-in ones becomes --template. Then a
// small valid plan goes through every writer and the handoff pack.
#include <set>

#include "fuzz_support.hpp"

namespace {

// Names that stay inside the folder: no "..", no absolute path, plain characters.
bool safe_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string::npos) return false;
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '/')) return false;
    return true;
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    const auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "buyer-plan.html.mustache");
    fuzz::remove_scratch("templates");
    fuzz::write_scratch("templates/.keep", "");

    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = fuzz::source_file("tests/cli/fixtures/ok.yaml");
    request.plan.syntax = "yaml";
    request.template_dir = fuzz::scratch_dir() + "/templates";
    const std::set<std::string> built_in = {"buyer-plan", "buyer-plan.fragment", "handoff"};
    for (const auto& [name, text] : files) {
        if (!safe_name(name)) continue;
        fuzz::write_scratch("templates/" + name, text);
        if (name.rfind("labels/", 0) == 0 && ends_with(name, ".yaml") && request.locale.empty())
            request.locale = name.substr(7, name.size() - 7 - 5);
        for (const std::string format : {".html.mustache", ".md.mustache"}) {
            if (!ends_with(name, format)) continue;
            const auto shell = name.substr(0, name.size() - format.size());
            if (!built_in.count(shell) && shell.find('/') == std::string::npos) request.template_name = shell;
        }
    }
    fuzz::drive_plan(std::move(request));
    return 0;
}
