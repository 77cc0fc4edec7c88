// SPDX-License-Identifier: MIT
// The built-in playbook (plan-format.md section 3).
#include "batch/default_playbook.hpp"

namespace closeplan::batch {

namespace {

schedule::playbook_step step(const char* id, const char* title, model::side owner, const char* workstream, int days,
                             std::vector<std::string> depends_on) {
    schedule::playbook_step s;
    s.id = id;
    s.title = title;
    s.owner = owner;
    s.workstream = workstream;
    s.days = days;
    s.depends_on = std::move(depends_on);
    return s;
}

}  // namespace

schedule::playbook default_playbook() {
    schedule::playbook book;
    book.name = "Built-in: discovery, security review, signature";
    book.source_file = "<built-in playbook>";
    book.steps = {step("discovery", "Discovery complete", model::side::both, "discovery", 5, {}),
                  step("sec-review", "IT security review", model::side::buyer, "security", 15, {"discovery"}),
                  step("signature", "Contract execution", model::side::both, "signature", 1, {"sec-review"})};
    diagnostic_sink ignored;  // a fixed, valid graph: nothing to report
    schedule::prepare_playbook(book, ignored);
    return book;
}

}  // namespace closeplan::batch
