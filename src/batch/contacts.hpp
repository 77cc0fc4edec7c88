// SPDX-License-Identifier: MIT
// Stakeholders from CRM contacts: the contact columns of a row (one row per
// contact role, grouped by the deal id; or an opportunity report's contact
// column), or a separate contacts export joined on the deal id
// (`batch --contacts FILE`). CRM roles become plan roles through one table
// (contact_role_table), which a mapping's `roles:` extends or overrides; the
// primary contact becomes the buyer's signer when none is given.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "batch/deal_builder.hpp"
#include "batch/mapping.hpp"
#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"

namespace closeplan::batch {

/// One contact as the CRM gives it (cleaned text).
struct crm_contact {
    std::string name;
    std::string title;
    std::string role;   ///< the CRM's words ("Economic Buyer", "DECISION_MAKER")
    std::string email;
    bool primary = false;
};

/// One row of the role table: a CRM role, normalised, and the plan role it becomes.
struct contact_role {
    std::string_view crm;
    model::role role;
};

/// The built-in table (docs/cli.md lists it): Salesforce's contact roles and
/// HubSpot's buying roles, labels and internal names.
std::span<const contact_role> contact_role_table();

/// "Economic Buyer", "ECONOMIC_BUYER", "economic-buyer" -> "economic buyer".
std::string normalise_role(std::string_view crm_role);
/// The plan role of a CRM role: the mapping's `roles:` first, then the table;
/// several roles (`Champion;Influencer`) give the first one known; `other` when none is.
model::role plan_role_for(std::string_view crm_role, const column_mapping& mapping);
/// A plan role by its plan-file name ("economic_buyer"), for `roles:` values.
std::optional<model::role> plan_role_named(std::string_view name);
/// "economic_buyer, champion, ..." for hints.
std::string plan_role_names();

/// The contact in a row's contact columns; nullopt when it names nobody.
std::optional<crm_contact> contact_in_row(const export_row& row, const resolved_columns& columns);

/// Adds `contacts` to `plan` as buyer stakeholders (ids from their names,
/// unique in the plan; the same person twice is kept once), and makes the
/// first primary contact the buyer's signer when the plan has none.
void add_contacts(model::plan& plan, std::vector<crm_contact> contacts, const column_mapping& mapping);

/// A separate contacts export, held by deal id in one block of text (about
/// 80 bytes a contact), so 300,000 contacts cost some 25 MB.
class contacts_index {
public:
    /// Reads the export: its header resolved with `mapping`'s contact
    /// columns (a deal id column and a name are needed: B734). Rows with
    /// broken quoting or no deal id are warnings (B735, the first 20, then a count).
    static std::optional<contacts_index> read(std::istream& in, const std::string& file_name,
                                              const column_mapping& mapping, diagnostic_sink& diags);

    /// The contacts of a deal id, in file order.
    [[nodiscard]] std::vector<crm_contact> for_deal(std::string_view deal_id) const;
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    struct entry {
        std::uint64_t key;  ///< hash of the deal id
        std::uint32_t offset, length;
    };
    std::string text_;  ///< records "deal id \x1f name \x1f title \x1f role \x1f email \x1f primary"
    std::vector<entry> entries_;  ///< sorted by key, then file order
};

}  // namespace closeplan::batch
