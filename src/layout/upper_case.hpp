// SPDX-License-Identifier: MIT
// Upper case for labels the PDF shows in capitals (section titles, table headers, party names).
#pragma once

#include <string>
#include <string_view>

namespace closeplan::layout {

/// `utf8` in upper case, code point by code point (simple case mapping, as
/// CSS text-transform does for these labels in the HTML): "Fällig" becomes
/// "FÄLLIG", "Zakłady" "ZAKŁADY". Characters without a single upper-case
/// code point (ß) stay as they are.
std::string upper_case(std::string_view utf8);

}  // namespace closeplan::layout
