// SPDX-License-Identifier: MIT
// Writes the VCALENDAR: events for dated milestones and commitments, with stable UIDs.
#include "calendar/calendar.hpp"

#include <cstdint>
#include <cstdio>
#include <map>

#include "calendar/ics_text.hpp"
#include "handoff/handoff_document.hpp"
#include "model/dates.hpp"
#include "view/build_parts.hpp"

namespace closeplan::calendar {

namespace {

using view::detail::fill;
using view::detail::label_of;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// FNV-1a: a short, stable fingerprint (not a security measure) that keeps
// arbitrary deal names and titles out of the UID's characters.
std::string fingerprint(std::string_view text) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

// Ids are kept readable in the UID when they are plain; anything else is fingerprinted.
std::string uid_part(std::string_view key) {
    const bool plain = !key.empty() && key.size() <= 40 && key.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == std::string_view::npos;
    return plain ? std::string(key) : fingerprint(key);
}

std::string ics_date(model::date d) {
    std::string iso = model::format_iso_date(d);  // YYYY-MM-DD
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

model::date next_day(model::date d) {
    return model::date{std::chrono::sys_days{d} + std::chrono::days{1}};
}

std::string person_line(const model::plan& p, std::string_view id) {
    const auto* person = p.find_stakeholder(id);
    if (!person) return std::string(id);
    std::string line = person->name.empty() ? person->id : person->name;
    if (!person->title.empty()) line += " (" + person->title + ")";
    if (!person->email.empty()) line += " <" + person->email + ">";
    return line;
}

struct event {
    std::string uid;
    model::date day;
    std::string summary;
    std::vector<std::string> description;
    std::string category;
    /// Times the date moved (RFC 5545 SEQUENCE): a calendar app keeps the
    /// copy with the higher number, so a moved step replaces the old one.
    int sequence = 0;
};

std::string event_text(const event& e, const std::string& stamp) {
    std::string out = "BEGIN:VEVENT\r\n";
    out += fold_line("UID:" + escape_text(e.uid));
    out += "DTSTAMP:" + stamp + "\r\n";
    out += "LAST-MODIFIED:" + stamp + "\r\n";
    out += "SEQUENCE:" + std::to_string(e.sequence) + "\r\n";
    out += "DTSTART;VALUE=DATE:" + ics_date(e.day) + "\r\n";
    out += "DTEND;VALUE=DATE:" + ics_date(next_day(e.day)) + "\r\n";
    out += text_property("SUMMARY", e.summary);
    std::string description;
    for (const auto& line : e.description) description += (description.empty() ? "" : "\n") + line;
    if (!description.empty()) out += text_property("DESCRIPTION", description);
    if (!e.category.empty()) out += text_property("CATEGORIES", e.category);
    out += "TRANSP:TRANSPARENT\r\n";
    out += "END:VEVENT\r\n";
    return out;
}

std::string owner_text(const view::labels& w, std::optional<model::side> owner) {
    return owner ? label_of(w, "side", model::to_string(*owner)) : std::string();
}

std::string workstream_text(const view::labels& w, const std::string& name) {
    const std::string key = "workstream." + name;
    return w.has(key) ? w.get(key) : name;
}

}  // namespace

const model::stakeholder* find_person(const model::plan& input_plan, std::string_view id_or_name) {
    if (const auto* by_id = input_plan.find_stakeholder(id_or_name)) return by_id;
    for (const auto& s : input_plan.stakeholders)
        if (same_ignoring_case(s.name, id_or_name)) return &s;
    return nullptr;
}

std::string event_uid(const model::plan& input_plan, std::string_view kind, std::string_view key) {
    const auto& deal = input_plan.deal.id.empty() ? input_plan.deal.name : input_plan.deal.id;
    return std::string(kind) + "-" + uid_part(key) + "-" + fingerprint(deal) + "@closeplan";
}

std::string write_calendar(const model::plan& p, const analyze::analysis& facts, const view::labels& w,
                           const calendar_options& options) {
    const std::string stamp = ics_date(facts.as_of) + "T000000Z";
    const std::string deal_line = fill(w.get("ics.deal"), {{"deal", p.deal.name}});
    std::vector<event> events;

    for (const auto& m : p.milestones) {
        const auto day = m.due ? m.due : m.completed;
        if (!day) continue;
        if (!options.for_stakeholder.empty() && m.assignee != options.for_stakeholder) continue;
        event e{event_uid(p, "milestone", m.id), *day, m.title, {deal_line}, {}, handoff::moves_of(m).moves};
        e.description.push_back(fill(w.get("ics.owner"), {{"side", owner_text(w, m.owner)}}));
        if (!m.assignee.empty())
            e.description.push_back(fill(w.get("ics.assignee"), {{"name", person_line(p, m.assignee)}}));
        e.description.push_back(fill(w.get("ics.status"), {{"status", label_of(w, "status", model::to_string(m.state))}}));
        if (!m.gate.empty()) e.description.push_back(fill(w.get("milestone.gate"), {{"gate", m.gate}}));
        if (!m.workstream.empty()) e.category = workstream_text(w, m.workstream);
        events.push_back(std::move(e));
    }

    // Commitments have no id: the title is their key, with a count for repeats.
    std::map<std::string, int> seen_titles;
    for (const auto& c : p.commitments) {
        const int repeat = ++seen_titles[c.title];
        if (!c.due) continue;
        if (!options.for_stakeholder.empty() && c.assignee != options.for_stakeholder) continue;
        const std::string key = repeat == 1 ? c.title : c.title + "#" + std::to_string(repeat);
        event e{event_uid(p, "commitment", key), *c.due, fill(w.get("ics.commitment"), {{"title", c.title}}),
                {deal_line}, w.get("ics.commitment_category")};
        if (c.owner) e.description.push_back(fill(w.get("ics.owner"), {{"side", owner_text(w, c.owner)}}));
        if (!c.assignee.empty())
            e.description.push_back(fill(w.get("ics.assignee"), {{"name", person_line(p, c.assignee)}}));
        if (!c.source.empty()) e.description.push_back(fill(w.get("ics.source"), {{"source", c.source}}));
        events.push_back(std::move(e));
    }

    // The dates Customer Success runs the account by. Only when no --for: they belong to no one stakeholder.
    if (options.for_stakeholder.empty()) {
        auto key_date = [&](std::string_view key, const std::optional<model::date>& day, std::string_view label, int moves) {
            if (!day) return;
            events.push_back({event_uid(p, "date", key), *day, fill(w.get(label), {{"deal", p.deal.name}}), {deal_line},
                              w.get("ics.key_date_category"), moves});
        };
        key_date("kickoff", p.implementation.kickoff, "ics.kickoff", 0);
        key_date("go-live", p.go_live, "ics.go_live", 0);
        key_date("renewal", p.contract_renewal(), "ics.renewal", 0);
        key_date("notice", p.contract_notice_by(), "ics.notice", 0);
    }

    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//closeplan//closeplan//EN\r\n"
                      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
    out += text_property("X-WR-CALNAME", p.deal.name);
    for (const auto& e : events) out += event_text(e, stamp);
    out += "END:VCALENDAR\r\n";
    return out;
}

}  // namespace closeplan::calendar
