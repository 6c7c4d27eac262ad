/**
 * Turns the CLI's file arguments (files, directories, globs) into readable manifest texts. Every problem
 * is a one-line message, never a stack trace: missing paths, empty directories or globs, binary files,
 * invalid UTF-8, permission denied, FIFOs and devices, and files too large to be manifests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { SKIPPED_DIRS } from '../workspaceScan';

/** Larger files are not manifests anyone edits; parsing them would take seconds per file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const MANIFEST_EXT = /\.ya?ml$/i;

export interface InputProblem {
  path: string;
  message: string;
}

export interface ExpandedInputs {
  files: string[];
  problems: InputProblem[];
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new Error(`${dir}: ${describeFsError(err)}`);
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && MANIFEST_EXT.test(e.name)) out.push(p);
  }
}

export function expandInputs(args: string[]): ExpandedInputs {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg) && !fs.existsSync(arg)) {
      const matches = globSync(arg, { onlyFiles: true, dot: false }).sort();
      if (matches.length === 0) problems.push({ path: arg, message: 'no files match this pattern' });
      files.push(...matches);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (err) {
      problems.push({ path: arg, message: describeFsError(err) });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      try {
        walk(arg, found);
      } catch (err) {
        problems.push({ path: arg, message: err instanceof Error ? err.message : String(err) });
        continue;
      }
      if (found.length === 0) problems.push({ path: arg, message: 'directory contains no .yaml or .yml files' });
      files.push(...found);
    } else {
      files.push(arg);
    }
  }
  return { files: [...new Set(files)], problems };
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a manifest as UTF-8 text, refusing binary, invalid UTF-8 and oversized files with one clear line. */
export function readManifest(file: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory' };
    // Reading a FIFO without a writer, or a device, would block forever.
    if (!stat.isFile()) return { ok: false, message: 'not a regular file (a FIFO, socket or device)' };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        message: `file is ${(stat.size / 1048576).toFixed(1)} MiB; manifests over 10 MiB are not linted`,
      };
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, message: describeFsError(err) };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, message: 'binary file (contains NUL bytes), not a YAML manifest' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, message: 'not valid UTF-8; Kubernetes manifests must be UTF-8' };
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
