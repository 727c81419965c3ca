{{/*
The permissions the operator needs on the objects it reconciles, in every namespace it watches.
The backend rules list exactly the kinds the operator emits with each backend
(io.fraudpipeline.operator.backend.Backends.allKinds(): Crossplane's and ACK's); a test in helm/
fails when the two differ.
*/}}
{{- define "fpo.reconcileRules" -}}
# The FraudPipeline kind: watch it, write its status, and add and remove its finalizer (patch),
# with which the operator deletes a pipeline's managed resources in order.
- apiGroups: ["fraudpipeline.io"]
  resources: ["fraudpipelines"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["fraudpipeline.io"]
  resources: ["fraudpipelines/status"]
  verbs: ["get", "patch", "update"]
# update on fraudpipelines/finalizers is what the API server asks of an ownerReference with
# blockOwnerDeletion, which every managed resource carries.
- apiGroups: ["fraudpipeline.io"]
  resources: ["fraudpipelines/finalizers"]
  verbs: ["update"]
# Events that `kubectl describe fp` shows.
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
# Each pipeline's outputs ConfigMap (<pipeline>-outputs), which the operator keeps current and the
# garbage collector deletes with the pipeline.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# The Crossplane managed resources (*.aws.m.upbound.io) the operator creates and owns.
{{- range $group, $plurals := include "fpo.crossplaneResources" . | fromYaml }}
- apiGroups: [{{ $group | quote }}]
  resources: [{{ range $i, $p := $plurals }}{{ if $i }}, {{ end }}{{ $p | quote }}{{ end }}]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
{{- end }}
# The ACK resources (*.services.k8s.aws) the operator creates and owns.
{{- range $group, $plurals := include "fpo.ackResources" . | fromYaml }}
- apiGroups: [{{ $group | quote }}]
  resources: [{{ range $i, $p := $plurals }}{{ if $i }}, {{ end }}{{ $p | quote }}{{ end }}]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
{{- end }}
{{- end -}}

{{/* API group -> plurals of the Crossplane kinds the operator emits. */}}
{{- define "fpo.crossplaneResources" -}}
apigateway.aws.m.upbound.io: [deployments, integrations, methods, methodsettings, resources, restapis, stages, apikeys, usageplans, usageplankeys]
cloudwatch.aws.m.upbound.io: [dashboards, metricalarms]
cloudwatchevents.aws.m.upbound.io: [rules, targets]
cloudwatchlogs.aws.m.upbound.io: [groups]
dynamodb.aws.m.upbound.io: [tables]
iam.aws.m.upbound.io: [roles, rolepolicies, rolepolicyattachments]
lambda.aws.m.upbound.io: [aliases, eventsourcemappings, functioneventinvokeconfigs, functions, permissions]
sns.aws.m.upbound.io: [topics, topicsubscriptions]
sqs.aws.m.upbound.io: [queues]
{{- end -}}


{{/* API group -> plurals of the ACK kinds the operator emits. */}}
{{- define "fpo.ackResources" -}}
apigateway.services.k8s.aws: [deployments, integrations, methods, resources, restapis, stages]
cloudwatch.services.k8s.aws: [dashboards, metricalarms]
cloudwatchlogs.services.k8s.aws: [loggroups]
dynamodb.services.k8s.aws: [tables]
eventbridge.services.k8s.aws: [rules]
iam.services.k8s.aws: [roles]
lambda.services.k8s.aws: [aliases, eventsourcemappings, functions]
sns.services.k8s.aws: [subscriptions, topics]
sqs.services.k8s.aws: [queues]
{{- end -}}
