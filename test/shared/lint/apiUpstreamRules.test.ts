// The checks the upstream case table showed missing: resize policies, volume source fields, SELinux change policy,
// GMSA credential spec names and fieldRef API versions, each flagged at its exact range and silent once fixed.
import { app, pod, type RuleCase, runCases, workload } from '../../helpers/lint/cases';

const resize = (entries: string) => pod(app(`    resizePolicy:\n${entries}`));
const volume = (source: string) => pod(`${app()}  volumes:\n  - name: data\n${source}`);
const env = (fieldRef: string) =>
  pod(app(`    env:\n    - name: POD\n      valueFrom:\n        fieldRef:\n${fieldRef}`));

const device = (volume: string, extra = '') =>
  pod(`${app(`${extra}    volumeDevices:\n    - name: disk\n      devicePath: /dev/xvda\n`)}  volumes:\n${volume}`);
const claim = '  - name: disk\n    persistentVolumeClaim:\n      claimName: block\n';

const podRes = (ctr: string, podLevel: string) => pod(`${app(`    resources:\n${ctr}`)}  resources:\n${podLevel}`);

const CASES: RuleCase[] = [
  {
    rule: 'invalid-pod-resources',
    name: 'a pod-level request below the container request',
    flagged: podRes('      requests:\n        cpu: "2"\n', '    requests:\n      cpu: «"1"»\n'),
    clean: podRes('      requests:\n        cpu: "1"\n', '    requests:\n      cpu: "1"\n'),
    message: 'must be greater than or equal to aggregate container requests of 2',
  },
  {
    rule: 'invalid-pod-resources',
    name: 'a container limit above the pod-level limit',
    flagged: podRes('      limits:\n        memory: «2Gi»\n', '    limits:\n      memory: 1Gi\n'),
    clean: podRes('      limits:\n        memory: 1Gi\n', '    limits:\n      memory: 1Gi\n'),
    message: 'must be less than or equal to pod limits of 1Gi',
  },
  {
    rule: 'invalid-volume-device',
    name: 'a block device on an emptyDir',
    flagged: device('  - name: disk\n    emptyDir: {}\n').replace(
      '    - name: disk\n      devicePath',
      '    - name: «disk»\n      devicePath',
    ),
    clean: device(claim),
    message: 'can only use volume source type of PersistentVolumeClaim or Ephemeral',
  },
  {
    rule: 'invalid-volume-device',
    name: 'a devicePath that is also a mountPath',
    flagged: device(
      `${claim}  - name: tmp\n    emptyDir: {}\n`,
      '    volumeMounts:\n    - name: tmp\n      mountPath: /dev/xvda\n',
    ).replace('devicePath: /dev/xvda', 'devicePath: «/dev/xvda»'),
    clean: device(
      `${claim}  - name: tmp\n    emptyDir: {}\n`,
      '    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n',
    ),
    message: 'must not be a mount path',
  },
  {
    rule: 'invalid-resize-policy',
    name: 'a resize policy for storage',
    flagged: resize('    - resourceName: «storage»\n      restartPolicy: NotRequired\n'),
    clean: resize('    - resourceName: memory\n      restartPolicy: NotRequired\n'),
    message: 'resizePolicy: Unsupported value: "storage"',
  },
  {
    rule: 'invalid-resize-policy',
    name: 'an unknown resize restartPolicy',
    flagged: resize('    - resourceName: cpu\n      restartPolicy: «Restart»\n'),
    clean: resize('    - resourceName: cpu\n      restartPolicy: RestartContainer\n'),
    message: 'supported values: "NotRequired", "RestartContainer"',
  },
  {
    rule: 'invalid-resize-policy',
    name: 'cpu listed twice (in a Deployment template)',
    flagged: workload(
      'Deployment',
      'apps/v1',
      app(
        '    resizePolicy:\n    - resourceName: cpu\n    - resourceName: «cpu»\n      restartPolicy: RestartContainer\n',
      ),
    ),
    clean: workload(
      'Deployment',
      'apps/v1',
      app(
        '    resizePolicy:\n    - resourceName: cpu\n    - resourceName: memory\n      restartPolicy: RestartContainer\n',
      ),
    ),
    message: 'Duplicate value: "cpu"',
  },
  {
    rule: 'invalid-volume-source',
    name: "a hostPath with '..'",
    flagged: volume('    hostPath:\n      path: «/var/../etc»\n'),
    clean: volume('    hostPath:\n      path: /etc\n'),
    message: "must not contain '..'",
  },
  {
    rule: 'invalid-volume-source',
    name: 'a relative nfs path',
    flagged: volume('    nfs:\n      server: nfs.example\n      path: «exports/data»\n'),
    clean: volume('    nfs:\n      server: nfs.example\n      path: /exports/data\n'),
    message: 'must be an absolute path',
  },
  {
    rule: 'invalid-volume-source',
    name: 'an iscsi lun of 256',
    flagged: volume(
      '    iscsi:\n      targetPortal: 10.0.0.1:3260\n      iqn: iqn.2001-04.com.example:disk\n      lun: «256»\n',
    ),
    clean: volume(
      '    iscsi:\n      targetPortal: 10.0.0.1:3260\n      iqn: iqn.2001-04.com.example:disk\n      lun: 255\n',
    ),
    message: 'must be between 0 and 255, inclusive',
  },
  {
    rule: 'invalid-volume-source',
    name: 'a gitRepo directory outside the volume',
    flagged: volume('    gitRepo:\n      repository: https://example.com/r.git\n      directory: «../up»\n'),
    clean: volume('    gitRepo:\n      repository: https://example.com/r.git\n      directory: repo\n'),
    message: "must not contain '..'",
  },
  {
    rule: 'invalid-volume-source',
    name: 'an image volume without a reference (a warning on a template)',
    flagged: workload(
      'Deployment',
      'apps/v1',
      `${app()}  volumes:\n  - name: data\n    «image»:\n      pullPolicy: Always\n`,
    ),
    clean: workload(
      'Deployment',
      'apps/v1',
      `${app()}  volumes:\n  - name: data\n    image:\n      reference: registry.example/data:1\n`,
    ),
    severity: 'warning',
    message: 'every Pod this Deployment creates will be rejected',
  },
  {
    rule: 'invalid-volume-source',
    name: 'a negative emptyDir sizeLimit',
    flagged: volume('    emptyDir:\n      sizeLimit: «-1Gi»\n'),
    clean: volume('    emptyDir:\n      sizeLimit: 1Gi\n'),
    message: 'SizeLimit field must be a valid resource quantity',
  },
  {
    rule: 'invalid-security-context',
    name: 'an unknown seLinuxChangePolicy',
    flagged: pod(`  securityContext:\n    seLinuxChangePolicy: «Never»\n${app()}`),
    clean: pod(`  securityContext:\n    seLinuxChangePolicy: MountOption\n${app()}`),
    message: 'supported values: "MountOption", "Recursive"',
  },
  {
    rule: 'invalid-security-context',
    name: 'a gmsaCredentialSpecName that is not a DNS subdomain',
    flagged: pod(app('    securityContext:\n      windowsOptions:\n        gmsaCredentialSpecName: «GMSA_Spec»\n')),
    clean: pod(app('    securityContext:\n      windowsOptions:\n        gmsaCredentialSpecName: gmsa-spec\n')),
    message: 'windowsOptions.gmsaCredentialSpecName: Invalid value',
  },
  {
    rule: 'invalid-env-source',
    name: 'a fieldRef with apiVersion v2',
    flagged: env('          apiVersion: v2\n          fieldPath: «metadata.name»\n'),
    clean: env('          apiVersion: v1\n          fieldPath: metadata.name\n'),
    message: 'unsupported pod version: v2',
  },
  {
    rule: 'invalid-volume-file',
    name: 'a downward API volume fieldRef with apiVersion v2',
    flagged: volume(
      '    downwardAPI:\n      items:\n      - path: name\n        fieldRef:\n          apiVersion: v2\n          fieldPath: «metadata.name»\n',
    ),
    clean: volume(
      '    downwardAPI:\n      items:\n      - path: name\n        fieldRef:\n          fieldPath: metadata.name\n',
    ),
    message: 'pods are v1',
  },
];

runCases(CASES);
