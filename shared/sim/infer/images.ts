/**
 * What popular images do when the manifest gives no command: their default ENTRYPOINT/CMD, the ports
 * their servers listen on, and the environment their entrypoints insist on. Facts from each image's
 * documentation (Docker Hub "official images" pages and their docker-library Dockerfiles), not code.
 */
import { parseImageRef } from '../../k8s/imageRef';

export interface ImageDefault {
  /** `shell`: CMD is a shell, which exits at once with no terminal; `server`: runs until stopped. */
  kind: 'shell' | 'server' | 'pause';
  ports: number[];
  /** The pages its default content serves with 200 (anything else is 404), when known. */
  paths?: string[];
  /** The entrypoint exits 1 at start unless one of these variables is set. */
  requiresOneOf?: string[];
  /** An httpGet on `path` answers 200 while the process is younger than `seconds`, then 500. */
  healthyFor?: { path: string; seconds: number };
  /**
   * The image has an ENTRYPOINT that takes a subcommand as its first argument, so `args` select one of
   * these behaviours and are never run as a command of their own.
   */
  subcommands?: Record<string, ImageDefault>;
  source: string;
}

const shell = (source: string): ImageDefault => ({ kind: 'shell', ports: [], source });
const serverOn = (ports: number[], source: string, requiresOneOf?: string[]): ImageDefault => ({
  kind: 'server',
  ports,
  source,
  ...(requiresOneOf ? { requiresOneOf } : {}),
});

const HUB = (name: string) => `https://hub.docker.com/_/${name}`;
const AGNHOST = 'kubernetes/kubernetes test/images/agnhost';

/** Keyed by repository path (`library/nginx` is Docker Hub's `nginx`). */
const TABLE: Record<string, ImageDefault> = {
  'library/busybox': shell(`${HUB('busybox')} (CMD ["sh"])`),
  'library/alpine': shell(`${HUB('alpine')} (CMD ["/bin/sh"])`),
  'library/ubuntu': shell(`${HUB('ubuntu')} (CMD ["/bin/bash"])`),
  'library/debian': shell(`${HUB('debian')} (CMD ["bash"])`),
  'library/fedora': shell(`${HUB('fedora')} (CMD ["/bin/bash"])`),
  'library/centos': shell(`${HUB('centos')} (CMD ["/bin/bash"])`),
  'library/rockylinux': shell(`${HUB('rockylinux')} (CMD ["/bin/bash"])`),
  'library/amazonlinux': shell(`${HUB('amazonlinux')} (CMD ["/bin/bash"])`),
  'library/bash': shell(`${HUB('bash')} (CMD ["bash"])`),
  'library/nginx': {
    ...serverOn(
      [80],
      `${HUB('nginx')} (CMD ["nginx", "-g", "daemon off;"], EXPOSE 80; default.conf serves /usr/share/nginx/html)`,
    ),
    paths: ['/', '/index.html', '/50x.html'],
  },
  'library/httpd': {
    ...serverOn([80], `${HUB('httpd')} (CMD ["httpd-foreground"], EXPOSE 80; htdocs holds index.html)`),
    paths: ['/', '/index.html'],
  },
  'library/caddy': serverOn([80, 443], `${HUB('caddy')} (EXPOSE 80 443)`),
  'library/traefik': serverOn([80], `${HUB('traefik')}`),
  'library/redis': serverOn([6379], `${HUB('redis')} (CMD ["redis-server"], EXPOSE 6379)`),
  'library/memcached': serverOn([11211], `${HUB('memcached')} (EXPOSE 11211)`),
  'library/mongo': serverOn([27017], `${HUB('mongo')} (EXPOSE 27017)`),
  'library/rabbitmq': serverOn([5672], `${HUB('rabbitmq')} (EXPOSE 5672)`),
  'library/registry': serverOn([5000], `${HUB('registry')} (EXPOSE 5000)`),
  'library/wordpress': serverOn([80], `${HUB('wordpress')} (EXPOSE 80)`),
  'library/postgres': serverOn(
    [5432],
    `${HUB('postgres')}: docker-entrypoint.sh exits 1 ("Database is uninitialized and superuser password is not specified")`,
    ['POSTGRES_PASSWORD', 'POSTGRES_PASSWORD_FILE', 'POSTGRES_HOST_AUTH_METHOD'],
  ),
  'library/mysql': serverOn(
    [3306],
    `${HUB('mysql')}: docker-entrypoint.sh exits 1 ("Database is uninitialized and password option is not specified")`,
    ['MYSQL_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD_FILE', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
  ),
  'library/mariadb': serverOn(
    [3306],
    `${HUB('mariadb')}: docker-entrypoint.sh exits 1 ("Database is uninitialized and password option is not specified")`,
    [
      'MARIADB_ROOT_PASSWORD',
      'MARIADB_ROOT_PASSWORD_FILE',
      'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
      'MARIADB_RANDOM_ROOT_PASSWORD',
      'MYSQL_ROOT_PASSWORD',
      'MYSQL_ROOT_PASSWORD_FILE',
      'MYSQL_ALLOW_EMPTY_PASSWORD',
      'MYSQL_RANDOM_ROOT_PASSWORD',
    ],
  ),
  pause: {
    kind: 'pause',
    ports: [],
    source: 'registry.k8s.io/pause: sleeps until signalled (build/pause/linux/pause.c)',
  },
  'e2e-test-images/agnhost': {
    ...serverOn([], `${AGNHOST} (ENTRYPOINT ["/agnhost"]; the first argument names the subcommand)`),
    subcommands: {
      liveness: {
        ...serverOn([8080], `${AGNHOST}/liveness/server.go (listens on :8080; /healthz answers 500 after 10 s)`),
        paths: ['/healthz', '/started'],
        healthyFor: { path: '/healthz', seconds: 10 },
      },
      netexec: serverOn([8080], `${AGNHOST}/netexec (--http-port defaults to 8080)`),
      'serve-hostname': serverOn([9376], `${AGNHOST}/serve-hostname (--port defaults to 9376)`),
      pause: { kind: 'pause', ports: [], source: `${AGNHOST}/pause (waits for a signal)` },
    },
  },
  goproxy: serverOn([8080], 'registry.k8s.io/goproxy (an HTTP proxy listening on :8080)'),
  'vish/stress': serverOn([], 'https://hub.docker.com/r/vish/stress (ENTRYPOINT ["/stress"]: burns CPU until stopped)'),
  'google-samples/node-hello': serverOn(
    [8080],
    'https://github.com/GoogleCloudPlatform/kubernetes-engine-samples (node-hello listens on 8080)',
  ),
  'google-samples/hello-app': serverOn(
    [8080],
    'https://github.com/GoogleCloudPlatform/kubernetes-engine-samples (hello-app listens on PORT, 8080)',
  ),
};

/**
 * The defaults of a known image, or undefined.
 * @example imageDefault('nginx:1.27')?.ports // [80]
 */
export function imageDefault(image: string): ImageDefault | undefined {
  const parsed = parseImageRef(image);
  if (!parsed.ok) return undefined;
  const { domain, path } = parsed.ref;
  if (domain === 'docker.io') return TABLE[path];
  if (domain === 'registry.k8s.io' || domain === 'k8s.gcr.io' || domain === 'gcr.io') return TABLE[path];
  return undefined;
}
