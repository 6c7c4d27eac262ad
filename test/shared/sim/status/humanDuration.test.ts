// HumanDuration (apimachinery/pkg/util/duration) and Go's Duration.String, as kubectl and the kubelet print them.
import { describe, expect, it } from 'vitest';
import { goDuration, humanDuration } from '../../../../shared/sim/status/humanDuration';

describe('humanDuration', () => {
  it.each([
    [-5, '<invalid>'],
    [-1, '0s'],
    [0, '0s'],
    [59, '59s'],
    [119, '119s'],
    [120, '2m'],
    [125, '2m5s'],
    [599, '9m59s'],
    [600, '10m'],
    [10799, '179m'],
    [10800, '3h'],
    [11100, '3h5m'],
    [8 * 3600, '8h'],
    [47 * 3600 + 59, '47h'],
    [48 * 3600, '2d'],
    [50 * 3600, '2d2h'],
    [8 * 86400, '8d'],
    [730 * 86400, '2y'],
    [800 * 86400, '2y70d'],
    [3000 * 86400, '8y'],
  ])('%i s => %s', (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });
});

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [10, '10s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [1.5, '1.5s'],
    [3725, '1h2m5s'],
  ])('%f s => %s', (seconds, text) => {
    expect(goDuration(seconds)).toBe(text);
  });
});
