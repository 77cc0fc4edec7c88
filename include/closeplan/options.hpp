// SPDX-License-Identifier: MIT
/// @file
/// The names the options take: output formats, paper, the PDF's page budget,
/// sections and PDF standards, each as an enum and as a checked name.
///
/// A `choice<E>` holds a name as written ("pdf", "a4") and converts from the
/// enum or from text, so `options.formats = {"md"}` and
/// `options.formats = {closeplan::format::md}` mean the same. A name the library
/// does not know is kept as written and reported when the options are
/// checked (render_plan() reports every such problem at once, A100-A119 in
/// docs/diagnostics.md), never replaced by a default.
///
/// Thread-safety: plain values; the functions read constant tables and may be
/// called from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace closeplan {
inline namespace v0 {

/// Output formats of render_plan(), in the order output_formats() lists them.
enum class format { html, md, pdf, docx, pdf_layout, pdf_bounds };
/// Paper of a PDF (an empty choice: the style's page size, else the locale's custom).
enum class paper { letter, a4 };
/// The PDF buyer plan's page budget.
enum class fit {
    two_pages,  ///< a second page before an open step is hidden
    one_page,   ///< strict: completed and later steps are hidden first, never the signature
};
/// Sections of the buyer plan, in their default order (section_names()).
enum class section { summary, milestones, value_map, stakeholders, resources, risks, open_items, signoff };
/// What a PDF claims beyond being tagged (every PDF is tagged); each claim embeds every font.
enum class pdf_standard { ua_1, a_2b, a_2u };

/// The name of a value as the command line writes it: "pdf-layout", "a4", "two-pages", "ua-1".
std::string_view name_of(format value);
std::string_view name_of(paper value);
std::string_view name_of(fit value);
std::string_view name_of(section value);
std::string_view name_of(pdf_standard value);

/// The value a name stands for; nullopt for a name the library does not know.
template <class Enum>
std::optional<Enum> value_named(std::string_view name);
template <>
std::optional<format> value_named<format>(std::string_view name);
template <>
std::optional<paper> value_named<paper>(std::string_view name);
template <>
std::optional<fit> value_named<fit>(std::string_view name);
template <>
std::optional<section> value_named<section>(std::string_view name);
template <>
std::optional<pdf_standard> value_named<pdf_standard>(std::string_view name);

/// A checked name: an enum value, or text that is checked with the options.
template <class Enum>
class choice {
public:
    choice() = default;
    choice(Enum value) : name_(name_of(value)) {}                // NOLINT(google-explicit-constructor): {.formats = {format::md}}
    choice(const char* name) : name_(name ? name : "") {}        // NOLINT(google-explicit-constructor): {.formats = {"md"}}
    choice(std::string name) : name_(std::move(name)) {}         // NOLINT(google-explicit-constructor)
    choice(std::string_view name) : name_(name) {}               // NOLINT(google-explicit-constructor)

    /// The name as given (empty for a default-constructed choice).
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] bool empty() const noexcept { return name_.empty(); }
    /// The value, or nullopt when the name is empty or unknown.
    [[nodiscard]] std::optional<Enum> value() const { return value_named<Enum>(name_); }

    // Written out (not defaulted, and each order spelled) so the header stays C++17.
    friend bool operator==(const choice& a, const choice& b) { return a.name_ == b.name_; }
    friend bool operator!=(const choice& a, const choice& b) { return !(a == b); }
    friend bool operator==(const choice& a, Enum b) { return a.value() == b; }
    friend bool operator==(Enum a, const choice& b) { return b == a; }
    friend bool operator!=(const choice& a, Enum b) { return !(a == b); }
    friend bool operator!=(Enum a, const choice& b) { return !(b == a); }

private:
    std::string name_;
};

using format_choice = choice<format>;
using paper_choice = choice<paper>;
using fit_choice = choice<fit>;
using section_choice = choice<section>;
using pdf_standard_choice = choice<pdf_standard>;

/// Every output format's name: "html", "md", "pdf", "docx", "pdf-layout", "pdf-bounds".
std::vector<std::string> output_formats();
/// The section names render_options::sections takes, in their default order.
std::vector<std::string> section_names();
/// The paper names: "letter", "a4".
std::vector<std::string> paper_names();

}  // namespace v0
}  // namespace closeplan
