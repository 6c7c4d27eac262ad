/** An LSP range as every podlens message carries it (0-based lines and UTF-16 characters). */
import { z } from 'zod';

const position = z.object({ line: z.number().int().nonnegative(), character: z.number().int().nonnegative() }).strict();
export const rangeSchema = z.object({ start: position, end: position }).strict();
