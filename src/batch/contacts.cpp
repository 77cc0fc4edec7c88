// SPDX-License-Identifier: MIT
// Stakeholders from CRM contacts (contacts.hpp).
#include "batch/contacts.hpp"

#include <algorithm>
#include <array>

#include "batch/content_hash.hpp"
#include "batch/export_rows.hpp"
#include "batch/header.hpp"

namespace closeplan::batch {

namespace {

using model::role;

// The one table of CRM contact roles. Salesforce's Contact Role picklist
// (Business User, Decision Maker, Economic Buyer, Economic Decision Maker,
// Evaluator, Executive Sponsor, Influencer, Technical Buyer, Other) and
// HubSpot's buying roles (labels and internal names), plus common custom ones.
constexpr std::array<contact_role, 27> table{{
    {"economic buyer", role::economic_buyer},
    {"economic decision maker", role::economic_buyer},
    {"budget holder", role::economic_buyer},
    {"budget owner", role::economic_buyer},
    {"technical buyer", role::technical_evaluator},
    {"technical evaluator", role::technical_evaluator},
    {"evaluator", role::technical_evaluator},
    {"champion", role::champion},
    {"coach", role::champion},
    {"decision maker", role::decision_maker},
    {"influencer", role::other},
    {"blocker", role::other},
    {"other", role::other},
    {"executive sponsor", role::executive_sponsor},
    {"sponsor", role::executive_sponsor},
    {"business user", role::end_user},
    {"end user", role::end_user},
    {"user", role::end_user},
    {"legal", role::legal},
    {"legal and compliance", role::legal},
    {"legal compliance", role::legal},
    {"procurement", role::procurement},
    {"purchasing", role::procurement},
    {"security", role::security},
    {"it security", role::security},
    {"information security", role::security},
    {"security reviewer", role::security},
}};

constexpr std::array<role, 14> all_roles{role::economic_buyer,    role::champion,           role::decision_maker,
                                         role::technical_evaluator, role::security,         role::legal,
                                         role::procurement,       role::executive_sponsor,  role::end_user,
                                         role::account_executive, role::solutions_engineer, role::customer_success,
                                         role::sales_leader,      role::other};

std::optional<role> known_role(const std::string& normalised, const column_mapping& mapping) {
    for (const auto& [crm, plan_role] : mapping.roles)
        if (crm == normalised) return plan_role;
    for (const auto& row : table)
        if (row.crm == normalised) return row.role;
    return std::nullopt;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string value(const export_row& row, std::optional<std::size_t> column) {
    if (!column || *column >= row.values.size()) return {};
    return clean_text(trim_blanks(row.values[*column]));
}

bool is_yes(std::string_view text) {
    const auto n = normalise_role(text);
    return n == "1" || n == "true" || n == "yes" || n == "y" || n == "x" || n == "primary" || n == "checked";
}

/// A plain address or nothing: an e-mail reaches a mailto: link, so no spaces, quotes, angle brackets or colons.
std::string plain_email(const std::string& text) {
    const auto at = text.find('@');
    if (at == 0 || at == std::string::npos || at + 1 >= text.size() || text.find('@', at + 1) != std::string::npos)
        return {};
    for (unsigned char c : text)
        if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ':' || c == '/' || c == '\\' ||
            c == ',' || c == ';' || c == '(' || c == ')' || c == 0x7F)
            return {};
    return text;
}

/// "Dana Ruiz" -> "dana-ruiz"; non-ASCII letters drop out, so "contact" when nothing is left.
std::string id_from_name(std::string_view name) {
    std::string id;
    bool dash = false;
    for (unsigned char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
            if (dash && !id.empty()) id.push_back('-');
            dash = false;
            id.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else {
            dash = true;
        }
        if (id.size() >= 40) break;
    }
    return id.empty() ? std::string("contact") : id;
}

std::optional<model::level> influence_of(role r) {
    switch (r) {
        case role::economic_buyer:
        case role::decision_maker:
        case role::executive_sponsor: return model::level::high;
        case role::champion:
        case role::technical_evaluator: return model::level::medium;
        default: return std::nullopt;
    }
}

constexpr char unit = '\x1f';

}  // namespace

std::span<const contact_role> contact_role_table() { return table; }

std::string normalise_role(std::string_view crm_role) {
    std::string out;
    bool space = false;
    for (unsigned char c : crm_role) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else if (c == '&') {
            if (!out.empty()) out += " and";
            space = true;
        } else {
            space = true;
        }
    }
    return out;
}

model::role plan_role_for(std::string_view crm_role, const column_mapping& mapping) {
    // HubSpot and multi-select picklists join several roles with `;`.
    std::size_t start = 0;
    while (start <= crm_role.size()) {
        auto end = crm_role.find(';', start);
        if (end == std::string_view::npos) end = crm_role.size();
        if (auto r = known_role(normalise_role(crm_role.substr(start, end - start)), mapping)) return *r;
        start = end + 1;
    }
    return role::other;
}

std::optional<model::role> plan_role_named(std::string_view name) {
    for (auto r : all_roles)
        if (model::to_string(r) == name) return r;
    return std::nullopt;
}

std::string plan_role_names() {
    std::string out;
    for (auto r : all_roles) out += (out.empty() ? "" : ", ") + std::string(model::to_string(r));
    return out;
}

std::optional<crm_contact> contact_in_row(const export_row& row, const resolved_columns& columns) {
    crm_contact c;
    c.name = value(row, columns.at(contact_field::name));
    if (c.name.empty()) {
        const auto first = value(row, columns.at(contact_field::first_name));
        const auto last = value(row, columns.at(contact_field::last_name));
        c.name = first.empty() ? last : last.empty() ? first : first + " " + last;
    }
    if (c.name.empty()) return std::nullopt;
    c.title = value(row, columns.at(contact_field::title));
    c.role = value(row, columns.at(contact_field::role));
    c.email = plain_email(value(row, columns.at(contact_field::email)));
    c.primary = is_yes(value(row, columns.at(contact_field::primary)));
    return c;
}

void add_contacts(model::plan& plan, std::vector<crm_contact> contacts, const column_mapping& mapping) {
    std::optional<std::size_t> signer;  // an index: the list grows
    std::size_t first_new = plan.stakeholders.size();
    for (auto& c : contacts) {
        // The same person under two roles (one row per role) is one stakeholder, with the first role.
        auto same = std::find_if(plan.stakeholders.begin() + static_cast<std::ptrdiff_t>(first_new),
                                 plan.stakeholders.end(), [&](const model::stakeholder& s) {
                                     return s.name == c.name && (c.email.empty() || s.email.empty() || s.email == c.email);
                                 });
        if (same == plan.stakeholders.end()) {
            // The contact's strings are moved, not copied: a batch adds a few a deal.
            model::stakeholder s;
            s.id = id_from_name(c.name);
            if (plan.find_stakeholder(s.id) || plan.find_milestone(s.id)) {
                const auto base = s.id;
                for (int n = 2; plan.find_stakeholder(s.id) || plan.find_milestone(s.id); ++n)
                    s.id = base + "-" + std::to_string(n);
            }
            s.name = std::move(c.name);
            s.title = std::move(c.title);
            s.party_side = model::side::buyer;
            s.role_kind = plan_role_for(c.role, mapping);
            s.influence = influence_of(*s.role_kind);
            s.email = std::move(c.email);
            plan.stakeholders.push_back(std::move(s));
            same = plan.stakeholders.end() - 1;
        }
        if (c.primary && !signer) signer = static_cast<std::size_t>(same - plan.stakeholders.begin());
    }
    if (signer && !plan.signatures.buyer) {
        const auto& person = plan.stakeholders[*signer];
        model::signatory sign;
        sign.stakeholder_id = person.id;
        sign.name = person.name;
        sign.title = person.title;
        plan.signatures.buyer = std::move(sign);
    }
}

std::optional<contacts_index> contacts_index::read(std::istream& in, const std::string& file_name,
                                                   const column_mapping& mapping, diagnostic_sink& diags) {
    // Sized before it is read, when it can be read twice: the text and the
    // entries are then allocated once. Growing them by doubling (and
    // shrinking them after) would hold two copies at once for a moment,
    // 2 to 3 times the contacts' size at the peak (issue 14: under 64 MB).
    std::size_t bytes = 0, lines = 0;
    if (const auto start = in.tellg(); start != std::streampos(-1)) {
        char chunk[64 * 1024];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            const auto n = static_cast<std::size_t>(in.gcount());
            bytes += n;
            lines += static_cast<std::size_t>(std::count(chunk, chunk + n, '\n'));
        }
        in.clear();
        in.seekg(start);
    }
    csv_reader csv(in);
    csv_record header_record;
    const source_location top{file_name, 1, 1, {}};
    if (!csv.next(header_record) || !header_record.problem.empty()) {
        diags.error("B734", "the contacts export has no readable header row", top,
                    {"export the contacts again with their header row"});
        return std::nullopt;
    }
    const header_row header(header_record.fields);
    const auto columns = resolve_columns(mapping, header);
    if (!columns.at(contact_field::deal_id) || !columns.has_contact_name()) {
        diags.error("B734",
                    std::string("the contacts export has no ") +
                        (columns.at(contact_field::deal_id) ? "contact name" : "deal id") + " column (" + mapping.name +
                        " looks for " + [&] {
                            const auto f = columns.at(contact_field::deal_id) ? contact_field::name : contact_field::deal_id;
                            std::string names;
                            for (const auto& n : mapping.contact[static_cast<std::size_t>(f)])
                                names += (names.empty() ? "`" : ", `") + n + "`";
                            return names.empty() ? std::string("nothing") : names;
                        }() + ")",
                    top, {"name the columns under `contact:` in a mapping file (--contacts-mapping)"});
        return std::nullopt;
    }
    contacts_index out;
    // Large blocks are mapped by the system: what is reserved and never written costs no memory.
    out.text_.reserve(std::min<std::size_t>(bytes, 0xF0000000u));
    out.entries_.reserve(lines + 1);
    std::size_t skipped = 0;
    auto skip = [&](int line, const std::string& why) {
        if (++skipped <= 20) diags.warning("B735", "contact left out: " + why, {file_name, line, 1, {}});
    };
    export_rows rows(csv, header.size());
    csv_record record;
    while (rows.next(record)) {
        if (!record.problem.empty()) {
            skip(record.line, record.problem);
            continue;
        }
        export_row row{record.line, std::move(record.fields)};
        const auto ids = value(row, columns.at(contact_field::deal_id));
        auto contact = contact_in_row(row, columns);
        if (ids.empty() || !contact) {
            skip(row.line, ids.empty() ? "no deal id" : "no name");
            continue;
        }
        // HubSpot lists every associated deal in one cell, split by `;`.
        std::size_t start = 0;
        while (start <= ids.size()) {
            auto end = ids.find(';', start);
            if (end == std::string::npos) end = ids.size();
            const auto id = trimmed(std::string_view(ids).substr(start, end - start));
            start = end + 1;
            if (id.empty()) continue;
            const auto offset = out.text_.size();
            out.text_ += id;
            for (const auto* part : {&contact->name, &contact->title, &contact->role, &contact->email}) {
                out.text_ += unit;
                out.text_ += *part;
            }
            out.text_ += unit;
            out.text_ += contact->primary ? '1' : '0';
            out.entries_.push_back({hash_text(id), static_cast<std::uint32_t>(offset),
                                    static_cast<std::uint32_t>(out.text_.size() - offset)});
            if (out.text_.size() > 0xF0000000u) {
                diags.error("B734", "the contacts export is over 3.7 GB of contacts", top,
                            {"export only the contacts of open deals"});
                return std::nullopt;
            }
        }
    }
    if (skipped > 20)
        diags.warning("B735", "and " + std::to_string(skipped - 20) + " more contacts left out", top);
    // By key, then file order (offsets grow with it): the order stable_sort
    // gave, without its buffer of a copy of the entries.
    std::sort(out.entries_.begin(), out.entries_.end(), [](const entry& a, const entry& b) {
        return a.key != b.key ? a.key < b.key : a.offset < b.offset;
    });
    return out;
}

std::vector<crm_contact> contacts_index::for_deal(std::string_view deal_id) const {
    std::vector<crm_contact> out;
    if (deal_id.empty()) return out;
    const auto key = hash_text(deal_id);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const entry& e, std::uint64_t k) { return e.key < k; });
    for (; it != entries_.end() && it->key == key; ++it) {
        std::string_view record(text_.data() + it->offset, it->length);
        std::array<std::string_view, 6> parts;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto end = i + 1 < parts.size() ? record.find(unit) : record.size();
            parts[i] = record.substr(0, end);
            record.remove_prefix(std::min(record.size(), end + 1));
        }
        if (parts[0] != deal_id) continue;  // another id with the same hash
        out.push_back({std::string(parts[1]), std::string(parts[2]), std::string(parts[3]), std::string(parts[4]),
                       parts[5] == "1"});
    }
    return out;
}

}  // namespace closeplan::batch
