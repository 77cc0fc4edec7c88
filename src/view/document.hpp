// SPDX-License-Identifier: MIT
// The format-neutral document: the contract between view/ and every writer.
//
// It holds UNESCAPED text. Each writer escapes exactly once. Block and inline
// kinds are closed variants: writers std::visit them with one overload per
// alternative and no catch-all, so a new kind fails to compile until every
// writer handles it.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "view/locales.hpp"

namespace closeplan::view {

/// Colour role of a badge or row; writers map tones to styles/ colours.
enum class tone { neutral, info, ok, warn, bad, buyer, seller, both };

struct inline_node;
using inlines = std::vector<inline_node>;

struct text { std::string value; };
struct emphasis { inlines children; };
struct strong { inlines children; };
struct strikethrough { inlines children; };
struct code_span { std::string value; };
/// A link whose url is already checked: http, https or mailto only. Links
/// with any other scheme never reach the document (their text stays as text).
struct link { std::string url; inlines children; };
struct soft_break {};
struct line_break {};
/// A short coloured label: a status, an owner side, "overdue 3 d", "slipped +5 d".
struct badge { std::string label; view::tone color = tone::neutral; };

struct inline_node {
    std::variant<text, emphasis, strong, strikethrough, code_span, link, soft_break, line_break, badge> value;
};

struct block;
using blocks = std::vector<block>;

struct paragraph { inlines content; };
struct heading { int level = 3; inlines content; };  ///< level relative to the section (1 = section sub-heading)
struct list_item {
    std::optional<bool> checked;  ///< GFM task list item: checked or not
    blocks content;
};
struct bullet_list { std::vector<list_item> items; };
struct ordered_list { int start = 1; std::vector<list_item> items; };
struct code_block { std::string info; std::string code; };
struct block_quote { blocks content; };
struct thematic_break {};

enum class align { none, left, center, right };

/// A table written inside a Markdown field (GFM table extension).
struct md_table {
    std::vector<align> alignments;
    std::vector<inlines> header;
    std::vector<std::vector<inlines>> rows;
};

/// A data table built by closeplan (milestones, stakeholder-value map, ...).
struct column {
    std::string key;    ///< stable id, used as a CSS class: "title", "owner", "due", "status"
    std::string label;  ///< header text, from the template's labels
    align alignment = align::left;
};
/// What a row is, as data the builders set and the PDF condenser reads
/// (layout/condense.cpp): never guessed from a row's text or position.
struct row_facts {
    bool done = false;     ///< a completed step
    bool overdue = false;  ///< past due and not done
    bool slipped = false;  ///< due later than first agreed (done or not)
    bool last = false;     ///< the plan's last step: the signature
    bool next = false;     ///< the first open step: its gate and notes stay when later ones go
    int severity = 0;      ///< risks: 0 low, 1 medium, 2 high
    /// An open step's due date in days from as of (negative when overdue); none when done or undated.
    std::optional<int> due_in_days;
};
struct table_row {
    std::vector<inlines> cells;  ///< one per column
    std::string row_class;      ///< "", "done", "overdue", "slipped" ... (CSS class; ignored by Markdown)
    bool row_header_first = true;  ///< the first cell names the row (th scope=row in HTML)
    row_facts facts;
};
struct data_table {
    std::string key;      ///< "milestones", "value_map", ...
    std::string caption;  ///< accessible caption; may be empty
    std::vector<column> columns;
    std::vector<table_row> rows;
};

/// Label/value pairs: the title block, deal facts, progress figures.
struct fact { std::string key; std::string label; inlines value; };
struct fact_list { std::string key; std::vector<fact> facts; };

/// One signature line: who signs for which side, with a blank line for the date.
struct signature {
    std::string side_label;  ///< "For Northwind Health"
    std::string name;
    std::string title;
    std::string date_label;  ///< "Date"
    std::string date_value;  ///< already formatted, empty = blank line to sign on
    std::string who;  ///< name and title as printed: "Dana Ruiz, CFO" ("عمر الفاروق، المدير المالي": punctuation.list)
};
struct signature_block { std::vector<signature> lines; };

/// What a block is for beyond its kind. The builder says so, so that no
/// reader guesses a block's meaning from where it stands in the section.
enum class block_role {
    body,    ///< part of the section's flow
    /// A short figure that sums the section up (milestone progress, value-map
    /// coverage, the sign-off's agreement sentence): the PDF sets the
    /// section's first figure on its title's line, right-aligned, when there
    /// is room; HTML and Markdown keep it where it stands.
    figure,
};

struct block {
    std::variant<paragraph, heading, bullet_list, ordered_list, code_block, block_quote, thematic_break,
                 md_table, data_table, fact_list, signature_block>
        value;
    block_role role = block_role::body;
};

/// A titled part of the document; the template places sections by key.
struct section {
    std::string key;    ///< a key of the section table (view/section_table.hpp): "summary", "milestones" ...
    std::string title;  ///< from the labels
    blocks content;
};

/// One milestone on the timeline strip.
struct timeline_mark {
    int day = 0;                   ///< days from the axis start
    view::tone side = tone::both;  ///< the owner side's colour
    bool done = false;             ///< placed at its completion date (its due date when none)
    bool overdue = false;
    std::string label;             ///< "#3", the milestone's row number
};

/// The milestones on a date axis from min(as of, first date) to max(target
/// close, last date), so no step falls off either end. Only the PDF draws it;
/// HTML and Markdown have the dates in the milestone table already.
struct timeline {
    int span_days = 0;    ///< axis start to axis end (0 when all dates are one day)
    int today_day = 0;    ///< as of
    int close_day = 0;    ///< target close
    std::string start_label, today_label, close_label, end_label;  ///< end_label empty when the axis ends at close
    std::vector<int> month_days;  ///< first day of each month inside the axis: minor ticks
    std::vector<timeline_mark> marks;  ///< in plan order; steps without any date are left out
    /// The colour key, one entry per side that owns a step: "Buyer 0/4" (done of all).
    std::vector<std::pair<view::tone, std::string>> legend;
    /// What the strip shows, in words, for the tagged PDF's Figure /Alt: today and the
    /// target close, then every dated step in plan order with its date and owner.
    std::string alt;
};

struct party_view {
    std::string name;
    std::string logo_path;  ///< absolute path of a checked logo file, empty = none (used by PDF)
};

struct document {
    std::string lang;       ///< BCP 47 tag for the output, e.g. "en-US"
    std::string title;      ///< "Mutual action plan: Claims analytics platform"
    std::string deal_name;
    party_view buyer;
    party_view seller;
    fact_list title_facts;  ///< target close, as of, amount, stage, days to close
    std::vector<section> sections;  ///< every section of the section table, in its order (or as --sections chose)
    std::optional<timeline> schedule;  ///< none when no milestone has a date
    std::string generator;  ///< "closeplan" (no version: output must not change between builds)
    /// True when the caller chose the sections and their order (--sections,
    /// view/select_sections.hpp): the page rows (view::page_rows) then follow
    /// `sections` in order, each alone, nothing paired.
    bool sections_chosen = false;
    /// Levels every heading moves down (--heading-offset): section titles are
    /// level 2 + offset, so a fragment nests under the host document's heading.
    int heading_offset = 0;
    /// The labels the PDF layout writes itself (`condense.*`, `page.*`), so a
    /// condensed line or a page footer is in the plan's language too.
    std::map<std::string, std::string, std::less<>> layout_words;
    /// The plural rules of those labels' language (`key_one`, `key_few`...).
    std::shared_ptr<const plural_rules> plurals;

    [[nodiscard]] const section* find_section(std::string_view key) const;
};

/// `layout_words[key]` (`key_one`, `key_few`... by n's plural category when the labels have it) with {n}
/// and the other placeholders filled; "[key]" when the labels lack it.
std::string layout_text(const document& doc, std::string_view key, std::optional<int> n = std::nullopt,
                        std::initializer_list<std::pair<std::string_view, std::string>> values = {});

/// Appends `node` to `out`, merging it into a preceding text run and dropping
/// empty text, so writers see one run per stretch of plain text.
void append_inline(inlines& out, inline_node node);

}  // namespace closeplan::view
