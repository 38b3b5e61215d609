// Scaling icon geometry: coordinates and radii scale, an arc's rotation and flags do not, and flags written
// without separators are read one character each.
import { describe, expect, test } from 'vitest';
import { scalePath, scaleShape } from '../../../src-renderer/features/streams/components/scale-shape.ts';

describe('scalePath', () => {
  test('scales moves, lines and curves, absolute and relative', () => {
    expect(scalePath('M2 9.5L4-4h6v10c1 1 2 2 3 3z', 0.5)).toBe('M 1 4.75L 2 -2h 3v 5c 0.5 0.5 1 1 1.5 1.5z');
  });
  test("keeps an arc's rotation and flags", () => {
    expect(scalePath('a5.5 5.5 30 0 1 9.591-3.676', 0.5)).toBe('a 2.75 2.75 30 0 1 4.7955 -1.838');
  });
  test('reads flags written without separators', () => {
    expect(scalePath('M0 0a2 2 0 011 1', 2)).toBe('M 0 0a 4 4 0 0 1 2 2');
  });
  test('reads numbers run together with a leading dot', () => {
    expect(scalePath('m.56.56 1-.5', 2)).toBe('m 1.12 1.12 2 -1');
  });
});

describe('scaleShape', () => {
  test('scales the lengths of circles and keeps other attributes', () => {
    expect(scaleShape('circle', { cx: '12', cy: 12, r: 1, key: 'k', fill: 'none' }, 0.625)).toEqual({
      cx: 7.5,
      cy: 7.5,
      r: 0.625,
      fill: 'none',
    });
  });
  test('scales polyline points', () => {
    expect(scaleShape('polyline', { points: '2 4,6 8' }, 0.5)).toEqual({ points: '1 2,3 4' });
  });
});
