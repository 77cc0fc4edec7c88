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
#include <memory>
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

/// A separate contacts export, indexed by deal id: where each contact's row
/// lies in the export (16 bytes a contact: 300,000 contacts cost some 5 MB),
/// its rows read again and parsed when their deal is rendered. A file is read
/// again with pread, so worker threads never share a read position.
class contacts_index {
public:
    /// Reads the export from a file: its header resolved with `mapping`'s
    /// contact columns (a deal id column and a name are needed: B734). Rows
    /// with broken quoting or no deal id are warnings (B735, the first 20,
    /// then a count). `fd` must be a seekable file (the batch copies a pipe to
    /// one first); the index owns it from here on and closes it.
    static std::optional<contacts_index> read_file(int fd, const std::string& file_name, const column_mapping& mapping,
                                                   diagnostic_sink& diags);
    /// The same from a stream that is read once (a string, in the tests and
    /// the fuzz target): its bytes are kept in memory to be read again.
    static std::optional<contacts_index> read(std::istream& in, const std::string& file_name,
                                              const column_mapping& mapping, diagnostic_sink& diags);

    /// The contacts of a deal id, in file order; nullopt when their rows no
    /// longer read back as they did (the file changed during the run).
    [[nodiscard]] std::optional<std::vector<crm_contact>> for_deal(std::string_view deal_id) const;
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

    /// The bytes the rows are read again from: a file, or a copy in memory.
    class row_bytes;

private:
    static std::optional<contacts_index> index(std::shared_ptr<const row_bytes> bytes, std::size_t lines,
                                               const std::string& file_name, const column_mapping& mapping,
                                               diagnostic_sink& diags);

    struct entry {
        std::uint64_t key;       ///< hash of the deal id
        std::uint64_t place;     ///< offset << 24 | length of its row in the export
    };
    static constexpr unsigned length_bits = 24;  ///< a row holds at most max_record_bytes (8 MB) < 16 MB

    std::shared_ptr<const row_bytes> bytes_;
    resolved_columns columns_;  ///< the export's contact columns
    char separator_ = ',';
    std::vector<entry> entries_;  ///< sorted by key, then file order
};

}  // namespace closeplan::batch
