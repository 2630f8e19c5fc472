{{/* Chart name, possibly overridden. */}}
{{- define "headroom.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every object name: fullnameOverride, or "<release>-<name>" unless the release
     name already contains the chart name. */}}
{{- define "headroom.fullname" -}}
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

{{- define "headroom.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the operator pods; never change them between releases. */}}
{{- define "headroom.selectorLabels" -}}
app.kubernetes.io/name: {{ include "headroom.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "headroom.labels" -}}
helm.sh/chart: {{ include "headroom.chart" . }}
{{ include "headroom.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: headroom
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "headroom.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "headroom.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* repository[:tag][@digest]; the tag defaults to the chart's appVersion. */}}
{{- define "headroom.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- if .Values.image.tag -}}
{{- printf "%s:%s@%s" .Values.image.repository .Values.image.tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- end -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The operator's permissions, parsed from files/clusterrole-rules.yaml (the single source). */}}
{{- define "headroom.rules" -}}
{{- $rules := fromYamlArray (.Files.Get "files/clusterrole-rules.yaml") -}}
{{- if not $rules -}}
{{- fail "files/clusterrole-rules.yaml is missing or empty" -}}
{{- end -}}
{{- range $rules -}}
{{- if not (kindIs "map" .) -}}
{{- fail (printf "files/clusterrole-rules.yaml does not parse as a list of rules: %v" .) -}}
{{- end -}}
{{- end -}}
{{- toYaml $rules -}}
{{- end -}}

{{/*
Splits the rules for namespace-scoped mode into a dict of three lists:
  cluster:    rules on cluster-scoped resources (namespaces), for a ClusterRole
  lease:      rules on coordination.k8s.io leases, for a Role in the release namespace
  namespaced: everything else, for a Role in each watched namespace
A rule that names both kinds of resource is split so that every (group, resource, verb) of the
file lands in exactly one list.
*/}}
{{- define "headroom.splitRules" -}}
{{- $clusterScoped := list "namespaces" -}}
{{- $out := dict "cluster" (list) "lease" (list) "namespaced" (list) -}}
{{- range (include "headroom.rules" . | fromYamlArray) -}}
{{- $rule := . -}}
{{- $groups := $rule.apiGroups | default (list) -}}
{{- $cluster := list -}}
{{- $lease := list -}}
{{- $namespaced := list -}}
{{- range $rule.resources -}}
{{- if has . $clusterScoped -}}
{{- $cluster = append $cluster . -}}
{{- else if and (eq . "leases") (has "coordination.k8s.io" $groups) -}}
{{- $lease = append $lease . -}}
{{- else -}}
{{- $namespaced = append $namespaced . -}}
{{- end -}}
{{- end -}}
{{- if $cluster -}}
{{- $_ := set $out "cluster" (append $out.cluster (merge (dict "resources" $cluster) (omit $rule "resources"))) -}}
{{- end -}}
{{- if $lease -}}
{{- $_ := set $out "lease" (append $out.lease (merge (dict "resources" $lease) (omit $rule "resources"))) -}}
{{- end -}}
{{- if $namespaced -}}
{{- $_ := set $out "namespaced" (append $out.namespaced (merge (dict "resources" $namespaced) (omit $rule "resources"))) -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Combinations of values that the schema cannot reject with a clear message. */}}
{{- define "headroom.validate" -}}
{{- if and (gt (int .Values.replicas) 1) (not .Values.leaderElection.enabled) -}}
{{- fail (printf "replicas is %d but leaderElection.enabled is false: several operators without a leader would fight over every workload. Set leaderElection.enabled=true or replicas=1." (int .Values.replicas)) -}}
{{- end -}}
{{- if and .Values.shard.selector (eq .Values.leaderElection.leaseName "headroom-operator") -}}
{{- fail "shard.selector is set but leaderElection.leaseName is headroom-operator, the Lease of an unsharded operator: leave leaseName empty (the release's full name) or give the shard a Lease of its own" -}}
{{- end -}}
{{- if and .Values.prometheus.bearerTokenFile .Values.prometheus.bearerTokenSecret.name -}}
{{- fail "set prometheus.bearerTokenFile or prometheus.bearerTokenSecret.name, not both" -}}
{{- end -}}
{{- if and .Values.prometheus.caFile .Values.prometheus.caConfigMap.name -}}
{{- fail "set prometheus.caFile or prometheus.caConfigMap.name, not both" -}}
{{- end -}}
{{- if hasKey .Values.prometheusRule.alertLabels "severity" -}}
{{- fail "prometheusRule.alertLabels may not set severity: set prometheusRule.alerts.<alert>.severity instead" -}}
{{- end -}}
{{- if hasKey .Values.grafanaDashboard.labels "grafana_dashboard" -}}
{{- fail "grafanaDashboard.labels may not set grafana_dashboard: the chart always sets it to \"1\" for Grafana's dashboard sidecar" -}}
{{- end -}}
{{- end -}}

{{/* Name of cluster-scoped objects (ClusterRole, ClusterRoleBinding): the full name plus the
     release namespace, so that releases of the same name in two namespaces (shards) never
     share or overwrite each other's cluster-wide grants. */}}
{{- define "headroom.clusterObjectName" -}}
{{- printf "%s-%s" (include "headroom.fullname" .) .Release.Namespace -}}
{{- end -}}

{{/* The leader-election Lease: leaderElection.leaseName, else the release's full name for a
     shard (each shard has its own), else headroom-operator. */}}
{{- define "headroom.leaseName" -}}
{{- if .Values.leaderElection.leaseName -}}
{{- .Values.leaderElection.leaseName -}}
{{- else if .Values.shard.selector -}}
{{- include "headroom.fullname" . -}}
{{- else -}}
headroom-operator
{{- end -}}
{{- end -}}
