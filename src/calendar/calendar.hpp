// SPDX-License-Identifier: MIT
// The plan's dated steps as an RFC 5545 iCalendar file (`closeplan ics`, milestones.ics in the handoff pack).
#pragma once

#include <string>
#include <string_view>

#include "analyze/analysis.hpp"
#include "model/plan.hpp"
#include "view/build_document.hpp"

namespace closeplan::calendar {

struct calendar_options {
    /// Only steps assigned to this stakeholder id (resolve a name first with
    /// find_person); empty = every dated milestone and commitment.
    std::string for_stakeholder;
};

/// The stakeholder `--for` names: an exact id first, else a name compared
/// without regard to ASCII case. nullptr when the plan has no such person.
const model::stakeholder* find_person(const model::plan& input_plan, std::string_view id_or_name);

/// A UID that stays the same across re-renders of the same plan, so calendar
/// apps update an event in place: derived from the deal (id, else name) and
/// the item's own key (milestone id, commitment title), never from position or time.
std::string event_uid(const model::plan& input_plan, std::string_view kind, std::string_view key);

/// The whole VCALENDAR: one all-day VEVENT per milestone with a due (or, when
/// done without one, completed) date and per commitment with a due date; and,
/// without `for_stakeholder`, the key dates: kickoff, go-live, contract renewal
/// and the last day to give notice. SEQUENCE is the number of times the date
/// moved (handoff::moves_of: baseline, history, due), so it grows when a date
/// moves; DTSTAMP and LAST-MODIFIED are as_of at midnight UTC, so the bytes
/// depend on the plan and as_of only.
std::string write_calendar(const model::plan& input_plan, const analyze::analysis& facts, const view::labels& words,
                           const calendar_options& options);

}  // namespace closeplan::calendar
