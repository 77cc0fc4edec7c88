// SPDX-License-Identifier: MIT
#include "preview/routes.hpp"

#include <algorithm>

namespace closeplan::preview {

const std::vector<route>& routes() {
    static const std::vector<route> table{
        {"/", resource::page, "text/html; charset=utf-8"},
        {"/plan.pdf", resource::pdf, "application/pdf"},
        {"/version", resource::version, "text/plain; charset=utf-8"},
    };
    return table;
}

std::optional<route> find_route(std::string_view path) {
    for (const auto& r : routes())
        if (r.path == path) return r;
    return std::nullopt;
}

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

std::string host_with_port(const std::string& name, int port) {
    const bool ipv6 = name.find(':') != std::string::npos;
    return (ipv6 ? "[" + name + "]" : name) + ":" + std::to_string(port);
}

}  // namespace

std::vector<std::string> allowed_hosts(const std::string& address, int port) {
    std::vector<std::string> hosts;
    for (const std::string name : {"127.0.0.1", "localhost", "::1"}) hosts.push_back(host_with_port(name, port));
    if (address != "127.0.0.1" && address != "localhost" && address != "::1")
        hosts.push_back(host_with_port(lower(address), port));
    return hosts;
}

bool host_allowed(std::string_view host, const std::vector<std::string>& allowed, bool any_host) {
    if (any_host) return true;
    const auto name = lower(host);
    return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
}

bool is_loopback(std::string_view address) {
    if (address == "localhost" || address == "::1") return true;
    // 127.0.0.0/8 written as a dotted quad: "127." then digits and dots only.
    if (address.substr(0, 4) != "127.") return false;
    return std::all_of(address.begin() + 4, address.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

}  // namespace closeplan::preview
