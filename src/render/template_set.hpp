// SPDX-License-Identifier: MIT
// Templates, labels and styles: built into the binary, replaceable from disk.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "render/yaml_flat.hpp"
#include "view/build_document.hpp"

namespace closeplan::render {

/// One text resource with where it came from (for located errors).
struct resource_text {
    std::string name;    ///< "buyer-plan.html.mustache", "labels/en.yaml", "default.yaml"
    std::string origin;  ///< "built-in:templates/buyer-plan.html.mustache" or the path on disk
    std::string text;
};

/// The files under templates/ that a render uses. Looks a name up first in
/// the user's --template-dir (when given), then in the built-in copy of
/// templates/ compiled into the binary.
class template_set {
public:
    /// Built-in templates only.
    template_set() = default;
    /// Files in `dir` replace built-in files of the same name. Throws
    /// closeplan::error (T401) when `dir` is not a readable folder.
    explicit template_set(std::string dir);

    /// The named file, or nullopt when neither the folder nor the built-ins have it.
    [[nodiscard]] std::optional<resource_text> find(std::string_view name) const;
    /// The same file, shared: a built-in one is copied out of the binary once
    /// per process and then shared by every caller (a batch renders the same
    /// page templates for every deal); a file in the folder is read afresh.
    [[nodiscard]] std::shared_ptr<const resource_text> find_shared(std::string_view name) const;

    /// Labels for a locale: `labels/<lang>.yaml` for "de-DE" tries "de-DE",
    /// then "de", then "en"; keys missing from a language fall back to English.
    /// Errors in a labels file are reported (T403) with file:line:column.
    [[nodiscard]] view::labels load_labels(std::string_view locale, diagnostic_sink& diags) const;

private:
    [[nodiscard]] view::labels read_labels(std::string_view locale, diagnostic_sink& diags) const;
    /// The named file in the user's folder only.
    [[nodiscard]] std::optional<resource_text> find_in_folder(std::string_view name) const;
    /// The named YAML file flattened (see detail::load_flat_yaml): the user's
    /// copy is parsed, with errors reported as `code`; a built-in one comes
    /// from the table flattened at build time. `exists` says whether either has it.
    [[nodiscard]] std::optional<detail::flat_map> find_flat(std::string_view name, const std::string& code,
                                                            diagnostic_sink& diags, bool& exists) const;

    std::string dir_;
};

/// Page size, fonts, colours and spacing: the tokens of styles/default.yaml,
/// flattened to "colors.accent" -> "#1f4e79". Shared by HTML (CSS template)
/// and, later, PDF layout.
class style {
public:
    /// The built-in styles/default.yaml.
    static style built_in();
    /// Loads a style file from disk; its tokens override the built-in ones.
    /// Unknown keys and values that are not valid colours/lengths are errors (T404), located.
    static std::optional<style> from_file(const std::string& path, diagnostic_sink& diags);

    [[nodiscard]] std::string get(std::string_view key) const;
    [[nodiscard]] const std::map<std::string, std::string>& tokens() const { return *tokens_; }
    /// The same tokens, shared and never changed: copies of a style share one
    /// object, so a cache keyed by the tokens (the page CSS) settles a hit
    /// with a pointer check instead of comparing every token.
    [[nodiscard]] const std::shared_ptr<const std::map<std::string, std::string>>& shared_tokens() const {
        return tokens_;
    }

private:
    std::shared_ptr<const std::map<std::string, std::string>> tokens_ =
        std::make_shared<const std::map<std::string, std::string>>();
};

/// A language tag in the labels files' spelling ("de_de" -> "de-DE"); nullopt when `locale` is
/// not a tag (the labels report T403 for it; the library checks load_options::locale with it).
std::optional<std::string> canonical_language_tag(std::string_view locale);

}  // namespace closeplan::render
