// The Pod most tests start from, so each test writes only what it is about. The text is plain block YAML with
// fixed lines: `name: web` is line 3 and the container's `image:` line 7 (0-based), which range assertions count on.

/**
 * Pod `web` with one container `app` running `image`; `rest` follows the image line: more keys of that container
 * (indented by 4), further containers, or the rest of the spec.
 */
export function webPod(image: string, rest = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: ${image}
${rest}`;
}

/** Container keys: env var MODE from key `mode` of ConfigMap `app-config`, an object the workspace may hold. */
export const MODE_FROM_APP_CONFIG = `    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: { name: app-config, key: mode }
`;

/** Pod `sized` with pod-level resources, which arrived in v1.32: an unknown field before, nothing from then on. */
export const SIZED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  resources:
    limits:
      cpu: "1"
  containers:
    - name: app
      image: nginx:1.27
`;
