// SPDX-License-Identifier: MIT
#include "cli/sheet_support.hpp"

#include "cli/commands.hpp"

namespace closeplan::cli {

CLI::App* add_sheet_command(CLI::App& app, const std::string& name, const std::string& description,
                            sheet_plan_flags& flags, const std::string& plan_help) {
    auto* command = app.add_subcommand(name, description);
    command->add_option("plan", flags.request.plan.path, plan_help)->required();
    return command;
}

void add_assets_and_quiet(CLI::App& command, sheet_plan_flags& flags, const std::string& quiet_help) {
    command.add_option("--assets", flags.request.asset_dirs,
                       "Folder local files (logos, resources) may also come from; repeatable");
    command.add_flag("-q,--quiet", flags.quiet, quiet_help);
}

pipeline::render_request sheet_request(const sheet_plan_flags& flags, std::optional<std::string> text) {
    auto request = flags.request;
    request.plan.text = std::move(text);
    request.today = today_from_environment();
    return request;
}

}  // namespace closeplan::cli
