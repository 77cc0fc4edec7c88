// SPDX-License-Identifier: MIT
// A PNG or JPEG logo: first the image checks on their own
// (render/pdf_images.cpp check_image_bytes, with render/inflate_check.cpp for
// PNG data), then as the buyer's logo of a small plan through every writer,
// so a logo the checks pass reaches libharu in the PDF painter and the HTML
// writer's data URI. Logos are read from a path: the input is written to the
// scratch folder as logos/fuzzed.png or .jpg by its first byte.
#include "fuzz_support.hpp"
#include "render/pdf_images.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::string problem;
    const auto checked = render::check_image_bytes(bytes, problem);
    if (!checked && problem.empty()) fuzz::finding("check_image_bytes refused an image without saying why");

    const std::string name = size > 0 && data[0] == 0xFF ? "logos/fuzzed.jpg" : "logos/fuzzed.png";
    fuzz::write_scratch(name, bytes);
    auto plan_text = fuzz::source_file("tests/cli/fixtures/ok.yaml");
    const std::string buyer = "buyer: Fernhill Logistics";
    plan_text.replace(plan_text.find(buyer), buyer.size(),
                      "buyer: { name: Fernhill Logistics, logo: " + name + " }");

    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = std::move(plan_text);
    request.plan.syntax = "yaml";
    fuzz::drive_plan(std::move(request));
    return 0;
}
