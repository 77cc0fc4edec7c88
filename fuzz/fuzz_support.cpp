// SPDX-License-Identifier: MIT
#include "fuzz_support.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyze/analysis.hpp"
#include "handoff/handoff_pack.hpp"
#include "health/health.hpp"
#include "health/report_output.hpp"
#include "model/dates.hpp"
#include "render/render.hpp"

#ifndef CLOSEPLAN_SOURCE_DIR
#error "fuzz/CMakeLists.txt defines CLOSEPLAN_SOURCE_DIR"
#endif

namespace closeplan::fuzz {

namespace fs = std::filesystem;

namespace {

std::string read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) finding("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A crashed run leaves its folder (abort skips exit handlers): remove the
// folders of processes that no longer exist.
void remove_stale_scratch(const fs::path& base) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(base, ec)) {
        const auto name = entry.path().filename().string();
        constexpr std::string_view prefix = "closeplan-fuzz-";
        if (name.rfind(prefix, 0) != 0) continue;
        const auto pid = std::atol(name.c_str() + prefix.size());
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
    }
}

void remove_scratch_at_exit() {
    std::error_code ec;
    fs::remove_all(scratch_dir(), ec);
}

}  // namespace

void finding(const std::string& what) {
    std::cerr << "closeplan fuzz finding: " << what << '\n';
    std::abort();
}

const std::string& scratch_dir() {
    // Never destroyed: the exit handler that removes the folder runs after
    // the destructors of statics constructed later than it was registered.
    static const std::string& dir = *new std::string([] {
        const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        remove_stale_scratch(base);
        const auto made = base / ("closeplan-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(made / "logos");
        std::atexit(remove_scratch_at_exit);
        // The examples' plans name these files relative to the plan.
        for (const auto* name : {"logos/northwind.png", "logos/acme.jpg", "value-map.yaml"}) {
            const auto& bytes = source_file(std::string("examples/northwind/") + name);
            std::ofstream(made / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        return made.string();
    }());
    return dir;
}

std::string write_scratch(const std::string& relative, std::string_view bytes) {
    const auto path = fs::path(scratch_dir()) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) finding("cannot write " + path.string());
    return path.string();
}

void remove_scratch(const std::string& relative) {
    std::error_code ec;
    fs::remove_all(fs::path(scratch_dir()) / relative, ec);
}

const std::string& source_file(const std::string& relative) {
    static std::map<std::string, std::string> cache;
    auto found = cache.find(relative);
    if (found == cache.end())
        found = cache.emplace(relative, read_whole(fs::path(CLOSEPLAN_SOURCE_DIR) / relative)).first;
    return found->second;
}

std::optional<model::plan> load_plan_named(const std::string& name, const std::string& text) {
    pipeline::render_request request;
    request.plan.path = scratch_dir() + "/" + name;
    request.plan.text = text;
    request.plan.syntax = name.ends_with(".json") ? "json" : "yaml";
    request.today = fuzz_today();
    diagnostic_sink diags;
    try {
        auto plan = pipeline::load_plan(request, diags);
        if (!plan && !diags.has_errors()) finding("load_plan: no plan and no error");
        return plan;
    } catch (const closeplan::error&) {
        return std::nullopt;  // an environment failure (a value map file it names is missing)
    }
}

std::map<std::string, std::string> option_lines(const std::string& text) {
    std::map<std::string, std::string> options;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(": ");
        if (colon != std::string::npos) options[line.substr(0, colon)] = line.substr(colon + 2);
    }
    return options;
}

std::map<std::string, std::string> split_bundle(std::string_view input, const std::string& fallback) {
    std::map<std::string, std::string> files;
    constexpr std::string_view open = "==> ", close = " <==";
    if (input.substr(0, open.size()) != open) {
        files[fallback] = std::string(input);
        return files;
    }
    std::size_t at = 0;
    while (at < input.size()) {
        const auto line_end = input.find('\n', at);
        const auto header = input.substr(at, line_end == std::string_view::npos ? std::string_view::npos : line_end - at);
        std::string name(header.substr(open.size()));
        if (name.size() >= close.size() && name.compare(name.size() - close.size(), close.size(), close) == 0)
            name.resize(name.size() - close.size());
        if (line_end == std::string_view::npos) {
            files[name].clear();
            break;
        }
        const auto body_start = line_end + 1;
        auto next = input.find("\n==> ", line_end);
        const auto body_end = next == std::string_view::npos ? input.size() : next + 1;
        files[name] = std::string(input.substr(body_start, body_end - body_start));
        at = body_end;
    }
    return files;
}

model::date fuzz_today() { return *model::parse_iso_date("2026-05-04"); }

void drive_plan(pipeline::render_request request) {
    request.formats.clear();
    for (const auto& format : render::output_formats()) request.formats.push_back(format.name);
    request.today = fuzz_today();
    try {
        diagnostic_sink diags;
        const auto result = pipeline::render_plan(request, diags);
        if (result.outputs.empty() && !diags.has_errors()) finding("render_plan: no output and no error");
        if (!result.outputs.empty() && result.outputs.size() != request.formats.size())
            finding("render_plan: some formats missing without an error");
        if (!result.plan) return;

        diagnostic_sink pack_diags;
        const auto pack = handoff::build_pack(request, {}, pack_diags);
        if (pack.empty() && !pack_diags.has_errors()) finding("build_pack: no file and no error");

        const auto as_of = request.as_of ? *request.as_of : result.plan->as_of ? *result.plan->as_of : request.today;
        const auto facts = analyze::analyze_plan(*result.plan, as_of);
        const auto review = health::review(*result.plan, facts, health::config{});
        (void)health::format_findings(review);
        (void)health::to_json(review, request.plan.path);
    } catch (const closeplan::error&) {
        // An environment failure (a logo the plan names is missing): the
        // command line reports it as such; not a finding.
    }
}

}  // namespace closeplan::fuzz
