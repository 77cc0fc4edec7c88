// SPDX-License-Identifier: MIT
// A scheduled plan written as a plan file. yaml-cpp's emitter does the quoting:
// every text value is double-quoted, so a title or a CRM field can never add a
// key, end a mapping or smuggle in an anchor.
#include <yaml-cpp/yaml.h>

#include "model/dates.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::schedule {

namespace {

void text(YAML::Emitter& out, std::string_view key, const std::string& value) {
    if (value.empty()) return;
    out << YAML::Key << std::string(key) << YAML::Value << YAML::DoubleQuoted << value;
}

void date(YAML::Emitter& out, std::string_view key, const std::optional<model::date>& value) {
    if (!value) return;
    out << YAML::Key << std::string(key) << YAML::Value << model::format_iso_date(*value);
}

void write_deal(YAML::Emitter& out, const model::deal_info& deal) {
    out << YAML::Key << "deal" << YAML::Value << YAML::BeginMap;
    text(out, "id", deal.id);
    text(out, "name", deal.name);
    text(out, "buyer", deal.buyer.name);
    text(out, "seller", deal.seller.name);
    text(out, "amount", deal.amount);
    text(out, "currency", deal.currency);
    text(out, "stage", deal.stage);
    out << YAML::EndMap;
}

void write_milestone(YAML::Emitter& out, const model::milestone& m) {
    out << YAML::BeginMap;
    text(out, "id", m.id);
    text(out, "title", m.title);
    out << YAML::Key << "owner" << YAML::Value << std::string(model::to_string(m.owner));
    text(out, "workstream", m.workstream);
    date(out, "due", m.due);
    if (!m.depends_on.empty()) {
        out << YAML::Key << "depends_on" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& id : m.depends_on) out << YAML::DoubleQuoted << id;
        out << YAML::EndSeq;
    }
    text(out, "gate", m.gate);
    text(out, "notes", m.notes);
    out << YAML::EndMap;
}

}  // namespace

std::string to_plan_yaml(const model::plan& plan) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "closeplan" << YAML::Value << 1;
    write_deal(out, plan.deal);
    date(out, "as_of", plan.as_of);
    date(out, "target_close", plan.target_close);
    out << YAML::Key << "milestones" << YAML::Value << YAML::BeginSeq;
    for (const auto& m : plan.milestones) write_milestone(out, m);
    out << YAML::EndSeq;
    out << YAML::EndMap;
    std::string text(out.c_str(), out.size());
    text += '\n';
    return text;
}

}  // namespace closeplan::schedule
