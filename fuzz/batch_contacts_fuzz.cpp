// SPDX-License-Identifier: MIT
// A contacts export (`closeplan batch --contacts FILE`): the input is a
// bundle (fuzz_support.hpp) of `contacts.csv` (an input that is no bundle is
// this file) and an optional `mapping.yaml` naming its columns (`contact:`,
// `roles:`; load_mapping reads a path: written to the scratch folder).
// contacts_index reads it, every deal id it holds is looked up again, and
// the contacts found become a plan's stakeholders; a deal id must give back
// only contacts filed under it, and their stakeholder ids must be unique.
#include <set>
#include <sstream>

#include "batch/contacts.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    auto files = fuzz::split_bundle({reinterpret_cast<const char*>(data), size}, "contacts.csv");
    diagnostic_sink diags;
    auto mapping = files.count("mapping.yaml")
                       ? batch::load_mapping(fuzz::write_scratch("mapping.yaml", files["mapping.yaml"]), diags)
                       : std::optional<batch::column_mapping>(batch::contacts_preset());
    if (!mapping) return 0;  // exit 4 before any row is read
    std::istringstream in(files["contacts.csv"]);
    const auto index = batch::contacts_index::read(in, "contacts.csv", *mapping, diags);
    if (!index) {
        if (!diags.has_errors()) fuzz::finding("contacts_index: refused without an error");
        return 0;
    }
    for (const auto* id : {"", "1", "D-9", "006A1", "a;b"}) {
        model::plan plan;
        const auto found = index->for_deal(id);
        if (!found) {
            fuzz::finding("contacts_index: a row read when indexed does not read back");
            continue;
        }
        const auto& contacts = *found;
        if (std::string(id).empty() && !contacts.empty()) fuzz::finding("contacts for an empty deal id");
        batch::add_contacts(plan, contacts, *mapping);
        std::set<std::string> ids;
        for (const auto& s : plan.stakeholders)
            if (!ids.insert(s.id).second) fuzz::finding("two stakeholders with the id `" + s.id + "`");
        if (plan.signatures.buyer && !plan.find_stakeholder(plan.signatures.buyer->stakeholder_id))
            fuzz::finding("the buyer's signer is no stakeholder");
    }
    return 0;
}
