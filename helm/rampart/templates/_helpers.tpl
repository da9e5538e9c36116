{{/* Names are capped at 63 characters (DNS label), the limit for Service and label values. */}}
{{- define "rampart.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rampart.fullname" -}}
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

{{/* Name of a component's objects. Expects (dict "root" $ "component" "guardrail"). */}}
{{- define "rampart.componentName" -}}
{{- printf "%s-%s" (include "rampart.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rampart.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rampart.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "rampart.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "rampart.selectorLabels" . }}
app.kubernetes.io/version: {{ default .root.Chart.AppVersion .root.Values.image.tag | trunc 63 | quote }}
app.kubernetes.io/part-of: rampart
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
rampart.dev/environment: {{ .root.Values.environment }}
{{- end -}}

{{/* Pod labels leave out the chart version, so a chart-only change does not restart every pod. */}}
{{- define "rampart.podLabels" -}}
{{ include "rampart.selectorLabels" . }}
app.kubernetes.io/version: {{ default .root.Chart.AppVersion .root.Values.image.tag | trunc 63 | quote }}
app.kubernetes.io/part-of: rampart
rampart.dev/environment: {{ .root.Values.environment }}
{{- end -}}

{{/* Pinning by digest makes a deployment reproducible: the same Git commit always runs the same bytes. */}}
{{- define "rampart.image" -}}
{{- $image := .Values.image -}}
{{- if and $image.requireDigest (not $image.digest) -}}
{{- fail "image.digest is required in this environment (image.requireDigest is true): pin the released image by digest" -}}
{{- end -}}
{{- $tag := default .Chart.AppVersion $image.tag -}}
{{- if $image.digest -}}
{{- if $image.tag -}}
{{- printf "%s:%s@%s" $image.repository $tag $image.digest -}}
{{- else -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- end -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Values files load numbers as floats; print whole numbers without an exponent (1e+06 is no port). */}}
{{- define "rampart.envString" -}}
{{- if and (kindIs "float64" .) (eq . (float64 (int64 .))) -}}
{{- int64 . -}}
{{- else -}}
{{- . -}}
{{- end -}}
{{- end -}}

{{/*
The non-secret environment of one service: its extra env, then the shared config, then its own config
overrides, then what the chart owns. Keys are set one by one because sprig's merge treats false and 0 as
missing. Empty strings are dropped so the service's own default applies.
Expects (dict "root" $ "name" "guardrail" "svc" $svc).
*/}}
{{- define "rampart.configData" -}}
{{- $env := dict -}}
{{- range $key, $value := (.svc.env | default dict) }}{{ $_ := set $env $key $value }}{{ end -}}
{{- range $key, $value := .root.Values.config }}{{ $_ := set $env $key $value }}{{ end -}}
{{- range $key, $value := (.svc.config | default dict) }}{{ $_ := set $env $key $value }}{{ end -}}
{{- $_ := set $env "HTTP_HOST" "0.0.0.0" -}}
{{- $_ := set $env "HTTP_PORT" .svc.port -}}
{{- $_ := set $env "OTEL_SERVICE_NAME" .name -}}
{{- if .svc.maxOldSpaceSizeMb -}}
{{- $_ := set $env "NODE_OPTIONS" (printf "--max-old-space-size=%s" (include "rampart.envString" .svc.maxOldSpaceSizeMb)) -}}
{{- end -}}
{{- range $key := keys $env | sortAlpha }}
{{- $value := get $env $key }}
{{- if not (or (kindIs "invalid" $value) (and (kindIs "string" $value) (eq $value ""))) }}
{{ $key }}: {{ include "rampart.envString" $value | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Longer than the service's own shutdown budget, so SIGKILL only ever hits a service that is stuck. */}}
{{- define "rampart.terminationGracePeriodSeconds" -}}
{{- $drain := get .config "SHUTDOWN_DRAIN_DELAY_MS" | default "0" | atoi -}}
{{- $timeout := get .config "SHUTDOWN_TIMEOUT_MS" | default "25000" | atoi -}}
{{- add (div (add $drain $timeout 999) 1000) .root.Values.terminationGraceBufferSeconds -}}
{{- end -}}

{{/* Credentials: always references into Secrets, so no rendered manifest ever carries one. */}}
{{- define "rampart.secretEnv" -}}
{{- $secret := .root.Values.secrets.existingSecret -}}
{{- $keys := .root.Values.secrets.keys -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $keys.databaseUrl }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $keys.redisUrl }}
{{- range $env, $key := dict "NATS_TOKEN" $keys.natsToken "NATS_USER" $keys.natsUser "NATS_PASSWORD" $keys.natsPassword }}
{{- if $key }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
      optional: true
{{- end }}
{{- end }}
{{- end -}}

{{- define "rampart.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "rampart.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Whether a service keeps more than one pod up, which is when a PodDisruptionBudget makes sense. */}}
{{- define "rampart.multiReplica" -}}
{{- if .autoscaling.enabled -}}
{{- if gt (int .autoscaling.minReplicas) 1 }}true{{ end -}}
{{- else if gt (int .replicas) 1 -}}
true
{{- end -}}
{{- end -}}

{{/*
What runs as pods: each enabled service, then each of its enabled workers — a Deployment of the same
service in another role (its component is "<service>-<worker>"), with the worker's replicas, resources, env
and config keys over the service's, and never autoscaled. Returned as JSON (numbers come back as floats, which
rampart.envString prints as integers). Use with: include "rampart.units" $ | fromJsonArray
*/}}
{{- define "rampart.units" -}}
{{- $units := list -}}
{{- range $name, $svc := .Values.services }}
{{- if $svc.enabled }}
{{- $units = append $units (dict "name" $name "component" $name "svc" $svc "worker" false) -}}
{{- range $role, $worker := ($svc.workers | default dict) }}
{{- if $worker.enabled }}
{{- $unit := deepCopy $svc -}}
{{- $_ := unset $unit "workers" -}}
{{- $config := deepCopy ($svc.config | default dict) -}}
{{- range $key, $value := ($worker.config | default dict) }}{{ $_ := set $config $key $value }}{{ end -}}
{{- $_ := set $unit "config" $config -}}
{{- $env := deepCopy ($svc.env | default dict) -}}
{{- range $key, $value := ($worker.env | default dict) }}{{ $_ := set $env $key $value }}{{ end -}}
{{- $_ := set $unit "env" $env -}}
{{- $_ := set $unit "autoscaling" (dict "enabled" false) -}}
{{- if hasKey $worker "replicas" }}{{ $_ := set $unit "replicas" $worker.replicas }}{{ end -}}
{{- with $worker.resources }}{{ $_ := set $unit "resources" . }}{{ end -}}
{{- with $worker.maxOldSpaceSizeMb }}{{ $_ := set $unit "maxOldSpaceSizeMb" . }}{{ end -}}
{{- $units = append $units (dict "name" $name "component" (printf "%s-%s" $name $role) "svc" $unit "worker" true) -}}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
{{- toJson $units -}}
{{- end -}}

{{/*
A guardrail that only checks must have a worker that audits, or its decisions wait in the stream forever.
Expects the list from rampart.units.
*/}}
{{- define "rampart.validateRoles" -}}
{{- $roles := dict -}}
{{- range . }}
{{- if eq .name "guardrail" }}
{{- $_ := set $roles .component (get (.svc.env | default dict) "GUARDRAIL_ROLE" | default "all") -}}
{{- end }}
{{- end -}}
{{- if eq (get $roles "guardrail" | default "all") "check" -}}
{{- $audited := false -}}
{{- range $component, $role := $roles }}{{ if and (ne $component "guardrail") (has $role (list "audit" "all")) }}{{ $audited = true }}{{ end }}{{ end -}}
{{- if not $audited -}}
{{- fail "services.guardrail.env.GUARDRAIL_ROLE is check, but no enabled services.guardrail.workers entry sets env GUARDRAIL_ROLE to audit: its decisions would never reach the audit log" -}}
{{- end -}}
{{- end -}}
{{- end -}}
