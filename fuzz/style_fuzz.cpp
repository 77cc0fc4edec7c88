// SPDX-License-Identifier: MIT
// A style file (`--style`): style::from_file reads only from a path, so the
// input is written to the scratch folder under /dev/shm; then a small valid
// plan goes through every writer with it (the CSS template, PDF layout and
// paint read the tokens).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = fuzz::source_file("tests/cli/fixtures/ok.yaml");
    request.plan.syntax = "yaml";
    request.style_path = fuzz::write_scratch("style.yaml", {reinterpret_cast<const char*>(data), size});
    fuzz::drive_plan(std::move(request));
    return 0;
}
