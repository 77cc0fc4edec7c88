// SPDX-License-Identifier: MIT
// The health config file: which rules run, at what severity, with which
// thresholds. Read through load/ like a plan, so every problem is located.
#include <charconv>
#include <cmath>

#include "health/health.hpp"
#include "load/load_document.hpp"
#include "validate/wording.hpp"

namespace closeplan::health {

namespace {

using load::raw_node;
using validate::detail::closest;
using validate::detail::did_you_mean;
using validate::detail::quote;

std::vector<std::string> rule_words() {
    std::vector<std::string> words;
    for (const auto& rule : rules()) {
        words.emplace_back(rule.id);
        words.emplace_back(rule.name);
    }
    return words;
}

std::optional<severity> severity_named(std::string_view text, bool& off) {
    off = text == "off";
    if (text == "error") return severity::error;
    if (text == "warning") return severity::warning;
    if (text == "note") return severity::note;
    return std::nullopt;
}

std::optional<double> number(const raw_node& node) {
    if (!node.is_scalar() || node.quoted) return std::nullopt;
    double value = 0;
    const auto* begin = node.text.data();
    const auto* end = begin + node.text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr != end || !std::isfinite(value) || value < 0) return std::nullopt;
    return value;
}

class config_reader {
public:
    explicit config_reader(diagnostic_sink& diags) : diags_(diags) {}

    std::optional<config> read(const raw_node& root) {
        if (!root.is_mapping() || !root.find("closeplan-health")) {
            diags_.error("H890", "not a health config: `closeplan-health: 1` is missing", root.where,
                         {"a health config starts with `closeplan-health: 1`; docs/health.md shows one"});
            return std::nullopt;
        }
        config result;
        for (const auto& member : root.members) {
            if (member.key == "closeplan-health") {
                if (!member.value.is_scalar() || member.value.text != "1")
                    diags_.error("H890", "unsupported health config version " + quote(member.value.text),
                                 member.value.where, {"write `closeplan-health: 1`"});
            } else if (member.key == "rules") {
                read_rules(member.value, result);
            } else {
                diags_.error("H890", "unknown key " + quote(member.key), member.key_where,
                             {"a health config has `closeplan-health` and `rules`"});
            }
        }
        if (failed_ || diags_.has_errors()) return std::nullopt;
        return result;
    }

private:
    void fail(std::string code, std::string message, const source_location& where, std::vector<std::string> hints) {
        diags_.error(std::move(code), std::move(message), where, std::move(hints));
        failed_ = true;
    }

    void read_rules(const raw_node& node, config& result) {
        if (!node.is_mapping()) {
            fail("H890", "`rules` must be a mapping of rule names to settings", node.where,
                 {"e.g. `rules: { seller-heavy: off, no-close-buffer: { min_buffer_days: 3 } }`"});
            return;
        }
        static const auto words = rule_words();
        for (const auto& member : node.members) {
            const auto* rule = find_rule(member.key);
            if (!rule) {
                std::vector<std::string> hints;
                if (auto guess = closest(member.key, words)) hints.push_back(did_you_mean(*guess));
                hints.emplace_back("rules are named by id (H801) or name (seller-heavy); docs/health.md lists them");
                fail("H891", "unknown health rule " + quote(member.key), member.key_where, std::move(hints));
                continue;
            }
            read_rule(*rule, member.value, result.rules[std::string(rule->id)]);
        }
    }

    void read_severity(const raw_node& value, rule_settings& settings) {
        bool off = false;
        const auto level = value.is_scalar() ? severity_named(value.text, off) : std::nullopt;
        if (off) settings.enabled = false;
        else if (level) settings.level = level;
        else
            fail("H892", "severity " + quote(value.text) + " is not error, warning, note or off", value.where,
                 {"write one of error, warning, note, off"});
    }

    void read_rule(const rule_info& rule, const raw_node& value, rule_settings& settings) {
        if (value.is_scalar()) return read_severity(value, settings);
        if (!value.is_mapping()) {
            fail("H892", "settings of " + std::string(rule.name) + " must be a severity or a mapping", value.where,
                 {"e.g. `" + std::string(rule.name) + ": off` or `" + std::string(rule.name) + ": { severity: error }`"});
            return;
        }
        for (const auto& member : value.members) {
            if (member.key == "severity") {
                read_severity(member.value, settings);
                continue;
            }
            std::vector<std::string> keys{"severity"};
            const rule_parameter* parameter = nullptr;
            for (const auto& p : rule.parameters) {
                keys.emplace_back(p.key);
                if (p.key == member.key) parameter = &p;
            }
            if (!parameter) {
                std::vector<std::string> hints;
                if (auto guess = closest(member.key, keys)) hints.push_back(did_you_mean(*guess));
                std::string known;
                for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
                hints.push_back(std::string(rule.name) + " takes: " + known);
                fail("H892", "unknown setting " + quote(member.key) + " for " + std::string(rule.name),
                     member.key_where, std::move(hints));
                continue;
            }
            const auto parsed = number(member.value);
            if (!parsed) {
                fail("H892", std::string(parameter->key) + " must be a number of zero or more, found " + quote(member.value.text),
                     member.value.where, {std::string(parameter->key) + ": " + std::string(parameter->meaning)});
                continue;
            }
            settings.values[std::string(parameter->key)] = *parsed;
        }
    }

    diagnostic_sink& diags_;
    bool failed_ = false;
};

}  // namespace

std::optional<config> parse_config(std::string_view text, const std::string& file, diagnostic_sink& diags) {
    const auto tree = load::load_document(text, file, load::syntax_for_path(file), diags);
    if (!tree || diags.has_errors()) return std::nullopt;
    return config_reader(diags).read(*tree);
}

std::optional<config> load_config(const std::string& path, diagnostic_sink& diags) {
    const auto tree = load::load_file(path, diags);
    if (!tree || diags.has_errors()) return std::nullopt;
    return config_reader(diags).read(*tree);
}

}  // namespace closeplan::health
