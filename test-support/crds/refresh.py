#!/usr/bin/env python3
"""Refreshes the vendored CRDs from the reference folder beside the repository.

The tests read the committed copies here, never the reference folder: a clone
of the repository stands alone. Each CRD is reduced to its schema facts (every
`description` dropped; types, required, enums, formats, patterns, CEL rules,
defaults and subresources kept), which is all an API server or a validator
needs.

    python3 test-support/crds/refresh.py [SHARED_DIR]

SHARED_DIR defaults to ../shared beside the repository.
"""
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent

# The Crossplane kinds the operator emits (its crossplane.kinds package), the
# Lambda Alias the SnapStart wiring adds, and the provider configuration kinds
# the examples and the chart's RBAC name; the pipeline check's schedule
# (an EventBridge rule and target, decision 0011) and the dashboard.
CROSSPLANE = [
    "apigateway.aws.m.upbound.io_apikeys.yaml",
    "apigateway.aws.m.upbound.io_deployments.yaml",
    "apigateway.aws.m.upbound.io_integrations.yaml",
    "apigateway.aws.m.upbound.io_methods.yaml",
    "apigateway.aws.m.upbound.io_methodsettings.yaml",
    "apigateway.aws.m.upbound.io_resources.yaml",
    "apigateway.aws.m.upbound.io_restapis.yaml",
    "apigateway.aws.m.upbound.io_stages.yaml",
    "apigateway.aws.m.upbound.io_usageplankeys.yaml",
    "apigateway.aws.m.upbound.io_usageplans.yaml",
    "aws.m.upbound.io_clusterproviderconfigs.yaml",
    "aws.m.upbound.io_providerconfigs.yaml",
    "cloudwatch.aws.m.upbound.io_dashboards.yaml",
    "cloudwatch.aws.m.upbound.io_metricalarms.yaml",
    "cloudwatchevents.aws.m.upbound.io_rules.yaml",
    "cloudwatchevents.aws.m.upbound.io_targets.yaml",
    "cloudwatchlogs.aws.m.upbound.io_groups.yaml",
    "dynamodb.aws.m.upbound.io_tables.yaml",
    "iam.aws.m.upbound.io_rolepolicies.yaml",
    "iam.aws.m.upbound.io_rolepolicyattachments.yaml",
    "iam.aws.m.upbound.io_roles.yaml",
    "lambda.aws.m.upbound.io_aliases.yaml",
    "lambda.aws.m.upbound.io_eventsourcemappings.yaml",
    "lambda.aws.m.upbound.io_functioneventinvokeconfigs.yaml",
    "lambda.aws.m.upbound.io_functions.yaml",
    "lambda.aws.m.upbound.io_permissions.yaml",
    "sns.aws.m.upbound.io_topics.yaml",
    "sns.aws.m.upbound.io_topicsubscriptions.yaml",
    "sqs.aws.m.upbound.io_queues.yaml",
]

SETS = {
    "crossplane": ("crossplane/provider-aws-crds", CROSSPLANE),
    "ack": ("ack/crds", None),  # every ACK CRD of the reference folder
}


def reduce(node, field_names=False):
    """Drops description text at every level; keeps everything else.

    Under `properties` the keys are field names, so a field called
    `description` (an API Gateway RestApi has one) is kept.
    """
    if isinstance(node, dict):
        return {
            k: reduce(v, field_names=(k == "properties" and not field_names))
            for k, v in node.items()
            if field_names or k != "description"
        }
    if isinstance(node, list):
        return [reduce(v) for v in node]
    return node


def strip_metadata(crd):
    meta = crd.get("metadata", {})
    kept = {"name": meta["name"]}
    if meta.get("annotations"):
        versions = {
            k: v for k, v in meta["annotations"].items() if k.endswith("version")
        }
        if versions:
            kept["annotations"] = versions
    crd["metadata"] = kept
    crd.pop("status", None)
    return crd


def main():
    shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared"
    for name, (source, files) in SETS.items():
        src = shared / source
        if not src.is_dir():
            sys.exit(f"refresh.py: {src} not found (pass the reference folder as an argument)")
        out = HERE / name
        out.mkdir(exist_ok=True)
        for old in out.glob("*.yaml"):
            old.unlink()
        names = files or sorted(p.name for p in src.glob("*.yaml"))
        for f in names:
            crd = strip_metadata(reduce(yaml.safe_load((src / f).read_text())))
            (out / f).write_text(
                yaml.safe_dump(crd, sort_keys=False, width=1000, allow_unicode=True)
            )
        print(f"{name}: {len(names)} CRDs from {src}")


if __name__ == "__main__":
    main()
