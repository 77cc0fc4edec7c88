// SPDX-License-Identifier: MIT
// The plan format's field table (docs/plan-format.md in table form). Add a
// field here and the readers accept its key, the schema describes it and
// `closeplan init` can write it; reading its value stays the reader's job.
#include "validate/plan_fields.hpp"

#include <algorithm>

#include "validate/choices.hpp"

namespace closeplan::validate::detail {

namespace {

using fk = field_kind;
using ps = presence;

object_spec make(std::string_view name, std::string_view description, std::vector<field_spec> fields,
                 std::vector<std::string_view> needs_one_of = {}) {
    object_spec spec{name, description, std::move(fields), {}, std::move(needs_one_of)};
    for (const auto& f : spec.fields) spec.keys.push_back(f.key);
    return spec;
}

}  // namespace

const object_spec& plan_fields() {
    static const object_spec spec = make(
        "plan", "A mutual action plan: one deal, its people, its steps to signature (docs/plan-format.md).",
        {
            {"closeplan", fk::version, ps::required, "Format version of the plan file: 1."},
            {"deal", fk::object, ps::required, "The deal: its name, the two companies, amount and stage.", nullptr,
             deal_fields},
            {"as_of", fk::date, ps::optional, "\"Today\" for status math (overdue, at risk); default: the real date."},
            {"target_close", fk::date, ps::required,
             "The signature date every milestone works back from."},
            {"target_close_baseline", fk::date, ps::optional,
             "Extension: the close date first agreed, kept when target_close moves."},
            {"go_live", fk::date, ps::optional, "When the buyer starts using what they bought."},
            {"outcome", fk::markdown, ps::optional, "Markdown: the business outcome in the buyer's words."},
            {"success_criteria", fk::markdown_list, ps::optional, "Markdown items: how the buyer will measure success."},
            {"decision_criteria", fk::markdown_list, ps::optional, "Markdown items: what must be true for approval."},
            {"stakeholders", fk::object_list, ps::optional, "The people on both sides.", nullptr, stakeholder_fields},
            {"milestones", fk::object_list, ps::optional, "The steps to signature, in order; 6 to 20 work best.",
             nullptr, milestone_fields},
            {"resources", fk::object_list, ps::optional, "Documents and links the plan points to.", nullptr,
             resource_fields},
            {"risks", fk::object_list, ps::optional, "What could stop or delay the deal, and what is done about it.",
             nullptr, risk_fields},
            {"notes", fk::markdown, ps::optional, "Markdown: open items."},
            {"sign_off", fk::object, ps::optional, "Who signs the plan off on each side.", nullptr, sign_off_fields},
            {"value_map", fk::path_or_list, ps::optional,
             "A value map file (relative to the plan) or an inline list of entries.", nullptr, value_entry_fields},
            {"locale", fk::language_tag, ps::optional,
             "Labels, date style and PDF paper of the output: en-US (default), en-GB, de, fr, es, pt-BR..."},
            {"commitments", fk::object_list, ps::optional, "For the handoff: what the seller promised during the sale.",
             nullptr, commitment_fields},
            {"scope", fk::object, ps::optional, "For the handoff: what is in and out of scope.", nullptr, scope_fields},
            {"implementation", fk::object, ps::optional, "For the handoff: kickoff date and Customer Success owner.",
             nullptr, implementation_fields},
            {"contract", fk::object, ps::optional,
             "For the handoff: the contract's key dates (start, term, renewal, notice) and billing.", nullptr,
             contract_fields},
            {"purchased", fk::object_list, ps::optional, "For the handoff: what was bought, with quantities.", nullptr,
             purchase_fields},
            {"environment", fk::object, ps::optional, "For the handoff: the buyer's systems and integrations.",
             nullptr, environment_fields},
            {"competition", fk::object_list, ps::optional, "For the handoff: who else was in the deal and why we won.",
             nullptr, competitor_fields},
            {"red_flags", fk::text_list, ps::optional, "For the handoff: warnings for Customer Success, apart from risks."},
        });
    return spec;
}

const object_spec& deal_fields() {
    static const object_spec spec = make(
        "deal", "The deal the plan is for.",
        {
            {"id", fk::text, ps::optional, "CRM id; names output files in batch."},
            {"name", fk::text, ps::required, "The deal's name, as both sides know it."},
            {"buyer", fk::text_or_object, ps::optional, "The buying company: a name, or { name, logo }.", nullptr,
             party_fields},
            {"seller", fk::text_or_object, ps::optional, "The selling company: a name, or { name, logo }.", nullptr,
             party_fields},
            {"amount", fk::decimal, ps::optional, "Deal value as a plain number (240000 or 240000.50)."},
            {"currency", fk::currency, ps::optional, "Three-letter ISO 4217 code of the amount: USD, EUR, GBP."},
            {"stage", fk::text, ps::optional, "Sales stage, free text."},
        });
    return spec;
}

const object_spec& party_fields() {
    static const object_spec spec =
        make("party", "A company with its logo.",
             {
                 {"name", fk::text, ps::required, "The company's name."},
                 {"logo", fk::path, ps::optional, "Logo image (PNG or JPEG), relative to the plan file."},
             });
    return spec;
}

const object_spec& stakeholder_fields() {
    static const object_spec spec = make(
        "stakeholder", "A person on the buyer's or the seller's side.",
        {
            {"id", fk::text, ps::required, "Short id milestones, risks and sign-off refer to."},
            {"name", fk::text, ps::required, "Full name."},
            {"title", fk::text, ps::optional, "Job title."},
            {"side", fk::choice, ps::required, "The company the person works for.", stakeholder_side_choices},
            {"role", fk::choice, ps::optional, "The person's part in the decision.", role_choices},
            {"influence", fk::choice, ps::optional, "How much the person sways the decision.", influence_choices},
            {"email", fk::email, ps::optional, "Work email address."},
            {"cares_about", fk::text_list, ps::optional, "What the person is buying; merged with the value map."},
        });
    return spec;
}

const object_spec& milestone_fields() {
    static const object_spec spec = make(
        "milestone", "One step to signature, owned by a side.",
        {
            {"id", fk::text, ps::required, "Short id other steps and risks refer to."},
            {"title", fk::text, ps::required, "What happens, in a few words."},
            {"owner", fk::choice, ps::required, "The side that does the step.", owner_choices},
            {"assignee", fk::text, ps::optional, "Stakeholder id of the person who does it."},
            {"workstream", fk::text, ps::optional,
             "discovery, business_case, technical, security, legal, procurement, executive, signature, kickoff, or "
             "free text."},
            {"due", fk::date, ps::required_unless_done, "Target date; required unless status is done."},
            {"baseline", fk::date, ps::optional, "The first agreed date; due later than baseline is a slip."},
            {"status", fk::choice, ps::optional, "Where the step stands (default not_started).", status_choices},
            {"completed", fk::date, ps::optional, "When it was done (status done)."},
            {"depends_on", fk::text_list, ps::optional, "Ids of the steps this one waits for."},
            {"gate", fk::text, ps::optional, "The named decision meeting, if any."},
            {"notes", fk::markdown, ps::optional, "Markdown notes."},
            {"history", fk::date_list, ps::optional,
             "Extension: earlier due dates between baseline and due, oldest first."},
        });
    return spec;
}

const object_spec& resource_fields() {
    static const object_spec spec = make(
        "resource", "A document or link: a url or a local path.",
        {
            {"id", fk::text, ps::optional, "Short id the value map can name as proof."},
            {"title", fk::text, ps::required, "What it is."},
            {"kind", fk::choice, ps::optional, "What sort of document it is.", resource_kind_choices},
            {"url", fk::link, ps::optional, "An https://, http:// or mailto: address."},
            {"path", fk::path, ps::optional, "A local file, relative to the plan file."},
            {"for", fk::text_list, ps::optional, "Stakeholder ids it is for."},
        },
        {"url", "path"});
    return spec;
}

const object_spec& risk_fields() {
    static const object_spec spec = make(
        "risk", "What could stop or delay the deal.",
        {
            {"title", fk::text, ps::required, "The risk, in a few words."},
            {"severity", fk::choice, ps::optional, "How bad it would be (default medium).", severity_choices},
            {"owner", fk::choice, ps::optional, "The side that deals with it.", owner_choices},
            {"assignee", fk::text, ps::optional, "Stakeholder id of the person who deals with it."},
            {"mitigation", fk::markdown, ps::optional, "Markdown: what is done about it."},
            {"milestone", fk::text, ps::optional, "Id of the step it threatens."},
        });
    return spec;
}

const object_spec& sign_off_fields() {
    static const object_spec spec = make(
        "sign_off", "Who signs the plan off.",
        {
            {"buyer", fk::text_or_object, ps::optional, "A buyer-side stakeholder id, or { name, title, date }.",
             nullptr, signatory_fields},
            {"seller", fk::text_or_object, ps::optional, "A seller-side stakeholder id, or { name, title, date }.",
             nullptr, signatory_fields},
        });
    return spec;
}

const object_spec& signatory_fields() {
    static const object_spec spec = make("signatory", "A signatory written out.",
                                         {
                                             {"id", fk::text, ps::optional,
                                              "A stakeholder id, with the record of the sign-off (date, how)."},
                                             {"name", fk::text, ps::optional, "Full name (when no id is given)."},
                                             {"title", fk::text, ps::optional, "Job title."},
                                             {"date", fk::date, ps::optional, "When they signed."},
                                             {"how", fk::choice, ps::optional, "How the sign-off was given.",
                                              sign_method_choices},
                                         },
                                         {"id", "name"});
    return spec;
}

const object_spec& commitment_fields() {
    static const object_spec spec = make(
        "commitment", "A promise made during the sale, for Customer Success.",
        {
            {"title", fk::text, ps::required, "The promise."},
            {"owner", fk::choice, ps::optional, "The side that keeps it.", owner_choices},
            {"assignee", fk::text, ps::optional, "Stakeholder id of the person who keeps it."},
            {"due", fk::date, ps::optional, "When it is due."},
            {"source", fk::text, ps::optional, "Where the promise was made (proposal, e-mail...)."},
        });
    return spec;
}

const object_spec& scope_fields() {
    static const object_spec spec = make("scope", "What the deal covers.",
                                         {
                                             {"in", fk::text_list, ps::optional, "In scope."},
                                             {"out", fk::text_list, ps::optional, "Out of scope."},
                                         });
    return spec;
}

const object_spec& implementation_fields() {
    static const object_spec spec = make(
        "implementation", "After the signature.",
        {
            {"kickoff", fk::date, ps::optional, "Implementation kickoff date."},
            {"cs_owner", fk::object, ps::optional, "The Customer Success owner.", nullptr, contact_fields},
        });
    return spec;
}

const object_spec& contact_fields() {
    static const object_spec spec = make("contact", "A person outside the stakeholder list.",
                                         {
                                             {"name", fk::text, ps::required, "Full name."},
                                             {"title", fk::text, ps::optional, "Job title."},
                                             {"email", fk::email, ps::optional, "Work email address."},
                                         });
    return spec;
}

const object_spec& value_entry_fields() {
    static const object_spec spec = make(
        "value_entry", "What the stakeholders it matches care about, what proves it, which steps deliver it.",
        {
            {"match", fk::object, ps::required, "Whom the entry is for: role, title words or stakeholder ids.",
             nullptr, value_match_fields},
            {"cares_about", fk::text_list, ps::optional, "What they are buying."},
            {"proof", fk::text_list, ps::optional, "Resource kinds or resource ids that prove it."},
            {"milestones", fk::text_list, ps::optional, "Workstreams or milestone ids that deliver the proof."},
        });
    return spec;
}

const object_spec& value_match_fields() {
    static const object_spec spec = make(
        "value_match", "Whom a value map entry is for; at least one of role, title, id.",
        {
            {"role", fk::choice_or_list, ps::optional, "A role or a list of roles.", role_choices},
            {"title", fk::text_or_list, ps::optional, "Title words, any of which matches (case-insensitive)."},
            {"id", fk::text_or_list, ps::optional, "Stakeholder ids."},
        },
        {"role", "title", "id"});
    return spec;
}

const object_spec& value_map_file_fields() {
    static const object_spec spec = make(
        "value_map_file", "A value map shared across deals (docs/plan-format.md section 2).",
        {
            {"closeplan-value-map", fk::version, ps::required, "Format version of the value map file: 1."},
            {"entries", fk::object_list, ps::required, "The entries.", nullptr, value_entry_fields},
        });
    return spec;
}

const field_spec* find_field(const object_spec& object, std::string_view key) {
    const auto found =
        std::find_if(object.fields.begin(), object.fields.end(), [&](const field_spec& f) { return f.key == key; });
    return found == object.fields.end() ? nullptr : &*found;
}

const object_spec& contract_fields() {
    static const object_spec spec = make(
        "contract", "The contract's key dates and billing, for Customer Success.",
        {
            {"start", fk::date, ps::optional, "When the contract starts."},
            {"term_months", fk::decimal, ps::optional, "Length of the term in whole months (1-1200)."},
            {"renewal", fk::text, ps::optional, "The renewal date (YYYY-MM-DD) or its rule, in words."},
            {"notice_days", fk::decimal, ps::optional, "Days of notice before renewal (0-3650)."},
            {"billing", fk::text, ps::optional, "How and when the buyer is billed."},
            {"notes", fk::text, ps::optional, "Anything else agreed in the contract."},
        });
    return spec;
}

const object_spec& purchase_fields() {
    static const object_spec spec = make("purchase", "One product bought.",
                                         {
                                             {"product", fk::text, ps::required, "The product or service."},
                                             {"quantity", fk::decimal, ps::optional, "How many."},
                                             {"unit", fk::text, ps::optional, "Of what: seats, licences, hours."},
                                             {"note", fk::text, ps::optional, "What Customer Success should know."},
                                         });
    return spec;
}

const object_spec& environment_fields() {
    static const object_spec spec = make("environment", "The buyer's technical environment.",
                                         {
                                             {"systems", fk::text_list, ps::optional, "Systems in use."},
                                             {"integrations", fk::text_list, ps::optional, "Integrations promised or needed."},
                                             {"notes", fk::text, ps::optional, "Anything else about the environment."},
                                         });
    return spec;
}

const object_spec& competitor_fields() {
    static const object_spec spec = make("competitor", "A competitor in the deal.",
                                         {
                                             {"who", fk::text, ps::required, "The competitor."},
                                             {"why_we_won", fk::text, ps::optional, "Why the buyer chose us."},
                                         });
    return spec;
}

}  // namespace closeplan::validate::detail
