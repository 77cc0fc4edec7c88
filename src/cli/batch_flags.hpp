// SPDX-License-Identifier: MIT
// The command line of `closeplan batch`, as parsed (cmd_batch.cpp) and read
// by the output folder (batch_folder.hpp).
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"

namespace closeplan::cli {

struct batch_flags {
    std::string export_path;
    std::string playbook;
    std::vector<std::string> holidays;
    std::string preset;
    std::string mapping;
    std::string group_by;
    std::string sheet;
    std::string value_map;
    std::string contacts;          ///< --contacts FILE: a contacts export joined on the deal id
    std::string contacts_mapping;  ///< --contacts-mapping FILE: its columns (default: the export's mapping or preset)
    std::vector<std::string> where;      ///< --where FIELD=V1|V2, FIELD!=V, close<DATE, close>DATE
    bool include_closed = false;         ///< --include-closed
    std::string overlays;       ///< --overlays DIR: <deal id>.yaml plan fields merged over each deal
    std::string output = ".";
    /// -f, --sections, --locale, --template, --template-dir, --style, --paper and
    /// --pdf-standard, bound straight into the request every deal is rendered with.
    pipeline::render_request request;
    int jobs = 0;
    std::string as_of;
    std::string date_format;
    std::string decimal;
    std::string currency;
    std::string seller;
    std::string shard;
    std::string report;
    bool resume = false;
    bool prune = false;         ///< remove files of deals no longer in the export (as the manifest records them)
    bool quiet = false;
    bool check = false;         ///< each deal's plan health in the index and report
    std::string health_config;  ///< --health-config: the rules' settings (as `check --config`)
};

}  // namespace closeplan::cli
