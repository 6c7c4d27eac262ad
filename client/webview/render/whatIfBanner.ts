/**
 * The what-if banner under the header: shown while the user's edited assumptions change the simulation,
 * with a reset that drops them all. It is the one place that says the timeline is not what the manifest
 * alone predicts; the header and the CodeLens add "with what-if" to their headline.
 */
import { h, icon, setText } from './dom';

export const assumptionsChanged = (n: number) => `${n} assumption${n === 1 ? '' : 's'} changed`;

export class WhatIfBanner {
  readonly el = h('div', {
    class: 'what-if-banner',
    role: 'status',
    'data-testid': 'what-if-banner',
    hidden: true,
  });
  private readonly text = h('span', { class: 'what-if-text', 'data-testid': 'what-if-count' });

  constructor(reset: () => void) {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        'data-testid': 'what-if-reset',
        'aria-label': 'Reset all what-if assumptions to what the manifest implies',
      },
      'Reset',
    );
    button.addEventListener('click', reset);
    this.el.append(icon('beaker'), this.text, h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), button);
  }

  /** Shows the banner for `changed` edited assumptions; hides it at 0. */
  set(changed: number): void {
    this.el.hidden = changed === 0;
    if (changed > 0) setText(this.text, `What-if: ${assumptionsChanged(changed)}`);
  }
}
