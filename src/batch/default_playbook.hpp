// SPDX-License-Identifier: MIT
// The playbook a batch of deal rows uses when none is given: the example of
// plan-format.md section 3, so `closeplan batch deals.csv` works out of the box.
#pragma once

#include "schedule/playbook.hpp"

namespace closeplan::batch {

/// Discovery (5 business days, both) -> IT security review (15, buyer) ->
/// contract execution (1, both), prepared for scheduling.
schedule::playbook default_playbook();

}  // namespace closeplan::batch
