// SPDX-License-Identifier: MIT
// The preview's HTTP server (cpp-httplib): answers the route table from the
// latest snapshot, kept in memory; nothing is read from or written to disk.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "preview/snapshot.hpp"

namespace closeplan::preview {

class server {
public:
    /// `nonce` marks the one script the served page may run (its
    /// Content-Security-Policy allows no other).
    explicit server(snapshot first, std::string nonce);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// Binds `address`:`port` (port 0: a free one). Returns the port, or
    /// nullopt with the reason in `why`. `any_host`: accept every Host
    /// header (listening on all interfaces); otherwise only the names this
    /// address and the loopback answer to.
    std::optional<int> bind(const std::string& address, int port, bool any_host, std::string& why);

    /// Answers requests until stop(); false when the server failed on its own.
    bool serve();

    /// Makes serve() return. Safe from any thread.
    void stop();

    /// Serves `next` from now on, as the snapshot after the current one.
    void publish(snapshot next);

    /// The snapshot being served.
    std::shared_ptr<const snapshot> current() const;

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace closeplan::preview
