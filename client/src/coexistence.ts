/**
 * Detects Red Hat YAML with a Kubernetes schema (podlens.coexistence), tells the server through the `podlens`
 * settings it reads, and offers the choice once. The decision itself is shared/coexistence.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidChangeConfigurationNotification, type Middleware } from 'vscode-languageclient/node';
import {
  defersAnything,
  KUBERNETES_TOOLS_ID,
  kubernetesSchemaIn,
  RED_HAT_YAML_ID,
  withoutKubernetesSchemas,
} from '../../shared/coexistence';
import type { CoexistenceMode, SchemaElsewhere } from '../../shared/settings';

const OFFERED_KEY = 'podlens.coexistence.offered';

/** What Red Hat YAML's Kubernetes schema provides for `scope` right now. */
export function detectSchemaElsewhere(scope?: vscode.Uri): SchemaElsewhere {
  const yaml = vscode.workspace.getConfiguration('yaml', scope);
  return kubernetesSchemaIn(
    {
      schemas: yaml.get('schemas'),
      hover: yaml.get('hover'),
      completion: yaml.get('completion'),
      validate: yaml.get('validate'),
    },
    {
      redHatYaml: vscode.extensions.getExtension(RED_HAT_YAML_ID) !== undefined,
      kubernetesTools: vscode.extensions.getExtension(KUBERNETES_TOOLS_ID) !== undefined,
    },
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds `schemaElsewhere` to every `podlens` section the server asks for (workspace/configuration). */
export const coexistenceMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const result = await next(params, token);
      if (!Array.isArray(result)) return result;
      return result.map((value, i) => {
        const item = params.items[i];
        if (item?.section !== 'podlens' || !isObject(value)) return value;
        const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
        return { ...value, schemaElsewhere: detectSchemaElsewhere(scope) };
      });
    },
  },
};

/** Installing or removing Red Hat YAML or the Kubernetes extension changes the answer: make the server ask again. */
export function watchExtensions(client: () => LanguageClient | undefined): vscode.Disposable {
  let last = JSON.stringify(detectSchemaElsewhere());
  return vscode.extensions.onDidChange(() => {
    const now = JSON.stringify(detectSchemaElsewhere());
    const running = client();
    if (now === last || !running?.isRunning()) return;
    last = now;
    void running.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
}

const CHOICES: readonly { title: string; mode: CoexistenceMode }[] = [
  { title: 'Use podlens for everything', mode: 'podlens' },
  { title: 'Keep both', mode: 'both' },
  { title: 'Let Red Hat YAML handle schema', mode: 'auto' },
];

/**
 * Once per installation, when `auto` is in force and Red Hat YAML's Kubernetes schema is active: says what
 * podlens leaves to it and writes the user's choice to `podlens.coexistence` (user settings).
 */
export async function offerCoexistenceChoice(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration('podlens').inspect<CoexistenceMode>('coexistence');
  const chosen = setting?.globalValue ?? setting?.workspaceValue ?? setting?.workspaceFolderValue;
  if (chosen !== undefined || context.globalState.get(OFFERED_KEY) || !defersAnything(detectSchemaElsewhere())) return;
  await context.globalState.update(OFFERED_KEY, true);
  const picked = await vscode.window.showInformationMessage(
    'podlens: Red Hat YAML checks Kubernetes manifests against its schema too. podlens leaves schema hovers, key completion and schema errors to it and keeps effective values, lifecycle lint and the simulation (setting podlens.coexistence).',
    ...CHOICES.map((c) => c.title),
  );
  const mode = CHOICES.find((c) => c.title === picked)?.mode;
  if (!mode) return;
  await vscode.workspace.getConfiguration('podlens').update('coexistence', mode, vscode.ConfigurationTarget.Global);
  if (mode === 'podlens') await offerToRemoveKubernetesSchema();
}

/**
 * With podlens doing everything, Red Hat YAML's Kubernetes schema only doubles it: offers to take the Kubernetes
 * associations out of the user's `yaml.schemas` (other schemas stay). Workspace settings are the team's: left alone.
 */
async function offerToRemoveKubernetesSchema(): Promise<void> {
  const yaml = vscode.workspace.getConfiguration('yaml');
  const kept = withoutKubernetesSchemas(yaml.inspect('schemas')?.globalValue);
  if (!kept) return;
  const remove = 'Remove it from yaml.schemas';
  const picked = await vscode.window.showInformationMessage(
    'podlens: Red Hat YAML still validates Kubernetes manifests with the schema in your user settings (yaml.schemas).',
    remove,
    'Keep it',
  );
  if (picked === remove) await yaml.update('schemas', kept, vscode.ConfigurationTarget.Global);
}
