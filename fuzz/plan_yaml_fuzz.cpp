// SPDX-License-Identifier: MIT
// A plan file in YAML, through load, validate, analyze, view, every writer
// (HTML, Markdown, PDF layout and paint), the handoff pack and the health
// review. The plan "is" scratch/plan.yaml, so relative logo and value-map
// paths of the examples resolve (fuzz_support.cpp puts those files there).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = std::string(reinterpret_cast<const char*>(data), size);
    request.plan.syntax = "yaml";
    fuzz::drive_plan(std::move(request));
    return 0;
}
