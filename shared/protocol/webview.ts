/**
 * Messages between the lifecycle panel's host (client/src/lifecyclePanel.ts) and its webview
 * (client/webview), and the webview's persisted state. Both sides parse every inbound message with these
 * schemas: a message that does not parse is dropped and logged, never acted on.
 */
import { z } from 'zod';
import { NEWEST_MINOR, OLDEST_MINOR } from '../k8s/version/target';

import { rangeSchema } from './range';
import { workspaceFactsSchema } from './workspace';

export { rangeSchema };

/** Larger manifests are not previewed: the host sends a `tooLarge` notice instead of the text. */
export const MAX_TEXT_LENGTH = 2_000_000;

/** A headline is one line; longer ones are cut by the sender. */
export const MAX_HEADLINE_LENGTH = 300;

/** The simulated horizon bounds of the `podlens.simulation.until` setting. */
const until = z.number().int().positive().max(86_400);

/** The cluster the panel simulates: `podlens.kubernetesVersion` and `podlens.featureGates`. */
export const targetSchema = z
  .object({
    minor: z.number().int().min(OLDEST_MINOR).max(NEWEST_MINOR),
    featureGates: z.record(z.string().max(100), z.boolean()),
  })
  .strict();

/** Host → webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  /** The whole text of the panel's document (on open, on every debounced edit, after a reload). */
  z
    .object({
      type: z.literal('document'),
      uri: z.string().min(1),
      fileName: z.string(),
      version: z.number().int(),
      text: z.string().max(MAX_TEXT_LENGTH),
      /** The cursor's line in the editor, when an editor shows the document: picks the pod document. */
      cursorLine: z.number().int().nonnegative().nullable(),
      /** Preview this document index (a CodeLens click); wins over the cursor. */
      documentIndex: z.number().int().nonnegative().nullable(),
      until,
      target: targetSchema,
      /**
       * The workspace objects the file's pods can read (referenced objects, namespace policy, Services); absent
       * while the language server has not answered or does not run: the panel then simulates the file alone.
       */
      workspace: workspaceFactsSchema.optional(),
    })
    .strict(),
  /** The cursor moved in an editor of the panel's document. */
  z.object({ type: z.literal('cursor'), line: z.number().int().nonnegative() }).strict(),
  /** A scenario file the user picked, JSON-decoded but not yet validated (the webview validates it). */
  z.object({ type: z.literal('scenarioLoaded'), fileName: z.string(), scenario: z.unknown() }).strict(),
  /** The document is too large or could not be read: shown instead of a timeline. */
  z.object({ type: z.literal('unavailable'), reason: z.string().max(2000) }).strict(),
  /** The panel is pinned to its document (locked) or follows the active editor: saved for a reload. */
  z.object({ type: z.literal('panel'), locked: z.boolean() }).strict(),
]);
export type ToWebview = z.infer<typeof toWebviewSchema>;

/** Webview → host. */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The webview has loaded and listens: the host answers with a `document` message. */
  z.object({ type: z.literal('ready') }).strict(),
  /** Reveal and select this range in the panel's own document (never any other document). */
  z.object({ type: z.literal('reveal'), range: rangeSchema }).strict(),
  /** Save this scenario (the CLI's scenario format) to a file the user picks. */
  z
    .object({
      type: z.literal('exportScenario'),
      suggestedName: z.string().max(200),
      scenario: z.record(z.unknown()),
    })
    .strict(),
  /** Let the user pick a scenario JSON file; the host answers with `scenarioLoaded`. */
  z.object({ type: z.literal('loadScenario') }).strict(),
  /**
   * The what-if state of the pod document shown: how many assumptions the user changed (0: none) and the
   * headline of the simulation with them. The host shows it in that pod's CodeLens.
   */
  z
    .object({
      type: z.literal('whatIf'),
      uri: z.string().min(1),
      documentIndex: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      headline: z.string().max(MAX_HEADLINE_LENGTH),
    })
    .strict(),
  /** Something the user should not have to see but a maintainer should: goes to the podlens output channel. */
  z
    .object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string().max(20_000) })
    .strict(),
]);
export type FromWebview = z.infer<typeof fromWebviewSchema>;

/** A moment of the timeline: steps can share a time (`after` is the kubelet's reaction at that instant). */
const stepTimeSchema = z.object({ t: z.number().nonnegative(), after: z.boolean() }).strict();

export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 30] as const;

/**
 * What the webview persists with setState, and what the host's WebviewPanelSerializer receives after a
 * reload: enough to draw the last timeline at once and to re-attach the panel to its document.
 */
export const panelStateSchema = z.object({
  uri: z.string().min(1),
  fileName: z.string(),
  version: z.number().int(),
  text: z.string().max(MAX_TEXT_LENGTH),
  until,
  /** The kubelet simulated (absent in states saved before versions: the newest). */
  target: targetSchema.optional(),
  /** The pod document shown, as its index in the file. */
  documentIndex: z.number().int().nonnegative(),
  /** The current step, by time, so it survives re-simulation. */
  at: stepTimeSchema.nullable(),
  /** The user's what-if edits: a partial scenario in the scenario format. */
  overrides: z.record(z.unknown()),
  speed: z.number().positive(),
  /** Which sections the user collapsed. */
  collapsed: z.array(z.string().max(100)).max(100),
  /** Pinned to this document rather than following the active editor (absent in states saved before locking). */
  locked: z.boolean().optional(),
});
export type PanelState = z.infer<typeof panelStateSchema>;

/** The webview's panel type: the serializer and `onWebviewPanel:` activation event use it. */
export { LIFECYCLE_VIEW_TYPE } from './ids';
