/** Pod-level fields with effects beyond their schema text: runtimeClassName and imagePullSecrets. */
import { parseImageRef } from '../k8s';
import { type PodView, resolvePod } from '../model';
import { code, joinAnd } from './text';

export function explainRuntimeClass(pod: PodView): string[] {
  const f = pod.runtimeClassName;
  if (f.kind !== 'value' || f.value === '') {
    return ["Not set: the node's default runtime handler runs the pod (the implicit legacy RuntimeClass)."];
  }
  return [
    `Runs under RuntimeClass ${code(f.value)} (node.k8s.io/v1): its handler picks the runtime (for example gVisor or Kata), and its overhead and node scheduling rules are added to the pod at admission.`,
    `If no RuntimeClass ${code(f.value)} exists, the API server rejects the pod; if the node lacks the handler, the pod fails to start its sandbox.`,
  ];
}

/** The registries this pod pulls from, for matching them against its pull secrets. */
function registries(pod: PodView): string[] {
  const out = new Set<string>();
  for (const c of resolvePod(pod).views) {
    if (c.image.kind !== 'value') continue;
    const r = parseImageRef(c.image.value);
    if (r.ok) out.add(r.ref.domain);
  }
  return [...out];
}

export function explainPullSecrets(pod: PodView): string[] {
  const names = pod.imagePullSecrets.flatMap((s) => (s.name.kind === 'value' ? [code(s.name.value)] : []));
  const regs = registries(pod).map(code);
  return [
    names.length
      ? `The kubelet offers Secrets ${joinAnd(names)} (type kubernetes.io/dockerconfigjson, same namespace) to the registry for every image of this pod, together with the ServiceAccount's pull secrets.`
      : "No pull secrets here: only the ServiceAccount's pull secrets (if any) are used.",
    ...(regs.length ? [`Registries this pod pulls from: ${joinAnd(regs)}.`] : []),
    'A missing Secret is not an error at creation: a private pull then fails with ErrImagePull and backs off up to 300 s.',
  ];
}
