// One-line messages (issue 15): how an API-server error too long for the Problems panel is shortened, and how a
// user's long name is quoted in a headline; the full wording always survives in the detail.
import { describe, expect, it } from 'vitest';
import { fitMessage, MAX_MESSAGE_LENGTH, quoted } from '../../../shared/lint/message';

const LONG_PATH = 'spec.jobTemplate.spec.template.spec.initContainers[0].ports[0]';

describe('fitMessage', () => {
  it('keeps a message that fits, with its detail', () => {
    expect(fitMessage('No livenessProbe', 'why')).toEqual({ message: 'No livenessProbe', detail: 'why' });
  });

  it('shows an API error from its last field on, keeping the whole error in the detail', () => {
    const full = `${LONG_PATH}.containerPort: Invalid value: 0: must be between 1 and 65535, inclusive`;
    expect(fitMessage(full, 'More.')).toEqual({
      message: 'containerPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      detail: `${full}\n\nMore.`,
    });
  });

  it('drops the upstream explanation when the field and value alone fit', () => {
    const full = `metadata.labels: Invalid value: "only/one/slash": a valid label key must consist of ${'x'.repeat(200)}`;
    expect(fitMessage(full).message).toBe('labels: Invalid value: "only/one/slash"');
  });

  it('drops a value too long to show, keeping the reason', () => {
    const name = 'a'.repeat(90);
    const full = `${LONG_PATH.replace('.ports[0]', '')}.name: Invalid value: "${name}": must be no more than 63 characters`;
    expect(fitMessage(full).message).toBe('name: Invalid value: must be no more than 63 characters');
    // A value that fits is kept, without the reason.
    expect(fitMessage(full.replace(name, 'a'.repeat(64))).message).toBe(`name: Invalid value: "${'a'.repeat(64)}"`);
  });

  it('keeps a bracketed map key whole when it is the last field', () => {
    const full = `${LONG_PATH}.labels[app.kubernetes.io/name]: Invalid value: "${'v'.repeat(70)}": must be no more than 63 characters`;
    expect(fitMessage(full).message).toBe(
      'labels[app.kubernetes.io/name]: Invalid value: must be no more than 63 characters',
    );
  });

  it('leaves prose alone: a rule must write its own headline (the message test then fails)', () => {
    const prose = `A sentence that goes on ${'and on '.repeat(20)}`;
    expect(fitMessage(prose).message).toBe(prose);
  });
});

describe('quoted', () => {
  it('quotes short names as they are and shortens long ones in the middle', () => {
    expect(quoted('web')).toBe('"web"');
    const long = quoted(`start-${'m'.repeat(60)}-end`);
    expect(long).toMatch(/^"start-m+…m+-end"$/);
    expect(long.length).toBeLessThanOrEqual(42);
    expect(MAX_MESSAGE_LENGTH).toBe(100);
  });
});
