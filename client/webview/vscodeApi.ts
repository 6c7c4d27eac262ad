/**
 * The one handle on VS Code's webview API: typed outbound messages and the persisted panel state, which is
 * zod-parsed on the way in (it may come from an older version of the panel).
 */
import { type FromWebview, type PanelState, panelStateSchema } from '../../shared/protocol/webview';

export interface HostApi {
  post(message: FromWebview): void;
  loadState(): PanelState | undefined;
  saveState(state: PanelState): void;
}

export function connectHost(): HostApi {
  const api = acquireVsCodeApi<unknown>();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => {
      const parsed = panelStateSchema.safeParse(api.getState());
      return parsed.success ? parsed.data : undefined;
    },
    saveState: (state) => {
      api.setState(state);
    },
  };
}
