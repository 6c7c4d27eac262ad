/**
 * Probe and handler defaulting: SetDefaults_Probe and SetDefaults_HTTPGetAction
 * (pkg/apis/core/v1/defaults.go). A probe number that is 0 or missing takes its default.
 */
import { fieldValue } from '../model/field';
import type { HandlerType, HandlerView, ProbeKind, ProbeView } from '../model/types';

export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export type ProbeNumberField = keyof typeof PROBE_DEFAULTS;

const PROBE_NUMBER_FIELDS = Object.keys(PROBE_DEFAULTS) as ProbeNumberField[];

/** A handler after defaulting; fields the handler type does not use stay undefined. */
export interface EffectiveHandler {
  type: HandlerType;
  command?: string[];
  port?: number | string;
  host?: string;
  /** httpGet only: '/' when empty or unset. */
  path?: string;
  /** httpGet only: 'HTTP' when empty or unset. */
  scheme?: string;
  /** sleep (hooks) only. */
  seconds?: number;
}

export interface EffectiveProbe {
  kind: ProbeKind;
  /** The first handler in source order (the API rejects a probe with none or several). */
  handler?: EffectiveHandler;
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  terminationGracePeriodSeconds?: number;
  /** Fields the API server fills in, relative to the probe: 'periodSeconds', 'httpGet.path', ... */
  defaulted: string[];
  /** Fields holding a template placeholder or a wrongly typed value: reported at their default. */
  unresolved: string[];
}

export interface EffectiveHandlerResult {
  handler: EffectiveHandler;
  /** Relative to the handler's owner: 'httpGet.path', 'httpGet.scheme'. */
  defaulted: string[];
}

/**
 * A handler with SetDefaults_HTTPGetAction applied (empty or missing path and scheme).
 * @example effectiveHandler(httpGetView).handler // { type: 'httpGet', port: 8080, path: '/', scheme: 'HTTP' }
 */
export function effectiveHandler(view: HandlerView): EffectiveHandlerResult {
  const handler: EffectiveHandler = { type: view.type };
  const defaulted: string[] = [];
  const command = fieldValue(view.command);
  const port = fieldValue(view.port);
  const host = fieldValue(view.host);
  const seconds = fieldValue(view.seconds);
  if (view.type === 'exec' && command !== undefined) handler.command = command;
  if (view.type !== 'exec' && view.type !== 'sleep' && port !== undefined) handler.port = port;
  if ((view.type === 'httpGet' || view.type === 'tcpSocket') && host !== undefined) handler.host = host;
  if (view.type === 'sleep' && seconds !== undefined) handler.seconds = seconds;
  if (view.type === 'httpGet') {
    const path = fieldValue(view.httpPath);
    const scheme = fieldValue(view.scheme);
    handler.path = path || '/';
    handler.scheme = scheme || 'HTTP';
    if (view.httpPath.kind === 'absent' || path === '') defaulted.push('httpGet.path');
    if (view.scheme.kind === 'absent' || scheme === '') defaulted.push('httpGet.scheme');
  }
  return { handler, defaulted };
}

/**
 * The probe the kubelet runs: every number after SetDefaults_Probe (0 or missing → default;
 * initialDelaySeconds stays 0), plus the defaulted handler.
 * @example effectiveProbe(livenessView) // { periodSeconds: 10, successThreshold: 1, ..., defaulted: ['periodSeconds', ...] }
 */
export function effectiveProbe(probe: ProbeView): EffectiveProbe {
  const defaulted: string[] = [];
  const unresolved: string[] = [];
  const numbers = {} as Record<ProbeNumberField, number>;
  for (const field of PROBE_NUMBER_FIELDS) {
    const f = probe[field];
    const fallback = PROBE_DEFAULTS[field];
    if (f.kind === 'template' || f.kind === 'invalid') unresolved.push(field);
    const written = fieldValue(f);
    numbers[field] = written === undefined || written === 0 ? fallback : written;
    // initialDelaySeconds has no default: 0 is its zero value, nothing is filled in.
    if (fallback !== 0 && (f.kind === 'absent' || written === 0)) defaulted.push(field);
  }
  const first = probe.handlers[0];
  const handler = first ? effectiveHandler(first) : undefined;
  if (handler) defaulted.push(...handler.defaulted);
  const result: EffectiveProbe = { kind: probe.kind, ...numbers, defaulted, unresolved };
  if (handler) result.handler = handler.handler;
  const grace = fieldValue(probe.terminationGracePeriodSeconds);
  if (grace !== undefined) result.terminationGracePeriodSeconds = grace;
  return result;
}
