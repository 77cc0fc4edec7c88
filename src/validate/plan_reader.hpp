// SPDX-License-Identifier: MIT
// Reads a plan's raw tree into the model, field by field, noting references for the later checks.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "validate/fields.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::validate::detail {

/// A reference to an id, checked once every id of the plan is known.
struct id_ref {
    located_text id;
    std::string_view field;  ///< "assignee", "depends_on", ... for messages
};

struct signer_ref {
    bool buyer_side = true;
    located_text id;
};

/// What the reader saw that can only be judged with the whole plan read.
struct pending_checks {
    std::vector<id_ref> stakeholder_refs;
    std::vector<id_ref> milestone_refs;                 ///< besides depends_on
    std::vector<std::vector<located_text>> depends_on;  ///< parallel to plan.milestones
    std::vector<signer_ref> signers;
    std::vector<located_text> value_map_ids;        ///< inline value map `match: {id}` (warnings only)
    std::optional<source_location> value_map_file;  ///< where a value map file was named
};

/// True for an extension key: `x-` followed by at least one character.
bool is_extension_field(std::string_view key);
/// Every `x-` member under `node`, in file order; an `x-` member's value is kept whole.
void collect_extensions(const raw_node& node, std::vector<model::extension_field>& out);

class plan_reader {
public:
    /// `file_diags` receives what is found inside a value map file named by the plan.
    plan_reader(field_reader& fields, const validate_options& options, diagnostic_sink& file_diags)
        : fields_(fields), options_(options), file_diags_(file_diags) {}

    /// Reads everything it can; false when the tree is not a plan at all
    /// (not a mapping, or a value map or playbook file).
    bool read(const raw_node& root, model::plan& plan);

    [[nodiscard]] pending_checks& pending() { return pending_; }

    /// validate_plan.hpp's read_plan_members.
    void read_members(const raw_node& root, model::plan& plan);

private:
    bool read_version(const raw_node& root);
    void read_target_close(const raw_node& root, model::plan& plan);
    void read_locale(const raw_node& root, model::plan& plan);
    void read_dates_people_and_steps(const raw_node& root, model::plan& plan);
    void read_deal(const raw_node& root, model::plan& plan);
    model::party read_party(const raw_node& node, std::string_view what);
    void read_stakeholders(const raw_node& root, model::plan& plan);
    void read_milestones(const raw_node& root, model::plan& plan);
    void read_resources(const raw_node& root, model::plan& plan);
    void read_risks(const raw_node& root, model::plan& plan);
    void read_sign_off(const raw_node& root, model::plan& plan);
    std::optional<model::signatory> read_signatory(const raw_node& node, bool buyer_side);
    void read_value_map(const raw_node& root, model::plan& plan);
    void read_commitments(const raw_node& root, model::plan& plan);
    void read_scope(const raw_node& root, model::plan& plan);
    void read_implementation(const raw_node& root, model::plan& plan);
    std::optional<model::contact> read_contact(const raw_node& node, std::string_view what);
    // handoff_reader.cpp: what Customer Success runs the account by.
    void read_contract(const raw_node& root, model::plan& plan);
    void read_purchased(const raw_node& root, model::plan& plan);
    void read_environment(const raw_node& root, model::plan& plan);
    void read_competition(const raw_node& root, model::plan& plan);
    void read_red_flags(const raw_node& root, model::plan& plan);
    /// A whole number from low to high (V215 otherwise); nullopt when absent or wrong.
    std::optional<int> whole_number(const raw_node& map, std::string_view key, int low, int high);
    void check_email(const located_text& email);
    void check_dates(const raw_node& root, const model::plan& plan);

    /// Items of a list member that are mappings; others reported (V209).
    std::vector<const raw_node*> mapping_items(const raw_node& root, std::string_view key, std::string_view item);
    /// Reports a second use of an id (V205) in the collection `kind`.
    void note_id(std::map<std::string, int, std::less<>>& seen, const located_text& id, std::string_view kind);
    /// Records an optional stakeholder id member for the reference check.
    std::string stakeholder_ref(const raw_node& map, std::string_view key);

    field_reader& fields_;
    const validate_options& options_;
    diagnostic_sink& file_diags_;
    pending_checks pending_;
    bool has_target_close_ = false;
};

}  // namespace closeplan::validate::detail
