{{/* Chart name, overridable. */}}
{{- define "fpo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the release's objects: the release name alone when it already contains the chart name. */}}
{{- define "fpo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the operator pods; they never change between upgrades. */}}
{{- define "fpo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fpo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "fpo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "fpo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: fraud-pipeline
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "fpo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "fpo.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name must name an existing ServiceAccount when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image reference: a digest pins it, otherwise the tag (default: the chart's appVersion). */}}
{{- define "fpo.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* Two active operators would fight over the same managed resources. */}}
{{- define "fpo.checkValues" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.operator.leaderElection) -}}
{{- fail "replicaCount > 1 needs operator.leaderElection=true: without it every replica would reconcile the same FraudPipelines" -}}
{{- end -}}
{{- end -}}
