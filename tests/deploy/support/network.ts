import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';

/** Whether a rule lets TCP traffic to `port` through: a rule without ports allows every port. */
function ruleAllowsPort(rule: INetworkPolicyEgressRule, port: number): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== 'TCP') return false;
    if (p.port === undefined) return true;
    if (typeof p.port !== 'number') return false;
    return p.endPort === undefined ? p.port === port : port >= p.port && port <= p.endPort;
  });
}

/** Whether the policy allows egress to TCP `port` to at least some destination. */
export function allowsEgressTo(policy: INetworkPolicy, port: number): boolean {
  if (!policy.spec!.policyTypes?.includes('Egress')) return true;
  return (policy.spec!.egress ?? []).some((rule) => ruleAllowsPort(rule, port));
}
