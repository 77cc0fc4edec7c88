// SPDX-License-Identifier: MIT
// Renders each example with the real binary and compares it byte for byte with examples/<name>/expected/.
//
//   golden_runner --closeplan BIN [--format html]... [--update] examples/northwind ...
//
// Besides the byte comparison, every output must name every milestone title,
// every stakeholder and both people who sign, read from the plan itself, so a
// golden regenerated with --update cannot silently lose them.
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "harness.hpp"
#include "../support/poppler_reading.hpp"

namespace fs = std::filesystem;
using namespace closeplan::testing;

namespace {

struct settings {
    fs::path binary;
    std::vector<std::string> formats;
    bool update = false;
    std::vector<fs::path> examples;
};

fs::path find_plan(const fs::path& example) {
    std::vector<fs::path> found;
    for (const char* name : {"plan.yaml", "plan.yml", "plan.json"})
        if (fs::exists(example / name)) found.push_back(example / name);
    if (found.size() != 1)
        throw std::runtime_error(example.string() + ": expected exactly one plan.yaml or plan.json");
    return found.front();
}

// yaml-cpp reads JSON too, which is all this needs: the names, not the validation.
std::vector<std::string> names_to_find(const fs::path& plan_path) {
    const YAML::Node plan = YAML::LoadFile(plan_path.string());
    std::vector<std::string> names;
    for (const auto& m : plan["milestones"]) names.push_back(m["title"].as<std::string>());
    for (const auto& s : plan["stakeholders"]) names.push_back(s["name"].as<std::string>());
    for (const char* side : {"buyer", "seller"}) {
        const YAML::Node signer = plan["sign_off"][side];
        if (!signer) throw std::runtime_error(plan_path.string() + ": sign_off." + side + " is missing");
        if (signer.IsMap()) {
            names.push_back(signer["name"].as<std::string>());
            continue;
        }
        const auto id = signer.as<std::string>();
        bool known = false;
        for (const auto& s : plan["stakeholders"]) {
            if (s["id"].as<std::string>() == id) {
                names.push_back(s["name"].as<std::string>());
                known = true;
            }
        }
        if (!known) throw std::runtime_error(plan_path.string() + ": sign_off." + side + " names no stakeholder");
    }
    return names;
}

// HTML: undo the entity escaping a writer may use, so "O'Neill" matches "O&#39;Neill".
std::string plain_html(std::string text) {
    for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
             {"&#39;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"}, {"&quot;", "\""}, {"&#34;", "\""},
             {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "}, {"&#160;", " "}, {"&amp;", "&"}})
        text = replace_all(std::move(text), entity, ch);
    return text;
}

// Markdown: drop backslash escapes before ASCII punctuation, so "Proof of concept \(PoC\)" matches.
std::string plain_markdown(const std::string& text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) continue;
        plain += text[i];
    }
    return plain;
}

// The PDF's own bytes are not a golden (its layout dump is, as "pdf-layout");
// instead the real file goes through the tools a reader's machine would use.
int check_pdf(const fs::path& pdf, const std::string& label, std::string& text) {
    int failures = 0;
    const auto checked = run_process({"/usr/bin/qpdf", "--check", pdf.string()});
    if (checked.exit_code != 0) {
        std::cout << "FAIL " << label << ": qpdf --check exited " << checked.exit_code << "\n" << checked.out << checked.err;
        ++failures;
    }
    const auto info = run_process({"/usr/bin/pdfinfo", pdf.string()});
    if (info.exit_code != 0 || info.out.find("\nPages:           1\n") == std::string::npos) {
        std::cout << "FAIL " << label << ": the buyer plan must be one page; pdfinfo says:\n" << info.out << info.err;
        ++failures;
    }
    const auto extracted = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    if (extracted.exit_code != 0) {
        std::cout << "FAIL " << label << ": pdftotext exited " << extracted.exit_code << "\n" << extracted.err;
        ++failures;
    }
    text = extracted.out;
    return failures;
}

// Text wraps anywhere in a PDF, so names are looked for with all white space removed.
std::string without_spaces(std::string_view text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string extension_of(const std::string& format) { return format == "pdf-layout" ? "layout.txt" : format; }

// "fragment-html" and "fragment-md" are `-f html --fragment` and `-f md --fragment`:
// closeplan writes plan.fragment.<ext>, the golden is expected/fragment.<ext>.
constexpr std::string_view fragment_prefix = "fragment-";
bool is_fragment(const std::string& format) { return format.rfind(fragment_prefix, 0) == 0; }
std::string writer_format(const std::string& format) {
    return is_fragment(format) ? format.substr(fragment_prefix.size()) : format;
}

// Returns the number of failures for this example and format.
int check_example(const fs::path& example, const std::string& format, const settings& options) {
    const fs::path plan = find_plan(example);
    const std::string stem = plan.stem().string();
    const fs::path expected_path = example / "expected" /
                                   (is_fragment(format) ? "fragment." + writer_format(format)
                                                        : stem + "." + extension_of(format));
    const std::string label = example.filename().string() + "/" + stem + "." + format;
    temp_dir out("closeplan-golden");

    // Run from the example's folder so nothing in the output depends on where the checkout lives.
    run_options run;
    run.cwd = example;
    // A one-page PDF may be condensed (O510, with its reason); any other warning fails an example.
    const bool paged = format == "pdf" || format == "pdf-layout";
    std::vector<std::string> args{options.binary.string(), "render", plan.filename().string(), "-f",
                                  writer_format(format), "-o", out.path().string(), "-q"};
    if (!paged) args.emplace_back("--strict");
    if (is_fragment(format)) args.emplace_back("--fragment");
    const auto result = run_process(args, run);
    std::string unexpected;
    for (const auto& line : split_lines(result.err))
        if (!(paged && (line.find("warning[O510]") != std::string::npos || line.rfind("  hint:", 0) == 0)))
            unexpected += line + "\n";
    if (result.exit_code != 0 || !unexpected.empty()) {
        std::cout << "FAIL " << label << ": closeplan render exited " << result.exit_code
                  << " (an example must render with no warning)\n"
                  << result.err;
        return 1;
    }
    const fs::path produced =
        out.path() / (stem + (is_fragment(format) ? ".fragment." + writer_format(format) : "." + extension_of(format)));
    if (!fs::exists(produced)) {
        std::cout << "FAIL " << label << ": closeplan wrote no " << produced.filename() << "\n";
        return 1;
    }
    const std::string actual = read_file(produced);
    int failures = 0;

    if (format == "pdf") {
        std::string text;
        failures += check_pdf(produced, label, text);
        const auto searchable = without_spaces(text);
        for (const auto& name : names_to_find(plan)) {
            if (searchable.find(without_spaces(name)) == std::string::npos &&
                searchable.find(without_spaces(closeplan::test_support::as_pdftotext_reads(name))) == std::string::npos) {
                std::cout << "FAIL " << label << ": pdftotext does not find \"" << name << "\"\n";
                ++failures;
            }
        }
        if (failures == 0) std::cout << "ok " << label << "\n";
        return failures;
    }

    if (options.update) {
        if (!fs::exists(expected_path) || read_file(expected_path) != actual) {
            write_file(expected_path, actual);
            std::cout << "updated " << expected_path.string() << "\n";
        }
    } else if (!fs::exists(expected_path)) {
        std::cout << "FAIL " << label << ": no golden " << expected_path.string()
                  << " (run the golden runner with --update)\n";
        ++failures;
    } else if (const std::string expected = read_file(expected_path); expected != actual) {
        std::cout << "FAIL " << label << ": output differs from " << expected_path.string() << "\n"
                  << unified_diff(expected, actual, expected_path.string(), "rendered");
        ++failures;
    }

    const std::string searchable = writer_format(format) == "html" ? plain_html(actual)
                                   : writer_format(format) == "md"  ? plain_markdown(actual)
                                                                    : actual;
    // The layout dump holds wrapped lines; the "pdf" check looks for names in the real file.
    for (const auto& name : format == "pdf-layout" ? std::vector<std::string>{} : names_to_find(plan)) {
        if (searchable.find(name) == std::string::npos) {
            std::cout << "FAIL " << label << ": does not contain \"" << name << "\"\n";
            ++failures;
        }
    }
    if (failures == 0) std::cout << "ok " << label << "\n";
    return failures;
}

int usage() {
    std::cerr << "usage: golden_runner --closeplan BINARY [--format FMT]... [--update] EXAMPLE_DIR...\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    settings options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--update") options.update = true;
        else if (arg == "--closeplan" && i + 1 < argc) options.binary = fs::absolute(argv[++i]);
        else if (arg == "--format" && i + 1 < argc) options.formats.emplace_back(argv[++i]);
        else if (arg.substr(0, 2) == "--") return usage();
        else {
            // "examples/pilot/" from shell globs: drop the trailing slash so the folder has a name.
            fs::path dir = fs::absolute(arg);
            if (!dir.has_filename()) dir = dir.parent_path();
            options.examples.push_back(dir);
        }
    }
    if (options.binary.empty() || options.examples.empty()) return usage();
    if (options.formats.empty()) options.formats = {"html", "md", "pdf", "pdf-layout", "fragment-html", "fragment-md"};

    int checks = 0, failed = 0;
    try {
        for (const auto& example : options.examples) {
            // examples/*/ also matches folders that are not example plans (examples/embed, a
            // program): no plan and no expected/ folder. A folder with goldens but no plan still fails.
            if (!fs::exists(example / "expected") && !fs::exists(example / "plan.yaml") &&
                !fs::exists(example / "plan.yml") && !fs::exists(example / "plan.json")) {
                std::cout << "skip " << example.filename().string() << ": not an example plan\n";
                continue;
            }
            for (const auto& format : options.formats) {
                ++checks;
                if (check_example(example, format, options) > 0) ++failed;
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "golden_runner: " << e.what() << "\n";
        return 2;
    }
    std::cout << (checks - failed) << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
