/**
 * Registry hosts that serve images without credentials (or, for cloud registries, that nodes usually reach with
 * their own identity), so a pod pulling from them needs no imagePullSecrets. Each entry names where the registry
 * documents anonymous pulls.
 */
const PUBLIC_REGISTRIES: readonly { host: RegExp; source: string }[] = [
  {
    host: /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/,
    source: 'https://docs.docker.com/docker-hub/usage/',
  },
  { host: /^quay\.io$/, source: 'https://docs.quay.io/guides/' },
  { host: /^ghcr\.io$/, source: 'https://docs.github.com/packages/working-with-a-github-packages-registry' },
  {
    host: /^(registry\.k8s\.io|k8s\.gcr\.io)$/,
    source: 'https://kubernetes.io/blog/2022/11/28/registry-k8s-io-faster-cheaper-ga/',
  },
  {
    host: /^([a-z-]+\.)?gcr\.io$/,
    source: 'https://cloud.google.com/artifact-registry/docs/transition/gcr-repositories',
  },
  { host: /\.pkg\.dev$/, source: 'https://cloud.google.com/artifact-registry/docs/access-control' },
  { host: /^mcr\.microsoft\.com$/, source: 'https://mcr.microsoft.com/' },
  { host: /\.azurecr\.io$/, source: 'https://learn.microsoft.com/azure/aks/cluster-container-registry-integration' },
  { host: /^public\.ecr\.aws$/, source: 'https://docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html' },
  {
    host: /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html',
  },
  { host: /^docker\.elastic\.co$/, source: 'https://www.docker.elastic.co/' },
  { host: /^registry\.gitlab\.com$/, source: 'https://docs.gitlab.com/user/packages/container_registry/' },
  { host: /^nvcr\.io$/, source: 'https://docs.nvidia.com/ngc/latest/ngc-catalog-user-guide.html' },
  { host: /^cgr\.dev$/, source: 'https://edu.chainguard.dev/chainguard/chainguard-images/' },
  { host: /^registry\.istio\.io$/, source: 'https://istio.io/latest/docs/setup/install/helm/' },
  { host: /^cr\.l5d\.io$/, source: 'https://linkerd.io/2/reference/cli/install/' },
  { host: /^registry\.suse\.com$/, source: 'https://registry.suse.com/' },
  { host: /^registry\.access\.redhat\.com$/, source: 'https://access.redhat.com/RegistryAuthentication' },
  { host: /^registry\.opensource\.zalan\.do$/, source: 'https://opensource.zalando.com/' },
  { host: /^icr\.io$/, source: 'https://cloud.ibm.com/docs/Registry?topic=Registry-registry_overview' },
  { host: /^gke\.gcr\.io$/, source: 'https://cloud.google.com/kubernetes-engine/docs' },
  { host: /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/, source: 'a registry on the node itself' },
];

/**
 * Whether an image registry host serves pulls that need no imagePullSecrets.
 * @example isPublicRegistry('cr.l5d.io') // true
 */
export function isPublicRegistry(host: string): boolean {
  const lower = host.toLowerCase();
  return PUBLIC_REGISTRIES.some((r) => r.host.test(lower));
}
