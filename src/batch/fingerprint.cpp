// SPDX-License-Identifier: MIT
// The resume fingerprint, from the finished inputs (fingerprint.hpp).
#include "batch/fingerprint.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "batch/content_hash.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {

namespace {

namespace fs = std::filesystem;

void add_file(content_hash& h, const std::string& path) {
    if (path.empty()) {
        h.add("");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    h.add(path).add(bytes);
}

void add_folder(content_hash& h, const std::string& folder) {
    if (folder.empty()) {
        h.add("");
        return;
    }
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ec))
        if (entry.is_regular_file()) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(h, f);
}

void add_list(content_hash& h, const std::vector<std::string>& items) {
    h.add(std::to_string(items.size()));
    for (const auto& item : items) h.add(item);
}

void add_int(content_hash& h, long long n) { h.add(std::to_string(n)); }

void add_request(content_hash& h, const pipeline::render_request& request) {
    const auto& [plan, formats, today, as_of, value_map_path, template_dir, style_path, reference_docx, template_name,
                 paper, fit, asset_dirs, locale, sections, fragment, heading_offset, pdf_standard] = request;
    (void)plan;  // batch builds each plan from its rows, which the deal's hash covers
    add_list(h, formats);
    h.add(model::format_iso_date(as_of ? *as_of : today));  // the date documents are made for
    add_file(h, value_map_path);
    add_folder(h, template_dir);
    add_file(h, style_path);
    add_file(h, reference_docx);
    h.add(template_name).add(paper).add(fit);
    for (const auto& dir : asset_dirs) add_folder(h, dir);
    h.add(locale);
    add_list(h, sections);
    add_int(h, fragment);
    add_int(h, heading_offset);
    h.add(std::string(pdf_standard.ua1 ? "ua-1" : "-") + (pdf_standard.pdfa ? pdf_standard.pdfa : '-'));
}

void add_mapping(content_hash& h, const column_mapping& mapping) {
    const auto& [name, deal, task, contact, roles, dates, decimal, currency, seller, locale, file_name, buyer_fields,
                 stage_names, closed_stages, plan, regions] = mapping;
    (void)name;  // where the columns were named, not what they say
    for (const auto& candidates : deal) add_list(h, candidates);
    for (const auto& candidates : task) add_list(h, candidates);
    for (const auto& candidates : contact) add_list(h, candidates);
    for (const auto& [crm, role] : roles) add_int(h.add(crm), static_cast<int>(role));
    add_int(h, static_cast<int>(dates));
    add_int(h, decimal ? static_cast<int>(*decimal) + 1 : 0);
    h.add(currency).add(seller).add(locale).add(file_name);
    for (auto f : buyer_fields) add_int(h, static_cast<int>(f));
    for (const auto& [crm, words] : stage_names) h.add(crm).add(words);
    add_list(h, closed_stages);
    for (const auto& column : plan) {
        h.add(column.path).add(column.value.value_or("\x1f" "column")).add(column.split);
        add_list(h, column.headers);
    }
    for (const auto& region : regions) {
        h.add(region.name).add(region.locale);
        add_list(h, region.holidays);
        // The holidays' days, not only the files' names: an edited holidays file reschedules its deals.
        if (region.calendar)
            for (int day : region.calendar->holiday_days()) add_int(h, day);
        h.add("\x1eregion");
    }
}

void add_playbook(content_hash& h, const schedule::playbook& book) {
    h.add(book.name);
    for (const auto& step : book.steps) {
        h.add(step.id).add(step.title).add(step.workstream).add(step.gate).add(step.notes);
        add_int(h, static_cast<int>(step.owner));
        add_int(h, step.days);
        add_list(h, step.depends_on);
        add_int(h, static_cast<int>(step.anchor));
    }
    add_int(h, book.max_stretch);
}

void add_value_map(content_hash& h, const std::vector<model::value_entry>& entries) {
    add_int(h, static_cast<long long>(entries.size()));
    for (const auto& e : entries) {
        add_int(h, static_cast<long long>(e.match_roles.size()));
        for (auto role : e.match_roles) add_int(h, static_cast<int>(role));
        add_list(h, e.match_title_words);
        add_list(h, e.match_ids);
        add_list(h, e.cares_about);
        add_list(h, e.proof);
        add_list(h, e.milestones);
    }
}

}  // namespace

std::string input_fingerprint(const batch_inputs& inputs, std::string_view version) {
    content_hash h;
    h.add(version);
    const auto& [file_name, mapping, playbook, calendar, group_by, sheet, dates, decimal, currency, seller, value_map,
                 request, jobs, shard_index, shard_count, resume, fingerprint, max_in_flight, health, overlays, contacts, where,
                 include_closed] = inputs;
    // Not in the documents: the export's name (its rows are hashed per deal),
    // how the work is spread and resumed, and plan health (the index's only).
    (void)file_name, (void)jobs, (void)shard_index, (void)shard_count, (void)resume, (void)fingerprint,
        (void)max_in_flight, (void)health;
    h.add(mapping ? "mapping" : "detected");
    if (mapping) add_mapping(h, *mapping);
    h.add(playbook ? "playbook" : "tasks");
    if (playbook) add_playbook(h, *playbook);
    for (int day : calendar.holiday_days()) add_int(h, day);
    h.add("\x1e");
    h.add(group_by);
    h.add(sheet);
    add_int(h, dates ? static_cast<int>(*dates) + 1 : 0);
    add_int(h, decimal ? static_cast<int>(*decimal) + 1 : 0);
    h.add(currency).add(seller);
    add_value_map(h, value_map);
    add_request(h, request);
    // Each overlay's bytes go into its own deal's hash (batch_run.cpp); its
    // folder is where its resources' paths resolve.
    h.add(overlays ? overlays->folder() : std::string());
    (void)contacts;  // each deal's contacts go into its own hash
    (void)where, (void)include_closed;  // which deals are rendered, not what their files hold
    return h.hex();
}

}  // namespace closeplan::batch
