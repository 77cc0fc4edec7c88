// SPDX-License-Identifier: MIT
// What every fuzz target shares (docs/fuzzing.md): a per-process scratch
// folder under /dev/shm for the inputs closeplan only reads from a path
// (style files, template folders, logos, mapping files), the "bundle" format
// that carries several files in one fuzz input, and the whole pipeline from a
// plan request to every output a user can ask for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan::fuzz {

/// /dev/shm/closeplan-fuzz-<pid>/ (or $TMPDIR when /dev/shm is missing),
/// created on first use and removed when the process exits. It starts with
/// the files the examples' plans refer to: logos/northwind.png,
/// logos/acme.jpg and value-map.yaml (examples/northwind/).
const std::string& scratch_dir();

/// Writes `bytes` to `scratch_dir()/relative` (folders made as needed) and returns the full path.
std::string write_scratch(const std::string& relative, std::string_view bytes);

/// Removes `scratch_dir()/relative` and everything under it.
void remove_scratch(const std::string& relative);

/// A file of the source tree (examples/, tests/), read once; aborts when missing.
const std::string& source_file(const std::string& relative);

/// Several named files in one input, in the format `head` prints for
/// several files:
///
///     ==> export.csv <==
///     ...
///     ==> mapping.yaml <==
///     ...
///
/// An input that does not start with "==> " is one file named `fallback`.
/// A name seen twice keeps its last content.
std::map<std::string, std::string> split_bundle(std::string_view input, const std::string& fallback);

/// The `key: value` lines of a bundle's `options` file (the first ": " splits a
/// line; a line without one is ignored; a key seen twice keeps its last value).
std::map<std::string, std::string> option_lines(const std::string& text);

/// A plan file's text loaded and validated as the pipeline does (its syntax from
/// `name`: .json or YAML, its folder the scratch folder); nullopt when it does not
/// validate or names a missing file. A run with no plan and no error is a finding.
std::optional<model::plan> load_plan_named(const std::string& name, const std::string& text);

/// The fixed "today" of every target, so runs are reproducible.
model::date fuzz_today();

/// Runs request (its plan already set) through load, validate, analyze, view
/// and every writer of render::output_formats() (HTML, Markdown, PDF with
/// layout and paint, the layout dumps); when the plan validates, also the
/// handoff pack (PDF, HTML, Markdown, calendar, plan.json) and the health
/// review (text and JSON). Aborts when a run ends with neither output nor
/// an error diagnostic, or when anything but closeplan::error (an
/// environment failure: a missing logo) escapes.
void drive_plan(pipeline::render_request request);

/// Aborts with `what` on standard error: libFuzzer records the input.
[[noreturn]] void finding(const std::string& what);

}  // namespace closeplan::fuzz
