// SPDX-License-Identifier: MIT
// The enum fields of the plan format: allowed names, CRM synonyms and the hint that lists them.
#pragma once

#include "validate/fields.hpp"

namespace closeplan::validate::detail {

const choice_spec& owner_choices();             ///< milestone/risk/commitment owner: buyer | seller | both
const choice_spec& stakeholder_side_choices();  ///< buyer | seller
const choice_spec& status_choices();
const choice_spec& role_choices();  ///< field "role"
const choice_spec& influence_choices();
const choice_spec& severity_choices();
const choice_spec& resource_kind_choices();
const choice_spec& sign_method_choices();  ///< sign_off `how`: email | meeting | signature

}  // namespace closeplan::validate::detail
