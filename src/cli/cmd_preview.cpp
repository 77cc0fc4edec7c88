// SPDX-License-Identifier: MIT
// `closeplan preview`: serve the rendered plan on 127.0.0.1 and render it
// again whenever one of its files changes (src/preview/ does the serving,
// watching and page; this file the flags, rendering, signals and browser).
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/terminal.hpp"
#include "preview/routes.hpp"
#include "preview/server.hpp"
#include "preview/watcher.hpp"

extern char** environ;

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct preview_flags {
    render_flags render;
    int port = 0;
    std::string listen = "127.0.0.1";
    std::string config_path;  ///< --config: the health config, as for check
    bool open = false;
};

preview_flags& flags() {
    static preview_flags parsed;
    return parsed;
}

CLI::App* setup_preview(CLI::App& app) {
    auto& f = flags();
    auto* command = app.add_subcommand(
        "preview", "Serve the rendered plan on this machine and refresh it whenever its files change");
    add_plan_flags(*command, f.render.plan);
    add_render_options(*command, f.render, false);
    in_range(command->add_option("--port", f.port, "TCP port; 0 (the default) picks a free one and prints the URL"), 0,
             65535)
        ->default_str("0");
    command->add_option("--listen", f.listen,
                        "Address to listen on (default 127.0.0.1). WARNING: any other address lets whoever can "
                        "reach this machine read the plan")
        ->default_str("127.0.0.1");
    command->add_option("--config", f.config_path, "Health config for the checks panel, as for `check --config`");
    command->add_flag("--open", f.open, "Open the page in the browser (xdg-open)");
    return command;
}

// The files a render read, to watch: the plan, value map, style, health
// config and logos; and the template folder (with its labels).
struct watch_list {
    std::vector<std::string> files;
    std::vector<std::string> folders;
};

watch_list files_to_watch(const preview_flags& f, const std::optional<model::plan>& plan) {
    watch_list list;
    list.files.push_back(f.render.plan.request.plan.path);
    for (const auto* path : {&f.render.plan.request.value_map_path, &f.render.plan.request.style_path, &f.config_path})
        if (!path->empty()) list.files.push_back(*path);
    if (plan) {
        const auto base = fs::path(f.render.plan.request.plan.path).parent_path();
        for (const auto* logo : {&plan->deal.buyer.logo, &plan->deal.seller.logo})
            if (!logo->empty()) list.files.push_back((base / *logo).string());
    }
    if (!f.render.plan.request.template_dir.empty()) {
        list.folders.push_back(f.render.plan.request.template_dir);
        std::error_code ec;
        if (fs::is_directory(fs::path(f.render.plan.request.template_dir) / "labels", ec))
            list.folders.push_back((fs::path(f.render.plan.request.template_dir) / "labels").string());
    }
    return list;
}

// One render, as `render -f html,pdf` would make it, and `check`'s findings.
preview::snapshot render_once(const pipeline::render_request& request, const preview_flags& f,
                              std::optional<model::plan>& plan) {
    preview::snapshot next;
    diagnostic_sink diags;
    pipeline::render_result result;
    try {
        // Loaded once with its fields' places, for the checks panel's findings.
        result.plan = load_plan_with_places(request, diags);
        if (result.plan) result.outputs = pipeline::render_model(*result.plan, request, diags);
    } catch (const closeplan::error& failure) {
        diags.report(failure.diag());  // the plan is unreadable for a moment (an editor deleting and writing it)
    }
    // As render: a plan with errors (or, under --strict, warnings) gives no page.
    const bool failed = diags.has_errors() || (f.render.plan.strict && diags.warning_count() > 0);
    if (!failed && result.plan) {
        for (const auto& output : result.outputs) (output.format == "pdf" ? next.pdf : next.html) = output.bytes;
        std::optional<health::config> settings = health::config{};
        if (!f.config_path.empty()) settings = health::load_config(f.config_path, diags);
        if (settings) next.findings = review_health(request, *result.plan, *settings).findings;
        plan = std::move(result.plan);
    }
    next.failed = failed || diags.has_errors();  // a broken health config, found after the page
    next.strict = f.render.plan.strict;
    next.problems = diags.all();
    if (!f.render.plan.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    return next;
}

std::string random_nonce() {
    std::random_device source;
    std::string nonce;
    for (int i = 0; i < 4; ++i) {
        char part[9];
        std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(source()));
        nonce += part;
    }
    return nonce;
}

std::string url_for(const std::string& address, int port) {
    const bool ipv6 = address.find(':') != std::string::npos;
    const bool everywhere = address == "0.0.0.0" || address == "::";
    const std::string host = everywhere ? "127.0.0.1" : ipv6 ? "[" + address + "]" : address;
    return "http://" + host + ":" + std::to_string(port) + "/";
}

// xdg-open, not waited for in this thread (it may wait for the browser).
void open_browser(const std::string& url) {
    pid_t child = 0;
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    if (posix_spawnp(&child, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
        diagnostic_sink diags;
        diags.warning("O563", "cannot start xdg-open to open " + url, {},
                      {"open the address in a browser yourself", "Debian: apt-get install xdg-utils"});
        print_diagnostics(diags, std::cerr);
        return;
    }
    std::thread([child] { waitpid(child, nullptr, 0); }).detach();
}

exit_code run_preview() {
    const auto& f = flags();
    std::vector<std::string> problems;
    if (f.render.plan.request.plan.path == "-")
        problems.emplace_back("preview watches a plan file; standard input cannot be watched");
    auto request = make_request(f.render.plan, std::move(problems));
    if (!request) return exit_code::usage;
    request->formats = {"html", "pdf"};

    // SIGINT and SIGTERM go to the thread that waits for them (below), never
    // to a handler: every thread made from here on inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::optional<model::plan> plan;
    preview::server http(render_once(*request, f, plan), random_nonce());

    const bool any_host = f.listen == "0.0.0.0" || f.listen == "::";
    std::string why;
    const auto port = http.bind(f.listen, f.port, any_host, why);
    if (!port) {
        diagnostic_sink diags;
        diags.error("O560", "cannot listen on " + f.listen + " port " + std::to_string(f.port) + ": " + why, {},
                    {"pick another port with --port N, or --port 0 for a free one"});
        print_diagnostics(diags, std::cerr);
        return exit_code_for(diags, false);
    }
    if (!preview::is_loopback(f.listen)) {
        diagnostic_sink diags;
        diags.warning("O562",
                      "listening on " + f.listen + ": anyone who can reach this machine on port " +
                          std::to_string(*port) + " can read the plan",
                      {}, {"leave --listen out to serve only this machine (127.0.0.1)"});
        print_diagnostics(diags, std::cerr);
    }

    const auto url = url_for(f.listen, *port);
    std::cout << "closeplan: previewing " << f.render.plan.request.plan.path << " at " << url << " (PDF: " << url
              << "plan.pdf); Ctrl-C stops" << std::endl;
    if (f.open) open_browser(url);

    diagnostic_sink watch_diags;
    preview::file_watcher watcher(watch_diags);
    auto watched = files_to_watch(f, plan);
    watcher.watch(watched.files, watched.folders, watch_diags);
    print_diagnostics(watch_diags, std::cerr);

    std::thread renderer([&] {
        for (;;) {
            const auto changed = watcher.wait_for_change(100ms, 1000ms);
            if (changed.empty()) return;  // stopped
            if (!f.render.plan.quiet) {
                std::error_code ec;
                const auto relative = fs::path(changed.front()).lexically_relative(fs::current_path(ec));
                const bool inside = !ec && !relative.empty() && *relative.begin() != "..";
                std::cerr << "closeplan: " << (inside ? relative.string() : changed.front()) << " changed; rendering again\n";
            }
            auto next = render_once(*request, f, plan);
            if (next.failed) {  // keep the last good page under the errors
                const auto last = http.current();
                next.html = last->html;
                next.pdf = last->pdf;
                next.findings = last->findings;
            }
            http.publish(std::move(next));
            diagnostic_sink diags;
            watched = files_to_watch(f, plan);
            watcher.watch(watched.files, watched.folders, diags);
            print_diagnostics(diags, std::cerr);
        }
    });

    std::atomic<bool> served{false};
    std::thread signals([&] {
        const timespec tick{0, 200'000'000};
        while (!served) {
            const int got = sigtimedwait(&stop_signals, nullptr, &tick);
            if (got == SIGINT || got == SIGTERM) break;
        }
        // stop() before listen has started does nothing: ask until serving ends.
        while (!served) {
            http.stop();
            std::this_thread::sleep_for(50ms);
        }
    });

    const bool clean = http.serve();
    served = true;
    signals.join();
    watcher.stop();
    renderer.join();
    if (!f.render.plan.quiet) std::cerr << "closeplan: preview stopped\n";
    return clean ? exit_code::success : exit_code::output_error;
}

const register_command registered{{15, setup_preview, run_preview, true}};

}  // namespace

}  // namespace closeplan::cli
