// API-validation rules for the rest of the PodSpec (tolerations, affinity, topology spread, DNS, gates, host
// aliases, sysctls, security profiles, OS, proc mount, volume files and modes, ephemeral volumes, mount
// propagation, finalizers, resource claims): each flags a manifest at its exact range and accepts its correction.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { app, pod, type RuleCase, runCases, workload } from '../../helpers/lint/cases';

const vol = (source: string, mounts = '') => pod(`${app(mounts)}  volumes:\n  - name: data\n${source}`);
const sc = (block: string) => pod(`  securityContext:\n${block}${app()}`);
const ctrSc = (block: string) => pod(app(`    securityContext:\n${block}`));
const osPod = (os: string, extra = '') => pod(`  os:\n    name: ${os}\n${extra}${app()}`);

const CASES: RuleCase[] = [
  {
    rule: 'invalid-toleration',
    name: 'operator Exists with a value',
    flagged: pod(`${app()}  tolerations:\n  - key: gpu\n    operator: Exists\n    value: «"true"»\n`),
    clean: pod(`${app()}  tolerations:\n  - key: gpu\n    operator: Exists\n`),
    message: 'must not have a value',
  },
  {
    rule: 'invalid-toleration',
    name: 'tolerationSeconds without effect NoExecute',
    flagged: pod(
      `${app()}  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: «NoSchedule»\n    tolerationSeconds: 60\n`,
    ),
    clean: pod(
      `${app()}  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: -5\n`,
    ),
  },
  {
    rule: 'invalid-toleration',
    name: 'an empty key with operator Equal',
    flagged: pod(`${app()}  tolerations:\n  - «effect»: NoSchedule\n`),
    clean: pod(`${app()}  tolerations:\n  - operator: Exists\n    effect: NoSchedule\n`),
    message: 'must use operator Exists',
  },
  {
    rule: 'invalid-toleration',
    name: 'a key that is not a label key',
    flagged: pod(`${app()}  tolerations:\n  - key: «dedicated pool»\n    operator: Exists\n`),
    clean: pod(`${app()}  tolerations:\n  - key: example.com/dedicated-pool\n    operator: Exists\n`),
  },
  {
    rule: 'invalid-affinity',
    name: 'a node selector requirement In without values',
    flagged: pod(
      `${app()}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: zone\n            operator: «In»\n`,
    ),
    clean: pod(
      `${app()}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: zone\n            operator: In\n            values: [a]\n`,
    ),
  },
  {
    rule: 'invalid-affinity',
    name: 'a matchFields key other than metadata.name',
    flagged: pod(
      `${app()}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchFields:\n          - key: «metadata.labels»\n            operator: In\n            values: [a]\n`,
    ),
    clean: pod(
      `${app()}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchFields:\n          - key: metadata.name\n            operator: In\n            values: [node-1]\n`,
    ),
  },
  {
    rule: 'invalid-affinity',
    name: 'a preferred weight of 0',
    flagged: pod(
      `${app()}  affinity:\n    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: «0»\n        podAffinityTerm:\n          topologyKey: kubernetes.io/hostname\n`,
    ),
    clean: pod(
      `${app()}  affinity:\n    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 100\n        podAffinityTerm:\n          topologyKey: kubernetes.io/hostname\n`,
    ),
  },
  {
    rule: 'invalid-affinity',
    name: 'a pod affinity topologyKey that is not a label key',
    flagged: pod(
      `${app()}  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels: {app: db}\n        topologyKey: «zone/a/b»\n`,
    ),
    clean: pod(
      `${app()}  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels: {app: db}\n        topologyKey: topology.kubernetes.io/zone\n`,
    ),
  },
  {
    rule: 'invalid-topology-spread',
    name: 'maxSkew 0',
    flagged: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: «0»\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n`,
    ),
    clean: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n`,
    ),
  },
  {
    rule: 'invalid-topology-spread',
    name: 'minDomains with ScheduleAnyway',
    flagged: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    minDomains: «2»\n    topologyKey: zone\n    whenUnsatisfiable: ScheduleAnyway\n`,
    ),
    clean: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    minDomains: 2\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n`,
    ),
  },
  {
    rule: 'invalid-topology-spread',
    name: 'two constraints on the same key and action (reported on the first)',
    flagged: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: «zone»\n    whenUnsatisfiable: DoNotSchedule\n  - maxSkew: 2\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n`,
    ),
    clean: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n  - maxSkew: 2\n    topologyKey: zone\n    whenUnsatisfiable: ScheduleAnyway\n`,
    ),
  },
  {
    rule: 'invalid-topology-spread',
    name: 'matchLabelKeys without a labelSelector',
    flagged: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n    «matchLabelKeys»: [pod-template-hash]\n`,
    ),
    clean: pod(
      `${app()}  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n    labelSelector:\n      matchLabels: {app: web}\n    matchLabelKeys: [pod-template-hash]\n`,
    ),
  },
  {
    rule: 'invalid-dns-config',
    name: 'dnsPolicy None without dnsConfig',
    flagged: pod(`${app()}  dnsPolicy: «None»\n`),
    clean: pod(`${app()}  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]\n`),
  },
  {
    rule: 'invalid-dns-config',
    name: 'four nameservers',
    flagged: pod(`${app()}  dnsConfig:\n    «nameservers»: [1.1.1.1, 8.8.8.8, 9.9.9.9, "::1"]\n`),
    clean: pod(
      `${app()}  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, "2001:db8::53"]\n    searches: [svc.cluster.local., _tcp.example.com, .]\n`,
    ),
  },
  {
    rule: 'invalid-dns-config',
    name: 'a nameserver that is a host name',
    flagged: pod(`${app()}  dnsConfig:\n    nameservers: [«dns.example.com»]\n`),
    clean: pod(`${app()}  dnsConfig:\n    nameservers: [10.0.0.10]\n`),
  },
  {
    rule: 'invalid-scheduling-gate',
    name: 'nodeName together with scheduling gates on a Pod',
    flagged: pod(`${app()}  «nodeName»: node-1\n  schedulingGates:\n  - name: example.com/quota\n`),
    clean: pod(`${app()}  schedulingGates:\n  - name: example.com/quota\n`),
  },
  {
    rule: 'invalid-scheduling-gate',
    name: 'nodeName with scheduling gates in a Deployment (its Pods are rejected)',
    flagged: workload(
      'Deployment',
      'apps/v1',
      `${app()}  «nodeName»: node-1\n  schedulingGates:\n  - name: example.com/quota\n`,
    ),
    clean: workload('Deployment', 'apps/v1', `${app()}  nodeName: node-1\n`),
    severity: 'warning',
    message: 'every Pod this Deployment creates will be rejected',
  },
  {
    rule: 'invalid-scheduling-gate',
    name: 'a repeated gate',
    flagged: pod(`${app()}  schedulingGates:\n  - name: example.com/quota\n  - name: «example.com/quota»\n`),
    clean: pod(`${app()}  schedulingGates:\n  - name: example.com/quota\n  - name: example.com/budget\n`),
  },
  {
    rule: 'invalid-readiness-gate',
    name: 'a conditionType with a space',
    flagged: pod(`${app()}  readinessGates:\n  - conditionType: «lb ready»\n`),
    clean: pod(`${app()}  readinessGates:\n  - conditionType: example.com/lb-ready\n`),
  },
  {
    rule: 'invalid-host-alias',
    name: 'an ip that is not an address',
    flagged: pod(`${app()}  hostAliases:\n  - ip: «localhost»\n    hostnames: [foo.local]\n`),
    clean: pod(`${app()}  hostAliases:\n  - ip: 127.0.0.1\n    hostnames: [foo.local]\n`),
  },
  {
    rule: 'invalid-sysctl',
    name: 'a net sysctl with hostNetwork',
    flagged: pod(
      `  hostNetwork: true\n  securityContext:\n    sysctls:\n    - name: «net.core.somaxconn»\n      value: "1024"\n${app()}`,
    ),
    clean: pod(`  securityContext:\n    sysctls:\n    - name: net.core.somaxconn\n      value: "1024"\n${app()}`),
  },
  {
    rule: 'invalid-sysctl',
    name: 'a sysctl set twice',
    flagged: sc(
      `    sysctls:\n    - name: kernel.shm_rmid_forced\n      value: "0"\n    - name: «kernel.shm_rmid_forced»\n      value: "1"\n`,
    ),
    clean: sc(`    sysctls:\n    - name: kernel.shm_rmid_forced\n      value: "1"\n`),
  },
  {
    rule: 'invalid-sysctl',
    name: 'a sysctl name with upper case',
    flagged: sc(`    sysctls:\n    - name: «Net.Core.Somaxconn»\n      value: "1"\n`),
    clean: sc(`    sysctls:\n    - name: net/ipv4/ip_local_port_range\n      value: "1024 65000"\n`),
  },
  {
    rule: 'invalid-security-profile',
    name: 'seccomp Localhost without localhostProfile',
    flagged: ctrSc(`      seccompProfile:\n        type: «Localhost»\n`),
    clean: ctrSc(`      seccompProfile:\n        type: Localhost\n        localhostProfile: profiles/audit.json\n`),
  },
  {
    rule: 'invalid-security-profile',
    name: 'a localhostProfile with RuntimeDefault',
    flagged: sc(`    seccompProfile:\n      type: RuntimeDefault\n      «localhostProfile»: audit.json\n`),
    clean: sc(`    seccompProfile:\n      type: RuntimeDefault\n`),
  },
  {
    rule: 'invalid-security-profile',
    name: 'an absolute seccomp localhostProfile',
    flagged: sc(
      `    seccompProfile:\n      type: Localhost\n      localhostProfile: «/var/lib/kubelet/seccomp/audit.json»\n`,
    ),
    clean: sc(`    seccompProfile:\n      type: Localhost\n      localhostProfile: audit.json\n`),
  },
  {
    rule: 'invalid-security-profile',
    name: 'an AppArmor Localhost profile with an empty localhostProfile',
    flagged: ctrSc('      appArmorProfile:\n        type: Localhost\n        localhostProfile: «""»\n'),
    clean: ctrSc('      appArmorProfile:\n        type: Localhost\n        localhostProfile: k8s-apparmor\n'),
  },
  {
    rule: 'invalid-pod-os',
    name: 'an os name in upper case',
    flagged: osPod('«Linux»'),
    clean: osPod('linux'),
  },
  {
    rule: 'invalid-pod-os',
    name: 'runAsUser in a windows pod',
    flagged: osPod('windows', `  securityContext:\n    «runAsUser»: 1000\n`),
    clean: osPod('windows', `  securityContext:\n    windowsOptions:\n      runAsUserName: ContainerUser\n`),
  },
  {
    rule: 'invalid-pod-os',
    name: 'windowsOptions in a linux pod',
    flagged: pod(
      `  os:\n    name: linux\n${app(`    securityContext:\n      «windowsOptions»:\n        runAsUserName: ContainerUser\n`)}`,
    ),
    clean: pod(`  os:\n    name: linux\n${app('    securityContext:\n      runAsUser: 1000\n')}`),
  },
  {
    rule: 'invalid-proc-mount',
    name: 'procMount Unmasked with host users',
    flagged: ctrSc('      procMount: «Unmasked»\n'),
    clean: pod(`  hostUsers: false\n${app('    securityContext:\n      procMount: Unmasked\n')}`),
  },
  {
    rule: 'invalid-host-users',
    name: 'hostPID in a pod with its own user namespace',
    flagged: pod(`  hostUsers: false\n  «hostPID»: true\n${app()}`),
    clean: pod(`  hostUsers: false\n  hostPID: false\n${app()}`),
    message: 'hostPID cannot be true when hostUsers is false',
  },
  {
    rule: 'invalid-hostname-override',
    name: 'hostnameOverride with hostNetwork',
    flagged: pod(`  hostNetwork: true\n  «hostnameOverride»: build-agent\n${app()}`),
    clean: pod(`  hostnameOverride: build-agent.ci\n${app()}`),
  },
  {
    rule: 'invalid-hostname-override',
    name: 'a hostnameOverride with upper case',
    flagged: pod(`  hostnameOverride: «Build_Agent»\n${app()}`),
    clean: pod(`  hostnameOverride: build-agent\n${app()}`),
  },
  {
    rule: 'profile-annotation-mismatch',
    name: 'a seccomp field that contradicts the pod annotation',
    flagged: pod(
      `  securityContext:\n    seccompProfile:\n      type: «Unconfined»\n${app()}`,
      '  name: web\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n',
    ),
    clean: pod(
      `  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n${app()}`,
      '  name: web\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: docker/default\n',
    ),
  },
  {
    rule: 'profile-annotation-mismatch',
    name: 'a pod AppArmor profile that contradicts a container annotation, in a Deployment',
    flagged: workload(
      'Deployment',
      'apps/v1',
      `  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: «k8s-a»\n${app()}`,
    ).replace(
      'labels: {app: web}',
      'labels: {app: web}\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-b',
    ),
    clean: workload(
      'Deployment',
      'apps/v1',
      `  securityContext:\n    appArmorProfile:\n      type: Localhost\n      localhostProfile: k8s-b\n${app()}`,
    ).replace(
      'labels: {app: web}',
      'labels: {app: web}\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-b',
    ),
    severity: 'warning',
    message: 'every Pod this Deployment creates will be rejected',
  },
  {
    rule: 'invalid-file-mode',
    name: 'a decimal defaultMode 644',
    flagged: vol('    configMap:\n      name: cfg\n      defaultMode: «644»\n'),
    clean: vol('    configMap:\n      name: cfg\n      defaultMode: 0644\n'),
    message: 'write 0644 for octal',
  },
  {
    rule: 'invalid-file-mode',
    name: 'a projected downward API item mode above 0777',
    flagged: vol(
      '    projected:\n      sources:\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef: {fieldPath: metadata.labels}\n            mode: «1000»\n',
    ),
    clean: vol(
      '    projected:\n      defaultMode: 0777\n      sources:\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef: {fieldPath: metadata.labels}\n            mode: 256\n',
    ),
  },
  {
    rule: 'invalid-volume-file',
    name: 'a configMap item path with ..',
    flagged: vol(
      '    configMap:\n      name: cfg\n      items:\n      - key: app.conf\n        path: «../etc/app.conf»\n',
    ),
    clean: vol('    configMap:\n      name: cfg\n      items:\n      - key: app.conf\n        path: etc/app.conf\n'),
  },
  {
    rule: 'invalid-volume-file',
    name: 'a downward API volume exposing spec.nodeName',
    flagged: vol(
      '    downwardAPI:\n      items:\n      - path: node\n        fieldRef:\n          fieldPath: «spec.nodeName»\n',
    ),
    clean: vol(
      "    downwardAPI:\n      items:\n      - path: team\n        fieldRef:\n          fieldPath: metadata.labels['team']\n",
    ),
  },
  {
    rule: 'invalid-volume-file',
    name: 'a projected source with two projections',
    flagged: vol(
      '    projected:\n      sources:\n      - configMap:\n          name: cfg\n        «secret»:\n          name: creds\n',
    ),
    clean: vol(
      '    projected:\n      sources:\n      - configMap:\n          name: cfg\n      - secret:\n          name: creds\n',
    ),
  },
  {
    rule: 'invalid-volume-file',
    name: 'a service account token that expires in 5 minutes',
    flagged: vol(
      '    projected:\n      sources:\n      - serviceAccountToken:\n          path: token\n          expirationSeconds: «300»\n',
    ),
    clean: vol(
      '    projected:\n      sources:\n      - serviceAccountToken:\n          path: token\n          expirationSeconds: 600\n',
    ),
  },
  {
    rule: 'invalid-ephemeral-volume',
    name: 'an ephemeral volume without a claim template',
    flagged: vol('    «ephemeral»: {}\n'),
    clean: vol(
      '    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests:\n              storage: 1Gi\n',
    ),
  },
  {
    rule: 'invalid-ephemeral-volume',
    name: 'a claim template with a name',
    flagged: vol(
      '    ephemeral:\n      volumeClaimTemplate:\n        metadata:\n          «name»: scratch\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests:\n              storage: 1Gi\n',
    ),
    clean: vol(
      '    ephemeral:\n      volumeClaimTemplate:\n        metadata:\n          labels: {type: scratch}\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests:\n              storage: 1Gi\n',
    ),
  },
  {
    rule: 'invalid-mount-propagation',
    name: 'Bidirectional propagation in an unprivileged container',
    flagged: vol(
      '    hostPath:\n      path: /mnt\n',
      '    volumeMounts:\n    - name: data\n      mountPath: /mnt\n      mountPropagation: «Bidirectional»\n',
    ),
    clean: vol(
      '    hostPath:\n      path: /mnt\n',
      '    securityContext:\n      privileged: true\n    volumeMounts:\n    - name: data\n      mountPath: /mnt\n      mountPropagation: Bidirectional\n',
    ),
  },
  {
    rule: 'invalid-finalizer',
    name: 'a finalizer with two slashes',
    flagged: pod(app(), '  name: web\n  finalizers:\n  - «example.com/a/b»\n'),
    clean: pod(app(), '  name: web\n  finalizers:\n  - example.com/cleanup\n'),
  },
  {
    rule: 'invalid-resource-claim',
    name: 'a container claim that names no pod claim',
    flagged: pod(
      `${app('    resources:\n      claims:\n      - name: «gpu»\n')}  resourceClaims:\n  - name: tpu\n    resourceClaimTemplateName: tpu-template\n`,
    ),
    clean: pod(
      `${app('    resources:\n      claims:\n      - name: gpu\n')}  resourceClaims:\n  - name: gpu\n    resourceClaimTemplateName: gpu-template\n`,
    ),
  },
  {
    rule: 'invalid-resource-claim',
    name: 'a pod claim with both sources',
    flagged: pod(
      `${app()}  resourceClaims:\n  - name: gpu\n    resourceClaimName: gpu-claim\n    «resourceClaimTemplateName»: gpu-template\n`,
    ),
    clean: pod(`${app()}  resourceClaims:\n  - name: gpu\n    resourceClaimName: gpu-claim\n`),
  },
];

runCases(CASES);

describe('kustomize patches', () => {
  it('do not get findings that need fields the base may supply', () => {
    const patch = workload(
      'Deployment',
      'apps/v1',
      `  dnsPolicy: None\n  containers:\n  - name: app\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [3]}\n    securityContext:\n      procMount: Unmasked\n      seccompProfile:\n        type: Localhost\n    volumeMounts:\n    - name: data\n      mountPath: /mnt\n      mountPropagation: Bidirectional\n  topologySpreadConstraints:\n  - topologyKey: zone\n    minDomains: 2\n  volumes:\n  - name: data\n    ephemeral: {}\n`,
    );
    const found = lintText(patch, { kustomizePatch: true }).filter((f) => f.severity === 'error');
    expect(found.map((f) => `${f.rule} ${f.path}`)).toEqual([]);
    // The same text as a whole object is rejected on each of these counts.
    const whole = new Set(lintText(patch).map((f) => f.rule));
    for (const rule of [
      'invalid-dns-config',
      'container-restart-policy',
      'invalid-proc-mount',
      'invalid-security-profile',
      'invalid-mount-propagation',
      'invalid-topology-spread',
      'invalid-ephemeral-volume',
    ])
      expect(whole).toContain(rule);
  });
});

describe('pod-spec area messages', () => {
  it('are one line of at most 100 characters', () => {
    const rules = new Set(CASES.map((c) => c.rule));
    for (const c of CASES) {
      for (const f of lintText(c.flagged.replace(/[«»]/g, '')).filter((x) => rules.has(x.rule))) {
        expect(f.message, f.message).not.toContain('\n');
        expect(f.message.length, f.message).toBeLessThanOrEqual(100);
      }
    }
  });
});
