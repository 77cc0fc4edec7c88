// SPDX-License-Identifier: MIT
// The preview's fixed route table: the only URLs it answers. No part of a
// URL ever becomes a file name; anything not in the table is 404.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::preview {

enum class resource {
    page,     ///< the rendered HTML with the preview's panel and reload script
    pdf,      ///< the rendered PDF
    version,  ///< the snapshot's generation, polled by the page
};

struct route {
    std::string_view path;          ///< matched exactly, after the server decoded %xx
    resource what;
    std::string_view content_type;
};

/// Every route, in one table (docs/cli.md lists the same).
const std::vector<route>& routes();

/// The route for a request path (without its query), or nullopt: 404.
std::optional<route> find_route(std::string_view path);

/// True when a request's Host header names this server as the browser was
/// told to reach it (127.0.0.1, localhost or [::1] and the port, or the
/// --listen address). A page on another site that rebinds its own name to
/// 127.0.0.1 sends its own name as Host, and is refused: the plan is private.
/// `any_host` (listening on 0.0.0.0 or ::) accepts every name.
bool host_allowed(std::string_view host, const std::vector<std::string>& allowed, bool any_host);

/// The Host values a server on `address`:`port` answers to.
std::vector<std::string> allowed_hosts(const std::string& address, int port);

/// True for 127.0.0.0/8, ::1 and `localhost`: addresses only this machine reaches.
bool is_loopback(std::string_view address);

}  // namespace closeplan::preview
