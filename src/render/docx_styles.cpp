// SPDX-License-Identifier: MIT
// The DOCX look and word/styles.xml: every style closeplan uses has a stable
// name ("closeplan Heading 1", "closeplan Table", "closeplan Status Done" ...)
// so a proposal's own template, or --reference-docx, can restyle it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/docx_writer.hpp"
#include "render/page_template.hpp"
#include "render/xml_writer.hpp"

namespace closeplan::render::detail {

namespace {

struct tone_style {
    view::tone tone;
    const char* id;
    const char* name;
};

// The one table of badge styles: a badge's tone picks its shaded character style.
constexpr tone_style tone_styles[] = {
    {view::tone::neutral, "closeplanStatusNeutral", "closeplan Status Neutral"},
    {view::tone::info, "closeplanStatusActive", "closeplan Status Active"},
    {view::tone::ok, "closeplanStatusDone", "closeplan Status Done"},
    {view::tone::warn, "closeplanStatusWarning", "closeplan Status Warning"},
    {view::tone::bad, "closeplanStatusAlert", "closeplan Status Alert"},
    {view::tone::buyer, "closeplanSideBuyer", "closeplan Side Buyer"},
    {view::tone::seller, "closeplanSideSeller", "closeplan Side Seller"},
    {view::tone::both, "closeplanSideJoint", "closeplan Side Joint"},
};

std::string hex(const layout::color& c) {
    const auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    char out[8];
    std::snprintf(out, sizeof out, "%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
    return out;
}

std::string half_points(double pt) { return std::to_string(std::lround(pt * 2)); }
std::string twips(double pt) { return std::to_string(std::lround(pt * 20)); }
std::string eighths(double pt) { return std::to_string(std::max(2L, std::lround(pt * 8))); }

// The first family of the CSS stack ("Arial, "Liberation Sans", ...") names the DOCX font.
std::string first_family(const std::string& stack, const char* fallback) {
    std::string family = stack.substr(0, stack.find(','));
    family.erase(std::remove(family.begin(), family.end(), '"'), family.end());
    family.erase(std::remove(family.begin(), family.end(), '\''), family.end());
    family.erase(0, family.find_first_not_of(' '));
    family.erase(family.find_last_not_of(' ') + 1);
    return family.empty() || family.starts_with("ui-") || family == "sans-serif" || family == "monospace" ? fallback
                                                                                                          : family;
}

struct styles_writer {
    xml_writer& x;
    const docx_look& look;

    void fonts(const std::string& family) {
        x.open("w:rFonts").attr("w:ascii", family).attr("w:hAnsi", family).attr("w:cs", family).attr("w:eastAsia", family).close();
    }
    void size(double pt) {
        x.leaf("w:sz", "w:val", half_points(pt));
        x.leaf("w:szCs", "w:val", half_points(pt));
    }
    void spacing(double before, double after) {
        x.open("w:spacing").attr("w:before", twips(before)).attr("w:after", twips(after))
            .attr("w:line", std::to_string(std::lround(240 * look.line_spacing)))
            .attr("w:lineRule", "auto").close();
    }
    void begin(const char* type, const std::string& id, const std::string& name, const char* based_on = nullptr) {
        x.open("w:style").attr("w:type", type).attr("w:styleId", id);
        if (id == "Normal") x.attr("w:default", "1");
        x.leaf("w:name", "w:val", name);
        if (based_on) x.leaf("w:basedOn", "w:val", based_on);
        x.leaf("w:qFormat");
    }
    void border(const char* side, double width_pt, const std::string& color) {
        x.open(side).attr("w:val", "single").attr("w:sz", eighths(width_pt)).attr("w:space", "0").attr("w:color", color).close();
    }
    void shading(const std::string& fill) {
        x.open("w:shd").attr("w:val", "clear").attr("w:color", "auto").attr("w:fill", fill).close();
    }

    void defaults() {
        x.open("w:docDefaults");
        x.open("w:rPrDefault").open("w:rPr");
        fonts(family);
        x.open("w:color").attr("w:val", hex(look.page.text)).close();
        size(look.body);
        x.close().close();
        x.open("w:pPrDefault").open("w:pPr");
        spacing(0, look.paragraph_after);
        x.close().close();
        x.close();
    }
    std::string family;
    std::string mono;

    void paragraph_styles() {
        begin("paragraph", "Normal", "Normal");
        x.close();
        begin("paragraph", "closeplanTitle", "closeplan Title", "Normal");
        x.leaf("w:next", "w:val", "Normal");
        x.open("w:pPr").leaf("w:keepNext");
        spacing(0, look.paragraph_after);
        x.leaf("w:outlineLvl", "w:val", "0").close();
        x.open("w:rPr").leaf("w:b").open("w:color").attr("w:val", hex(look.page.accent)).close();
        size(look.title);
        x.close().close();
        for (int level = 1; level <= 6; ++level) {
            const auto id = heading_style_id(level);
            begin("paragraph", id, "closeplan Heading " + std::to_string(level), "Normal");
            x.leaf("w:next", "w:val", "Normal");
            x.open("w:pPr").leaf("w:keepNext").leaf("w:keepLines");
            if (level == 1) {
                x.open("w:pBdr");
                border("w:bottom", look.page.rule_thin, hex(look.page.rule));
                x.close();
            }
            spacing(level == 1 ? look.heading_before : look.heading_before / 2, look.heading_after);
            x.leaf("w:outlineLvl", "w:val", std::to_string(level)).close();
            x.open("w:rPr").leaf("w:b").open("w:color").attr("w:val", hex(level == 1 ? look.page.accent : look.page.text)).close();
            size(look.headings[static_cast<std::size_t>(level - 1)]);
            x.close().close();
        }
        begin("paragraph", "closeplanParties", "closeplan Parties", "Normal");
        x.open("w:rPr").leaf("w:b");
        size(look.headings[1]);
        x.close().close();
        begin("paragraph", "closeplanFacts", "closeplan Facts", "Normal");
        x.open("w:pPr");
        x.open("w:pBdr");
        border("w:bottom", look.page.rule_thick, hex(look.page.accent));
        x.close();
        spacing(0, look.paragraph_after * 2);
        x.close().close();
        begin("paragraph", "closeplanFigure", "closeplan Figure", "Normal");
        x.open("w:rPr").open("w:color").attr("w:val", hex(look.page.muted)).close().close().close();
        begin("paragraph", "closeplanListParagraph", "closeplan List Paragraph", "Normal");
        x.open("w:pPr");
        spacing(0, look.paragraph_after / 2);
        x.close().close();
        begin("paragraph", "closeplanQuote", "closeplan Quote", "Normal");
        x.open("w:pPr").open("w:pBdr");
        border("w:left", look.page.rule_thick, hex(look.page.rule));
        x.close().open("w:ind").attr("w:left", twips(12)).close().close();
        x.open("w:rPr").leaf("w:i").close().close();
        begin("paragraph", "closeplanCode", "closeplan Code", "Normal");
        x.open("w:pPr");
        shading(hex(look.page.header_bg));
        x.close().open("w:rPr");
        fonts(mono);
        x.close().close();
        begin("paragraph", "closeplanRule", "closeplan Rule", "Normal");
        x.open("w:pPr").open("w:pBdr");
        border("w:bottom", look.page.rule_thin, hex(look.page.rule));
        x.close().close().close();
        begin("paragraph", "closeplanTableText", "closeplan Table Text", "Normal");
        x.open("w:pPr");
        spacing(0, 0);
        x.close().open("w:rPr");
        size(look.table);
        x.close().close();
        begin("paragraph", "closeplanTableHeading", "closeplan Table Heading", "closeplanTableText");
        x.open("w:pPr").leaf("w:keepNext").close().open("w:rPr").leaf("w:b").close().close();
        begin("paragraph", "closeplanSignature", "closeplan Signature", "Normal");
        x.open("w:pPr");
        // The date stands at the right of the signer's half of the page.
        x.open("w:tabs").open("w:tab").attr("w:val", "right")
            .attr("w:pos", twips(look.page.content_width() / 2 - look.page.column_gap)).close().close();
        spacing(0, 0);
        x.close().close();
        begin("paragraph", "closeplanSignatureLine", "closeplan Signature Line", "closeplanSignature");
        x.open("w:pPr").open("w:pBdr");
        border("w:bottom", look.page.rule_thin, hex(look.page.text));
        x.close();
        // An empty line whose bottom border is the line to sign on: room to sign above it, no text height.
        x.open("w:spacing").attr("w:before", twips(look.body * (look.compact ? 1.3 : 2.6))).attr("w:after", "0")
            .attr("w:line", "40").attr("w:lineRule", "exact").close();
        x.close().close();
    }

    void character_styles() {
        begin("character", "DefaultParagraphFont", "Default Paragraph Font");
        x.close();
        for (const auto& t : tone_styles) {
            const auto colors = look.page.badge(t.tone);
            begin("character", t.id, t.name);
            x.open("w:rPr").leaf("w:b").open("w:color").attr("w:val", hex(colors.fg)).close();
            shading(hex(colors.bg));
            x.close().close();
        }
        begin("character", "closeplanHyperlink", "closeplan Hyperlink");
        x.open("w:rPr").open("w:color").attr("w:val", hex(look.page.accent)).close().leaf("w:u", "w:val", "single").close().close();
        begin("character", "closeplanCodeChar", "closeplan Code Char");
        x.open("w:rPr");
        fonts(mono);
        shading(hex(look.page.header_bg));
        x.close().close();
        begin("character", "closeplanMuted", "closeplan Muted");
        x.open("w:rPr").open("w:color").attr("w:val", hex(look.page.muted)).close().close().close();
    }

    void cell_margins() {
        x.open("w:tblCellMar");
        for (const char* side : {"w:top", "w:bottom"})
            x.open(side).attr("w:w", twips(look.page.cell_y)).attr("w:type", "dxa").close();
        for (const char* side : {"w:left", "w:right"})
            x.open(side).attr("w:w", twips(look.page.cell_x)).attr("w:type", "dxa").close();
        x.close();
    }

    void table_styles() {
        begin("table", "TableNormal", "Normal Table");
        x.open("w:tblPr").open("w:tblInd").attr("w:w", "0").attr("w:type", "dxa").close();
        cell_margins();
        x.close().close();
        begin("table", "closeplanTable", "closeplan Table", "TableNormal");
        x.open("w:pPr");
        spacing(0, 0);
        x.close().open("w:rPr");
        size(look.table);
        x.close();
        x.open("w:tblPr").open("w:tblBorders");
        for (const char* side : {"w:top", "w:bottom", "w:insideH"}) border(side, look.page.rule_thin, hex(look.page.rule));
        x.close();
        cell_margins();
        x.close();
        x.open("w:tblStylePr").attr("w:type", "firstRow");
        x.open("w:rPr").leaf("w:b").close();
        x.open("w:tcPr");
        shading(hex(look.page.header_bg));
        x.close().close();
        x.close();
        begin("table", "closeplanLayoutTable", "closeplan Layout Table", "TableNormal");
        x.open("w:tblPr").open("w:tblCellMar");
        for (const char* side : {"w:top", "w:bottom", "w:left"}) x.open(side).attr("w:w", "0").attr("w:type", "dxa").close();
        x.open("w:right").attr("w:w", twips(look.page.column_gap)).attr("w:type", "dxa").close();
        x.close().close().close();
    }
};

}  // namespace

const char* tone_style_id(view::tone t) {
    for (const auto& s : tone_styles)
        if (s.tone == t) return s.id;
    return tone_styles[0].id;
}

std::string heading_style_id(int level) { return "closeplanHeading" + std::to_string(std::clamp(level, 1, 6)); }

docx_look docx_look_for(const render_context& ctx) {
    docx_look look;
    look.page = layout::detail::read_style(ctx.look.tokens(), ctx.paper);
    look.compact = ctx.request.template_name == buyer_plan_template && !ctx.request.fragment;
    if (look.compact) {
        // The one-page buyer plan: 8 pt, the smallest type closeplan puts on paper.
        look.body = 8;
        look.table = 8;
        look.title = 13;
        look.headings = {9.5, 8.5, 8, 8, 8, 8};
        look.paragraph_after = 1;
        look.heading_before = 3.5;
        look.heading_after = 1.5;
        look.line_spacing = 0.95;
    }
    return look;
}

std::string docx_styles_xml(const docx_look& look, const std::string& font_stack, const std::string& mono_stack) {
    xml_writer x;
    x.open("w:styles").attr("xmlns:w", ns_w);
    styles_writer w{x, look, first_family(font_stack, "Arial"), first_family(mono_stack, "Courier New")};
    w.defaults();
    w.paragraph_styles();
    w.character_styles();
    w.table_styles();
    x.close();
    return x.finish();
}

std::string docx_numbering_xml(const docx_references& refs) {
    xml_writer x;
    x.open("w:numbering").attr("xmlns:w", ns_w);
    // abstractNum 0: bullets; abstractNum 1: decimals. Nine levels each, indented by level.
    static const char* const bullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"};
    for (int abstract = 0; abstract < 2; ++abstract) {
        x.open("w:abstractNum").attr("w:abstractNumId", std::to_string(abstract));
        x.leaf("w:multiLevelType", "w:val", abstract == 0 ? "hybridMultilevel" : "multilevel");
        for (int level = 0; level < 9; ++level) {
            x.open("w:lvl").attr("w:ilvl", std::to_string(level));
            x.leaf("w:start", "w:val", "1");
            x.leaf("w:numFmt", "w:val", abstract == 0 ? "bullet" : "decimal");
            x.leaf("w:lvlText", "w:val", abstract == 0 ? bullets[level % 3] : "%" + std::to_string(level + 1) + ".");
            x.leaf("w:lvlJc", "w:val", "left");
            x.open("w:pPr").open("w:ind").attr("w:left", std::to_string(280 * (level + 1))).attr("w:hanging", "200").close().close();
            x.close();
        }
        x.close();
    }
    x.open("w:num").attr("w:numId", "1").leaf("w:abstractNumId", "w:val", "0").close();
    for (std::size_t i = 0; i < refs.ordered_list_starts.size(); ++i) {
        x.open("w:num").attr("w:numId", std::to_string(i + 2)).leaf("w:abstractNumId", "w:val", "1");
        x.open("w:lvlOverride").attr("w:ilvl", "0").leaf("w:startOverride", "w:val", std::to_string(refs.ordered_list_starts[i])).close();
        x.close();
    }
    x.close();
    return x.finish();
}

}  // namespace closeplan::render::detail
