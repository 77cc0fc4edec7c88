// SPDX-License-Identifier: MIT
// A value map file, read both ways a user gives one: as the file a plan
// names (`value_map: value-map.yaml` in examples/northwind/plan.yaml) and as
// `--value-map` (request.value_map_path). Both read the same scratch file,
// then the plan goes through every writer (fuzz_support.hpp drive_plan).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    const auto path =
        fuzz::write_scratch("fuzzed/value-map.yaml", {reinterpret_cast<const char*>(data), size});
    auto plan_text = fuzz::source_file("examples/northwind/plan.yaml");
    // The plan's own reference, pointed at the fuzzed file.
    const std::string named = "value_map: value-map.yaml";
    plan_text.replace(plan_text.find(named), named.size(), "value_map: fuzzed/value-map.yaml");

    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = std::move(plan_text);
    request.plan.syntax = "yaml";
    request.value_map_path = path;
    fuzz::drive_plan(std::move(request));
    return 0;
}
