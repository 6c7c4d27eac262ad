/**
 * The workspace facts a pod's simulation reads, as they cross the LSP connection (server → extension) and the
 * webview boundary (extension → panel): the index's IndexedObjects and whether the workspace is complete.
 */
import { z } from 'zod';
import { rangeSchema } from './range';

/** Far more than a namespace's policy objects and a pod's references; a bigger answer is refused, not simulated. */
export const MAX_WORKSPACE_OBJECTS = 5_000;

const labels = z.record(z.string());

const indexedObjectSchema = z
  .object({
    apiVersion: z.string(),
    kind: z.string(),
    name: z.string(),
    namespace: z.string().optional(),
    labels,
    location: z.object({ uri: z.string(), range: rangeSchema, nameRange: rangeSchema.optional() }).strict(),
    keys: z.array(z.string()).optional(),
    selector: labels.optional(),
    ports: z
      .array(
        z.object({
          name: z.string().optional(),
          port: z.number(),
          targetPort: z.union([z.number(), z.string()]).optional(),
          protocol: z.string().optional(),
        }),
      )
      .optional(),
    body: z.unknown().optional(),
    via: z.string().optional(),
    generated: z.object({ hashSuffix: z.boolean() }).optional(),
    podTemplate: z
      .object({
        labels,
        ports: z.array(
          z.object({
            container: z.string(),
            name: z.string().optional(),
            containerPort: z.number().optional(),
            protocol: z.string().optional(),
          }),
        ),
      })
      .optional(),
  })
  .strict();

export const workspaceFactsSchema = z
  .object({
    objects: z.array(indexedObjectSchema).max(MAX_WORKSPACE_OBJECTS),
    /** `podlens.workspace.assumeComplete`: an object no file defines is absent, not assumed. */
    complete: z.boolean(),
  })
  .strict();
export type WorkspaceFacts = z.infer<typeof workspaceFactsSchema>;
