/**
 * The notice line under the header (why the timeline is greyed, a loaded scenario, a rejected file) and
 * the empty state shown when there is nothing to draw at all.
 */
import { h, icon, setText } from './dom';

type NoticeKind = 'stale' | 'info' | 'error';

const GLYPH: Record<NoticeKind, string> = { stale: 'warning', info: 'info', error: 'error' };

export class Notice {
  readonly el = h('div', {
    class: 'notice',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'notice',
    hidden: true,
  });
  private readonly glyph = icon('info');
  private readonly text = h('span', { class: 'notice-text' });

  constructor() {
    this.el.append(this.glyph, this.text);
  }

  show(kind: NoticeKind, message: string): void {
    this.el.hidden = false;
    this.el.dataset.kind = kind;
    this.glyph.className = `codicon codicon-${GLYPH[kind]}`;
    setText(this.text, message);
  }

  hide(): void {
    this.el.hidden = true;
  }
}

export class EmptyState {
  readonly el = h('div', { class: 'empty-state', 'data-testid': 'empty-state', hidden: true });
  private readonly title = h('p', { class: 'empty-title' });
  private readonly detail = h('p', { class: 'empty-detail' });

  constructor() {
    this.el.append(icon('pulse', 'empty-icon'), this.title, this.detail);
  }

  show(title: string, detail: string): void {
    this.el.hidden = false;
    setText(this.title, title);
    setText(this.detail, detail);
  }

  hide(): void {
    this.el.hidden = true;
  }
}
