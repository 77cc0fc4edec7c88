// SPDX-License-Identifier: MIT
// Stakeholders from CRM contacts (contacts.hpp).
#include "batch/contacts.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <iterator>
#include <streambuf>

#include <unistd.h>

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

namespace {

/// The contact's name: the name column, or first and last name.
std::string contact_name(const export_row& row, const resolved_columns& columns) {
    auto name = value(row, columns.at(contact_field::name));
    if (name.empty()) {
        const auto first = value(row, columns.at(contact_field::first_name));
        const auto last = value(row, columns.at(contact_field::last_name));
        name = first.empty() ? last : last.empty() ? first : first + " " + last;
    }
    return name;
}

}  // namespace

std::optional<crm_contact> contact_in_row(const export_row& row, const resolved_columns& columns) {
    crm_contact c;
    c.name = contact_name(row, columns);
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

namespace {

/// Reads a file from its start with pread, leaving its position alone.
class pread_buffer : public std::streambuf {
public:
    explicit pread_buffer(int fd) : fd_(fd) {}

protected:
    int_type underflow() override {
        ssize_t n;
        do n = ::pread(fd_, chunk_.data(), chunk_.size(), at_);
        while (n < 0 && errno == EINTR);
        if (n <= 0) return traits_type::eof();
        at_ += n;
        setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
        return traits_type::to_int_type(chunk_[0]);
    }

private:
    int fd_;
    off_t at_ = 0;
    std::array<char, 64 * 1024> chunk_{};
};

/// Reads bytes in memory without copying them (std::istringstream would).
class view_buffer : public std::streambuf {
public:
    explicit view_buffer(std::string_view bytes) {
        auto* p = const_cast<char*>(bytes.data());  // only read: streambuf has no const get area
        setg(p, p, p + bytes.size());
    }
};

}  // namespace

/// The export's bytes, read at any offset by any thread: a file through
/// pread (no shared position), or a stream's bytes copied into memory.
class contacts_index::row_bytes {
public:
    explicit row_bytes(int fd) : fd_(fd) {}
    explicit row_bytes(std::string bytes) : memory_(std::move(bytes)) {}
    ~row_bytes() {
        if (fd_ >= 0) ::close(fd_);
    }
    row_bytes(const row_bytes&) = delete;
    row_bytes& operator=(const row_bytes&) = delete;

    /// Appends `length` bytes from `offset` to `out`; false when fewer are there.
    bool append(std::uint64_t offset, std::size_t length, std::string& out) const {
        if (fd_ < 0) {
            if (offset > memory_.size() || length > memory_.size() - offset) return false;
            out.append(memory_, offset, length);
            return true;
        }
        const auto at = out.size();
        out.resize(at + length);
        std::size_t got = 0;
        while (got < length) {
            const auto n = ::pread(fd_, out.data() + at + got, length - got, static_cast<off_t>(offset + got));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            got += static_cast<std::size_t>(n);
        }
        return true;
    }

    /// A stream over the bytes from the start, for the first reading.
    std::unique_ptr<std::streambuf> stream() const {
        if (fd_ < 0) return std::make_unique<view_buffer>(memory_);
        return std::make_unique<pread_buffer>(fd_);
    }

private:
    int fd_ = -1;
    std::string memory_;
};

std::optional<contacts_index> contacts_index::read_file(int fd, const std::string& file_name,
                                                        const column_mapping& mapping, diagnostic_sink& diags) {
    auto bytes = std::make_shared<const row_bytes>(fd);
    // Lines counted first, so the entries are allocated once: growing them by
    // doubling would hold two copies at once for a moment (issue 14: RSS).
    std::size_t lines = 0;
    {
        const auto buffer = bytes->stream();
        std::istream in(buffer.get());
        char chunk[64 * 1024];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
            lines += static_cast<std::size_t>(std::count(chunk, chunk + in.gcount(), '\n'));
    }
    return index(std::move(bytes), lines, file_name, mapping, diags);
}

std::optional<contacts_index> contacts_index::read(std::istream& in, const std::string& file_name,
                                                   const column_mapping& mapping, diagnostic_sink& diags) {
    std::string copy{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto lines = static_cast<std::size_t>(std::count(copy.begin(), copy.end(), '\n'));
    return index(std::make_shared<const row_bytes>(std::move(copy)), lines, file_name, mapping, diags);
}

namespace {

/// The deal ids of a contact's row: HubSpot lists every associated deal in one cell, split by `;`.
template <class Each>
void each_deal_id(const std::string& ids, Each each) {
    std::size_t start = 0;
    while (start <= ids.size()) {
        auto end = ids.find(';', start);
        if (end == std::string::npos) end = ids.size();
        const auto id = trimmed(std::string_view(ids).substr(start, end - start));
        start = end + 1;
        if (!id.empty()) each(id);
    }
}

/// Where the offset of a row ends: 40 bits, a terabyte.
constexpr std::uint64_t max_offset = (std::uint64_t{1} << 40) - 1;

}  // namespace

std::optional<contacts_index> contacts_index::index(std::shared_ptr<const row_bytes> bytes, std::size_t lines,
                                                    const std::string& file_name, const column_mapping& mapping,
                                                    diagnostic_sink& diags) {
    const auto buffer = bytes->stream();
    std::istream in(buffer.get());
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
    out.columns_ = columns;
    out.separator_ = csv.separator();
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
        // Only whether it names someone (contact_in_row's test): the rest is read when its deal is.
        if (ids.empty() || contact_name(row, columns).empty()) {
            skip(row.line, ids.empty() ? "no deal id" : "no name");
            continue;
        }
        if (record.offset > max_offset) {
            diags.error("B734", "the contacts export is over a terabyte", top, {"export only the contacts of open deals"});
            return std::nullopt;
        }
        const auto place = std::uint64_t{record.offset} << length_bits | record.length;
        each_deal_id(ids, [&](const std::string& id) { out.entries_.push_back({hash_text(id), place}); });
    }
    if (skipped > 20)
        diags.warning("B735", "and " + std::to_string(skipped - 20) + " more contacts left out", top);
    // By key, then file order (places grow with it): the order stable_sort
    // gave, without its buffer of a copy of the entries.
    std::sort(out.entries_.begin(), out.entries_.end(),
              [](const entry& a, const entry& b) { return a.key != b.key ? a.key < b.key : a.place < b.place; });
    out.bytes_ = std::move(bytes);
    return out;
}

std::optional<std::vector<crm_contact>> contacts_index::for_deal(std::string_view deal_id) const {
    std::vector<crm_contact> out;
    if (deal_id.empty()) return out;
    const auto key = hash_text(deal_id);
    auto first = std::lower_bound(entries_.begin(), entries_.end(), key,
                                  [](const entry& e, std::uint64_t k) { return e.key < k; });
    auto last = first;
    while (last != entries_.end() && last->key == key) ++last;
    if (first == last) return out;
    const auto offset_of = [](const entry& e) { return e.place >> length_bits; };
    const auto length_of = [](const entry& e) {
        return static_cast<std::size_t>(e.place & ((std::uint64_t{1} << length_bits) - 1));
    };
    // A deal's rows usually lie together (exports come sorted or grouped by
    // deal): when they span at most 64 KB, one read brings them all, instead
    // of one system call a row. Entries are in file order (index() sorts so).
    const std::uint64_t span_from = offset_of(*first);
    const std::uint64_t span_to = offset_of(*(last - 1)) + length_of(*(last - 1));
    std::string span;
    const bool spanned = span_to - span_from <= 64 * 1024 && bytes_->append(span_from, span_to - span_from, span);
    // Each of the deal's rows parsed again alone: its bytes must still be one
    // whole record (no other file took its place).
    std::string text;
    export_row row;
    for (auto it = first; it != last;) {
        // Every entry of this row: one per time the row names an id with this key.
        auto next = it;
        while (next != last && next->place == it->place) ++next;
        std::string_view bytes;
        if (spanned) {
            bytes = std::string_view(span).substr(offset_of(*it) - span_from, length_of(*it));
        } else {
            text.clear();
            if (!bytes_->append(offset_of(*it), length_of(*it), text)) return std::nullopt;
            bytes = text;
        }
        if (!record_values(bytes, separator_, row.values)) return std::nullopt;
        auto contact = contact_in_row(row, columns_);
        if (!contact) return std::nullopt;
        std::size_t times = 0;  // the row may name another id with the same hash
        each_deal_id(value(row, columns_.at(contact_field::deal_id)), [&](const std::string& id) { times += id == deal_id; });
        for (std::size_t n = 1; n < times; ++n) out.push_back(*contact);
        if (times > 0) out.push_back(std::move(*contact));
        it = next;
    }
    return out;
}

}  // namespace closeplan::batch
