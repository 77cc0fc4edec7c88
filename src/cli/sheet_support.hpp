// SPDX-License-Identifier: MIT
// What `closeplan sheet` and `closeplan apply` share: the command's shape
// (the plan argument first, --assets and -q last) and the request their plan
// is loaded with.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "pipeline/pipeline.hpp"

namespace closeplan::cli {

/// The plan a sheet is written from or applied to.
struct sheet_plan_flags {
    pipeline::render_request request;  ///< plan.path (the plan argument) and asset_dirs (--assets), bound straight in
    bool quiet = false;                ///< -q
};

/// The subcommand `name` with its plan argument (required), bound into `flags`.
CLI::App* add_sheet_command(CLI::App& app, const std::string& name, const std::string& description,
                            sheet_plan_flags& flags, const std::string& plan_help);
/// --assets and -q, the last flags of both commands.
void add_assets_and_quiet(CLI::App& command, sheet_plan_flags& flags, const std::string& quiet_help);
/// The request the plan is loaded with: the flags', today, and the plan's text when already read.
pipeline::render_request sheet_request(const sheet_plan_flags& flags, std::optional<std::string> text = std::nullopt);

}  // namespace closeplan::cli
