// SPDX-License-Identifier: MIT
// Writes the field table as JSON Schema 2020-12. Each field kind maps to the
// values the reader accepts: YAML editors read `title: 2026` as a number and
// the validator reads it as text, so text fields take numbers and booleans
// too; an optional field may be empty (null), as the reader skips it; a
// required one may not. Unknown keys are rejected (the validator warns,
// V208) except `x-` extensions, so an editor flags the typo while typing.
#include "validate/plan_schema.hpp"

#include <nlohmann/json.hpp>

#include "validate/choices.hpp"
#include "validate/plan_fields.hpp"

namespace closeplan::validate {

namespace {

using json = nlohmann::ordered_json;
using detail::field_kind;
using detail::field_spec;
using detail::object_spec;
using detail::presence;

// Years 1900-2999 (model/dates.hpp); whether the day exists is `format: date`.
constexpr std::string_view date_pattern = "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
// validate/links.cpp: http(s) with a host, or mailto with an address; no blanks, controls or backslashes.
constexpr std::string_view link_pattern =
    "^([Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20\\x7f\\\\/?#][^\\x00-\\x20\\x7f\\\\]*"
    "|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\\x00-\\x20\\x7f\\\\]*@[^\\x00-\\x20\\x7f\\\\]*)$";
// validate/plan_reader.cpp: language_tag, plain_decimal, currency_code.
constexpr std::string_view language_pattern = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";
constexpr std::string_view decimal_pattern = "^[0-9]+(\\.[0-9]+)?$";
constexpr std::string_view currency_pattern = "^[A-Z]{3}$";

json scalar_types() { return json::array({"string", "number", "boolean"}); }

json text_schema(bool required) {
    json s = {{"type", scalar_types()}};
    if (required) s["pattern"] = "\\S";  // not empty or blank (V202)
    return s;
}

json date_schema() { return {{"type", "string"}, {"format", "date"}, {"pattern", date_pattern}}; }

json names_of(const detail::choice_spec& spec) {
    json names = json::array();
    for (auto name : spec.names) names.push_back(std::string(name));
    return names;
}

std::string ref_to(const object_spec& object) { return "#/$defs/" + std::string(object.name); }

class schema_writer {
public:
    json object_schema(const object_spec& object) {
        json properties = json::object();
        json required = json::array();
        bool due_unless_done = false;
        for (const auto& f : object.fields) {
            properties[std::string(f.key)] = field_schema(f);
            if (f.need == presence::required) required.push_back(std::string(f.key));
            if (f.need == presence::required_unless_done) due_unless_done = true;
        }
        json s = {{"type", "object"}, {"description", std::string(object.description)}, {"properties", properties}};
        if (!required.empty()) s["required"] = required;
        if (!object.needs_one_of.empty()) {
            json any = json::array();
            for (auto key : object.needs_one_of) any.push_back({{"required", {std::string(key)}}});
            s["anyOf"] = any;
        }
        if (due_unless_done) {
            for (const auto& f : object.fields)
                if (f.need == presence::required_unless_done) {
                    s["if"] = {{"properties", {{"status", {{"const", "done"}}}}}, {"required", {"status"}}};
                    s["else"] = {{"required", {std::string(f.key)}}};
                }
        }
        // Extensions (`x-...`) pass, like the validator's check_keys.
        s["patternProperties"] = {{"^x-.", json::object()}};
        s["additionalProperties"] = false;
        return s;
    }

    /// Objects reached from the root, in the order first met, for $defs.
    json defs() {
        json out = json::object();
        for (std::size_t i = 0; i < pending_.size(); ++i) out[std::string(pending_[i]->name)] = object_schema(*pending_[i]);
        return out;
    }

private:
    json ref(const object_spec& object) {
        bool known = false;
        for (const auto* o : pending_) known = known || o == &object;
        if (!known) pending_.push_back(&object);
        return {{"$ref", ref_to(object)}};
    }

    json value_schema(const field_spec& f, bool required) {
        switch (f.kind) {
            case field_kind::version: return {{"const", 1}};
            case field_kind::text:
            case field_kind::markdown:
            case field_kind::email: return text_schema(required);
            case field_kind::path: return {{"type", "string"}, {"pattern", "\\S"}};
            case field_kind::date: return date_schema();
            case field_kind::decimal:
                return {{"type", json::array({"string", "number"})}, {"pattern", decimal_pattern}, {"minimum", 0}};
            case field_kind::currency: return {{"type", "string"}, {"pattern", currency_pattern}};
            case field_kind::language_tag: return {{"type", "string"}, {"pattern", language_pattern}};
            case field_kind::link: return {{"type", "string"}, {"pattern", link_pattern}};
            case field_kind::choice: return {{"enum", names_of(f.choices())}};
            case field_kind::text_list:
            case field_kind::markdown_list:
                return {{"type", "array"}, {"items", {{"type", json::array({"string", "number", "boolean", "null"})}}}};
            case field_kind::date_list:
                return {{"type", "array"}, {"items", {{"anyOf", json::array({date_schema(), {{"type", "null"}}})}}}};
            case field_kind::text_or_list:
                return {{"type", json::array({"string", "number", "boolean", "array"})},
                        {"items", {{"type", json::array({"string", "number", "boolean", "null"})}}}};
            case field_kind::choice_or_list: {
                auto with_null = names_of(f.choices());
                with_null.push_back(nullptr);
                return {{"anyOf", json::array({{{"enum", names_of(f.choices())}},
                                               {{"type", "array"}, {"items", {{"enum", with_null}}}}})}};
            }
            case field_kind::object: return ref(f.object());
            case field_kind::object_list: return {{"type", "array"}, {"items", ref(f.object())}};
            case field_kind::text_or_object:
                return {{"anyOf", json::array({text_schema(required), ref(f.object())})}};
            case field_kind::path_or_list:
                return {{"anyOf", json::array({{{"type", "string"}}, {{"type", "array"}, {"items", ref(f.object())}}})}};
        }
        return json::object();
    }

    json field_schema(const field_spec& f) {
        const bool required = f.need == presence::required;
        auto s = value_schema(f, required);
        // An empty optional field is as good as an absent one (the reader skips null).
        if (!required) {
            if (s.contains("type") && s["type"].is_string()) s["type"] = json::array({s["type"], "null"});
            else if (s.contains("type")) s["type"].push_back("null");
            else if (s.contains("anyOf")) s["anyOf"].push_back({{"type", "null"}});
            else if (s.contains("enum")) s["enum"].push_back(nullptr);
            else s = {{"anyOf", json::array({s, {{"type", "null"}}})}};
        }
        std::string description(f.description);
        if (f.kind == field_kind::choice || f.kind == field_kind::choice_or_list) description += " " + f.choices().rule + ".";
        // $ref with siblings is fine in 2020-12; editors show the field's own words.
        s["description"] = description;
        return s;
    }

    std::vector<const object_spec*> pending_;
};

json document(std::string_view file_name, std::string_view title, const object_spec& root) {
    schema_writer writer;
    const auto body = writer.object_schema(root);
    json doc = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                {"$id", "https://closeplan.example/schemas/" + std::string(file_name)},
                {"title", std::string(title)}};
    for (const auto& [key, value] : body.items()) doc[key] = value;
    doc["$defs"] = writer.defs();
    return doc;
}

}  // namespace

const std::vector<schema_file>& schema_files() {
    static const std::vector<schema_file> files = {{"plan", "plan.schema.json"},
                                                   {"value-map", "value-map.schema.json"}};
    return files;
}

std::string schema_json(std::string_view name) {
    json doc;
    if (name == "plan")
        doc = document("plan.schema.json", "closeplan plan file", detail::plan_fields());
    else if (name == "value-map")
        doc = document("value-map.schema.json", "closeplan value map file", detail::value_map_file_fields());
    else
        return {};
    return doc.dump(2) + "\n";
}

}  // namespace closeplan::validate
