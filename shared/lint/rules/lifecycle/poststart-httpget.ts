/**
 * poststart-httpget: a postStart hook that makes an HTTP request. The kubelet runs postStart right after the
 * runtime starts the container and blocks the container's start on it (the Kubernetes v1.36 kubelet); its HTTP handler
 * (pkg/kubelet/lifecycle/handlers.go runHTTPHandler) returns an error only when no response arrives, and
 * discards the response whatever its status code.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';

export const poststartHttpgetRule: Rule = {
  meta: {
    id: 'poststart-httpget',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A postStart hook uses httpGet: it races the app’s startup and ignores HTTP error statuses.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const hook = c.lifecycle.postStart;
      for (const h of hook?.handlers ?? []) {
        if (h.type !== 'httpGet') continue;
        ctx.report({
          path: h.path,
          range: h.keyRange,
          message: 'postStart httpGet races the app’s startup and ignores the HTTP status',
          detail:
            `postStart httpGet on ${describeContainer(c)}: the kubelet sends the request as soon as the ` +
            'container starts, usually before the app listens. A refused connection fails the hook, so the ' +
            'container is killed and restarted (PostStartHookError, then CrashLoopBackOff). A response with any ' +
            'status — 404 or 500 included — counts as success: the kubelet never checks the status code. Use an ' +
            'exec hook that checks the answer (e.g. `curl --fail --retry`), or do the work in the app.',
        });
      }
    }
  },
};
