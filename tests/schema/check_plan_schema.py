#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Holds the input schemas (docs/schemas/plan.schema.json, value-map.schema.json)
to the validator they are generated from.

    check_plan_schema.py CLOSEPLAN ROOT

1. `closeplan schema` and `closeplan schema value-map` print exactly the
   committed files (regenerate them with scripts/update-goldens.sh).
2. Every plan and value map file in the tree (examples, fixtures, hostile
   files) is judged by both: the validator (`closeplan check
   --validate-only`) and the schema. A file the validator accepts without an
   unknown-field warning validates; a file it refuses for a field-level reason
   (V201-V204, V206, V209, V210) or warns about an unknown field (V208) is
   rejected. Files whose only problems the schema cannot see (a YAML error,
   a reference, a duplicate id, a path outside the folder) are listed with
   the reason.
3. Mutations of a valid plan driven by the schema's own tables: every
   required key removed, every enum set to a CRM word (`owner: vendor`),
   every date set to a day that does not exist, an unknown key added; the
   validator and the schema must both refuse each one.

YAML is read as YAML 1.2 (the core schema editors use): dates stay text,
`yes` and `no` stay text, as the closeplan loader reads them.
"""
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# Problems a JSON Schema can state: shape, presence, allowed words, formats.
FIELD_LEVEL = {"V201", "V202", "V203", "V204", "V206", "V209", "V210"}
# Problems it cannot: why each one is left to the validator.
NOT_SCHEMA = {
    "L": "the file does not load (syntax, encoding, size, duplicate key): no tree to validate",
    "R301": "a reference to an unknown id needs the whole plan",
    "R302": "a dependency cycle needs the whole plan",
    "R303": "a signatory on the wrong side needs the stakeholder list",
    "V205": "a duplicate id needs the whole list",
    "V207": "a path leaving the plan's folder needs the file system",
    "V214": "a value map file that cannot be read needs the file system",
}
CODE = re.compile(r"\b(error|warning)\[([A-Z][0-9]{3})")


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers: no timestamps, no yes/no booleans."""


Yaml12Loader.yaml_implicit_resolvers = {}
for first, pattern, tag in [
    ("tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$", "tag:yaml.org,2002:bool"),
    ("~nN", r"^(?:~|null|Null|NULL|)$", "tag:yaml.org,2002:null"),
    ("-+0123456789", r"^[-+]?[0-9]+$", "tag:yaml.org,2002:int"),
    ("-+0123456789.", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "tag:yaml.org,2002:float"),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first) + ([""] if tag.endswith("null") else []))


def read_tree(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=Yaml12Loader)


def validator_codes(closeplan, path, root):
    run = subprocess.run([closeplan, "check", "--validate-only", path], cwd=root, capture_output=True, text=True,
                         errors="replace")
    found = {"error": set(), "warning": set()}
    for level, code in CODE.findall(run.stderr + run.stdout):
        found[level].add(code)
    return run.returncode, found


def schema_errors(validator, tree):
    return sorted(validator.iter_errors(tree), key=lambda e: list(e.path))


def kind_of(tree):
    if isinstance(tree, dict) and "closeplan-value-map" in tree:
        return "value-map"
    if isinstance(tree, dict) and "closeplan-playbook" in tree:
        return "playbook"
    if isinstance(tree, dict) and ("closeplan-health" in tree or "closeplan-mapping" in tree):
        return "other"
    if isinstance(tree, dict) and ("closeplan" in tree or "deal" in tree or "milestones" in tree):
        return "plan"
    return "other"


def candidates(root):
    patterns = ["examples/*/*.yaml", "examples/*/*.json", "tests/cli/fixtures/*.yaml", "tests/cli/fixtures/*.json",
                "tests/cli/fixtures/*/*.yaml", "tests/cli/fixtures/*/*/*.yaml", "tests/hostile/*.yaml",
                "tests/health/fixtures/*.yaml", "tests/handoff/**/*.yaml"]
    files = set()
    for p in patterns:
        files.update(glob.glob(os.path.join(root, p), recursive=True))
    return sorted(files)


def check_committed(closeplan, root, failures):
    for name, file_name in [("plan", "plan.schema.json"), ("value-map", "value-map.schema.json")]:
        printed = subprocess.run([closeplan, "schema", name], capture_output=True, text=True, check=True).stdout
        with open(os.path.join(root, "docs", "schemas", file_name), encoding="utf-8") as f:
            committed = f.read()
        if printed != committed:
            failures.append(f"docs/schemas/{file_name} differs from `closeplan schema {name}`: "
                            "run scripts/update-goldens.sh")


def check_files(closeplan, root, validators, failures):
    counts = {"accepted": 0, "rejected": 0, "skipped": 0}
    for path in candidates(root):
        rel = os.path.relpath(path, root)
        try:
            tree = read_tree(path)
        except (UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError, RecursionError) as e:
            print(f"skip {rel}: PyYAML cannot read it ({type(e).__name__}); closeplan says: "
                  f"{sorted(validator_codes(closeplan, path, root)[1]['error']) or 'loads with warnings'}")
            counts["skipped"] += 1
            continue
        kind = kind_of(tree)
        if kind not in validators:
            continue
        if kind == "value-map":
            # The validator reads a value map through a plan; judge the file's own errors only.
            exit_code, codes = value_map_codes(closeplan, path, root)
        else:
            exit_code, codes = validator_codes(closeplan, path, root)
        errors = schema_errors(validators[kind], tree)
        field_level = codes["error"] & FIELD_LEVEL
        load_errors = {c for c in codes["error"] if c.startswith("L")}
        if load_errors:
            print(f"skip {rel}: {NOT_SCHEMA['L']} ({', '.join(sorted(load_errors))})")
            counts["skipped"] += 1
            continue
        if field_level or (not codes["error"] and "V208" in codes["warning"]):
            if not errors:
                failures.append(f"{rel}: the validator refuses it ({', '.join(sorted(field_level or {'V208'}))}) "
                                "but the schema accepts it")
            else:
                print(f"rejected by both {rel}: validator {', '.join(sorted(field_level or {'V208'}))}; "
                      f"schema at /{'/'.join(map(str, errors[0].path))}: {errors[0].message[:80]}")
            counts["rejected"] += 1
        elif codes["error"]:
            reasons = [NOT_SCHEMA.get(c, "?") for c in sorted(codes["error"])]
            if "?" in reasons:
                failures.append(f"{rel}: errors {sorted(codes['error'])} are neither field-level nor listed as "
                                "beyond a schema in NOT_SCHEMA")
            print(f"skip {rel}: {'; '.join(sorted(set(reasons)))} ({', '.join(sorted(codes['error']))})")
            counts["skipped"] += 1
        else:
            if errors:
                failures.append(f"{rel}: valid for the validator, but the schema says: "
                                f"{'/'.join(map(str, errors[0].path))}: {errors[0].message}")
            counts["accepted"] += 1
    print(f"files: {counts['accepted']} valid under both, {counts['rejected']} rejected by both, "
          f"{counts['skipped']} beyond a schema")
    if counts["accepted"] < 10 or counts["rejected"] < 3:
        failures.append("too few files judged: has the tree moved?")


def value_map_codes(closeplan, path, root):
    plan = {"closeplan": 1, "deal": {"name": "Value map host"}, "target_close": "2026-06-30",
            "value_map": os.path.basename(path)}
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=os.path.dirname(path), delete=False) as f:
        json.dump(plan, f)
    try:
        return validator_codes(closeplan, f.name, root)
    finally:
        os.unlink(f.name)


def mutations(schema, tree):
    """(description, mutated tree) for every required key, enum, date and an unknown key."""
    defs = schema["$defs"]

    def object_schema(s):
        if "$ref" in s:
            return defs[s["$ref"].split("/")[-1]]
        for option in s.get("anyOf", []):
            if "$ref" in option:
                return defs[option["$ref"].split("/")[-1]]
        return s if s.get("type") == "object" else None

    def places(s, node, path):
        """Every mapping of the tree with its schema."""
        obj = object_schema(s)
        if obj is None or not isinstance(node, dict):
            return
        yield obj, node, path
        for key, value in node.items():
            sub = obj.get("properties", {}).get(key)
            if sub is None:
                continue
            if isinstance(value, list):
                item = sub.get("items") or next((o.get("items") for o in sub.get("anyOf", []) if "items" in o), None)
                if item and value and isinstance(value[0], dict):
                    yield from places(item, value[0], path + [key, 0])
            elif isinstance(value, dict):
                yield from places(sub, value, path + [key])

    def at(t, path):
        for p in path:
            t = t[p]
        return t

    seen = set()
    for obj, node, path in list(places(schema, tree, [])):
        where = "/" + "/".join(map(str, path))
        for key in obj.get("required", []):
            if key in node and ("required", obj["description"], key) not in seen:
                seen.add(("required", obj["description"], key))
                t = copy.deepcopy(tree)
                del at(t, path)[key]
                yield f"{where}: without {key}", t
        for key, sub in obj.get("properties", {}).items():
            if ("field", obj["description"], key) in seen:
                continue
            if "enum" in sub and key in node:
                seen.add(("field", obj["description"], key))
                t = copy.deepcopy(tree)
                at(t, path)[key] = "vendor"
                yield f"{where}/{key}: vendor", t
            elif sub.get("format") == "date" and key in node:
                seen.add(("field", obj["description"], key))
                t = copy.deepcopy(tree)
                at(t, path)[key] = "2026-02-30"
                yield f"{where}/{key}: 2026-02-30", t
        t = copy.deepcopy(tree)
        at(t, path)["tilte"] = "typo"
        yield f"{where}/tilte", t


def check_mutations(closeplan, root, validator, schema, failures):
    source = os.path.join(root, "tests", "health", "fixtures", "healthy.yaml")
    base = read_tree(source)
    # Reach every mapping kind the example lacks.
    base["risks"] = [{"title": "Security queue", "severity": "high", "owner": "buyer", "milestone": "security"}]
    base["commitments"] = [{"title": "Go-live by September", "owner": "seller", "due": "2026-08-15"}]
    base["implementation"] = {"kickoff": "2026-07-06", "cs_owner": {"name": "Rae Kim"}}
    base["sign_off"]["seller"] = {"name": "Ada East", "title": "Account Executive", "date": "2026-05-01"}
    base["value_map"] = [{"match": {"role": "economic_buyer"}, "cares_about": ["Cost"]}]
    base["deal"]["buyer"] = {"name": "Buyer Co"}
    count = 0
    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, "plan.json")
        for description, tree in [("the base plan", base)] + list(mutations(schema, base)):
            with open(target, "w", encoding="utf-8") as f:
                json.dump(tree, f)
            _, codes = validator_codes(closeplan, target, root)
            refused_by_validator = bool(codes["error"]) or "V208" in codes["warning"]
            refused_by_schema = bool(schema_errors(validator, tree))
            expected = description != "the base plan"
            if refused_by_validator != expected or refused_by_schema != expected:
                failures.append(f"mutation {description}: validator {'refuses' if refused_by_validator else 'accepts'} "
                                f"({sorted(codes['error'] | codes['warning'])}), schema "
                                f"{'refuses' if refused_by_schema else 'accepts'}; both should "
                                f"{'refuse' if expected else 'accept'}")
            count += 1
    print(f"mutations: {count - 1} refused by both")
    if count < 30:
        failures.append(f"only {count} mutations: the schema's tables look too small")


def check_init(closeplan, root, validator, failures):
    """`closeplan init` writes a plan both the schema and `check` accept, with the editor line and a comment per field."""
    playbooks = [[], ["--playbook", os.path.join(root, "examples", "playbooks", "mid-market.yaml")]]
    with tempfile.TemporaryDirectory() as folder:
        for extra in playbooks:
            target = os.path.join(folder, "plan.yaml")
            if os.path.exists(target):
                os.unlink(target)
            subprocess.run([closeplan, "init", target, "--as-of", "2026-05-04", "--close", "2026-09-30", "-q"] + extra,
                           check=True)
            with open(target, encoding="utf-8") as f:
                text = f.read()
            if not text.startswith("# yaml-language-server: $schema=plan.schema.json\n"):
                failures.append("init: the first line is not the yaml-language-server schema line")
            if not os.path.exists(os.path.join(folder, "plan.schema.json")):
                failures.append("init: no plan.schema.json beside the plan")
            errors = schema_errors(validator, read_tree(target))
            if errors:
                failures.append(f"init {extra}: the schema refuses the starter plan: {errors[0].message}")
            exit_code, codes = validator_codes(closeplan, target, root)
            if exit_code != 0 or codes["error"] or any(c.startswith("V") or c.startswith("R") for c in codes["warning"]):
                failures.append(f"init {extra}: check says {exit_code} {codes}")
            check = subprocess.run([closeplan, "check", target], capture_output=True, text=True)
            if check.returncode != 0:
                failures.append(f"init {extra}: closeplan check exits {check.returncode}")
            # Each mapping key the schema knows is explained the first time it appears.
            keys = [line.split(":")[0].strip(" -") for line in text.splitlines() if not line.startswith("#")]
            commented = {line.split(":")[0].strip(" -") for line in text.splitlines() if " # " in line}
            missing = sorted(set(keys) - commented)
            if missing:
                failures.append(f"init {extra}: keys without a comment: {missing}")
    print("init: starter plans valid under the schema and check")


def main() -> int:
    closeplan, root = sys.argv[1:3]
    closeplan = os.path.abspath(closeplan)
    failures = []
    schemas = {}
    for name in ["plan", "value-map"]:
        printed = subprocess.run([closeplan, "schema", name], capture_output=True, text=True, check=True).stdout
        schemas[name] = json.loads(printed)
        jsonschema.Draft202012Validator.check_schema(schemas[name])
    validators = {name: jsonschema.Draft202012Validator(s, format_checker=jsonschema.FormatChecker())
                  for name, s in schemas.items()}
    check_committed(closeplan, root, failures)
    check_files(closeplan, root, validators, failures)
    check_mutations(closeplan, root, validators["plan"], schemas["plan"], failures)
    check_init(closeplan, root, validators["plan"], failures)
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
