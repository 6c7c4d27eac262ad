/** The messages of failed lifecycle hooks, as the kubelet's handler runner words them (lifecycle/handlers.go). */
import { effectiveHandler } from '../../k8s/defaults';
import type { ContainerSpec } from '../types';

/**
 * @example hookFailureMessage(c, 'postStart', 'web_default')
 *   // 'Exec lifecycle hook ([sh -c exit 1]) for Container "app" in Pod "web_default" failed - error: command ...'
 */
export function hookFailureMessage(c: ContainerSpec, kind: 'postStart' | 'preStop', pod: string): string {
  const view = c.view.lifecycle[kind]?.handlers[0];
  const handler = view ? effectiveHandler(view).handler : undefined;
  const where = `for Container "${c.name}" in Pod "${pod}" failed`;
  switch (handler?.type) {
    case 'exec': {
      const command = (handler.command ?? []).join(' ');
      return `Exec lifecycle hook ([${command}]) ${where} - error: command '${command}' exited with 1: , message: ""`;
    }
    case 'httpGet':
      return `HTTP lifecycle hook (${handler.path}) ${where} - error: Get "http://<pod IP>:${handler.port}${handler.path}": connection refused`;
    default:
      return `${kind === 'postStart' ? 'PostStartHook' : 'PreStopHook'} ${where}`;
  }
}
