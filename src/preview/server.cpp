// SPDX-License-Identifier: MIT
#include "preview/server.hpp"

#include <httplib.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "preview/page.hpp"
#include "preview/routes.hpp"

namespace closeplan::preview {

namespace {

// What one snapshot serves, made once when it is published.
struct published {
    std::shared_ptr<const snapshot> data;
    std::string page;
};

}  // namespace

struct server::state {
    httplib::Server http;
    std::string nonce;
    std::vector<std::string> hosts;
    bool any_host = false;
    mutable std::mutex lock;
    std::shared_ptr<const published> now;

    std::shared_ptr<const published> latest() const {
        std::lock_guard guard(lock);
        return now;
    }

    void set(snapshot next) {
        auto made = std::make_shared<published>();
        made->page = served_page(next, nonce);
        made->data = std::make_shared<const snapshot>(std::move(next));
        std::lock_guard guard(lock);
        now = std::move(made);
    }

    std::string policy() const {
        // Logos are data: URIs and the CSS is inline; the only script is the
        // preview's own, named by its nonce, and it may only ask this server.
        return "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-" + nonce +
               "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    void answer(const httplib::Request& request, httplib::Response& response) const {
        response.set_header("Cache-Control", "no-store");
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
        const auto found = find_route(request.path);
        if (!found || !host_allowed(request.get_header_value("Host"), hosts, any_host)) {
            response.status = 404;
            response.set_content("not found\n", "text/plain; charset=utf-8");
            return;
        }
        const auto served = latest();
        switch (found->what) {
            case resource::page:
                response.set_header("Content-Security-Policy", policy());
                response.set_content(served->page, std::string(found->content_type));
                return;
            case resource::pdf:
                if (served->data->pdf.empty()) {
                    response.status = 503;
                    response.set_content("no PDF yet: the plan has errors (see the page)\n", "text/plain; charset=utf-8");
                    return;
                }
                response.set_header("Content-Disposition", "inline; filename=\"plan.pdf\"");
                response.set_content(served->data->pdf, std::string(found->content_type));
                return;
            case resource::version:
                response.set_content(std::to_string(served->data->generation), std::string(found->content_type));
                return;
        }
    }
};

server::server(snapshot first, std::string nonce) : state_(std::make_unique<state>()) {
    state_->nonce = std::move(nonce);
    state_->set(std::move(first));
    // Every GET (and HEAD) comes to the route table, which answers 404 for
    // whatever it does not list; no other method has a handler (404 too).
    state_->http.Get(R"([\s\S]*)", [this](const httplib::Request& request, httplib::Response& response) {
        state_->answer(request, response);
    });
    state_->http.set_keep_alive_timeout(2);
    // httplib's default also sets SO_REUSEPORT, which lets a second preview
    // bind the same port and take half the requests; a port in use must be
    // O560 instead. SO_REUSEADDR alone still allows a restart right away.
    state_->http.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
}

server::~server() = default;

std::optional<int> server::bind(const std::string& address, int port, bool any_host, std::string& why) {
    errno = 0;
    int bound = port;
    if (port == 0) bound = state_->http.bind_to_any_port(address);
    else if (!state_->http.bind_to_port(address, port)) bound = -1;
    if (bound <= 0) {
        why = errno == EADDRINUSE ? "the port is in use"
              : errno != 0        ? std::strerror(errno)
                                  : "the address cannot be used";
        return std::nullopt;
    }
    state_->hosts = allowed_hosts(address, bound);
    state_->any_host = any_host;
    return bound;
}

bool server::serve() { return state_->http.listen_after_bind(); }

void server::stop() { state_->http.stop(); }

void server::publish(snapshot next) {
    next.generation = state_->latest()->data->generation + 1;
    state_->set(std::move(next));
}

std::shared_ptr<const snapshot> server::current() const { return state_->latest()->data; }

}  // namespace closeplan::preview
