// SPDX-License-Identifier: MIT
// A --reference-docx file: first render::reference_docx_styles on the bytes
// (libzip reading the archive with its bound on inflation, libxml2 checking
// word/styles.xml), then, when it is taken, as the reference of a small
// plan's DOCX (read from the scratch folder as the command reads it).
#include "fuzz_support.hpp"
#include "render/docx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    diagnostic_sink diags;
    const auto styles = render::reference_docx_styles(bytes, "reference.docx", diags);
    if (!styles && !diags.has_errors()) fuzz::finding("reference_docx_styles refused a file without an error");
    if (styles && diags.has_errors()) fuzz::finding("reference_docx_styles took a file it reported an error for");
    if (!styles) return 0;

    pipeline::render_request request;
    request.plan.path = fuzz::scratch_dir() + "/plan.yaml";
    request.plan.text = fuzz::source_file("tests/cli/fixtures/ok.yaml");
    request.plan.syntax = "yaml";
    request.reference_docx = fuzz::write_scratch("reference.docx", bytes);
    request.today = fuzz::fuzz_today();
    request.formats = {"docx"};
    diagnostic_sink rendered;
    const auto result = pipeline::render_plan(request, rendered);
    if (result.outputs.empty() && !rendered.has_errors()) fuzz::finding("render_plan: no DOCX and no error");
    return 0;
}
