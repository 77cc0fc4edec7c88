// SPDX-License-Identifier: MIT
// Link and email checks: only http, https and mailto links ever reach an output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::validate::detail {

struct link_problem {
    std::string message;
    std::vector<std::string> hints;
};

/// Nullopt when `url` is an absolute http, https or mailto link with nothing
/// a browser would reinterpret (spaces, control characters, backslashes).
std::optional<link_problem> check_link(std::string_view url);

/// A loose sanity check: one `@`, a local part, a dotted domain, no spaces.
bool plausible_email(std::string_view email);

}  // namespace closeplan::validate::detail
