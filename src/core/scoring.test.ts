import { coverage, levelGap, meets, readiness, shortfall, totalShortfall } from './scoring';

describe('gap scoring', () => {
  it('is rating minus target: negative is a shortfall, positive exceeds', () => {
    expect(levelGap(2, 4)).toBe(-2);
    expect(levelGap(4, 4)).toBe(0);
    expect(levelGap(5, 3)).toBe(2);
  });

  it('gives no gap (not zero) when the rating or the target is missing', () => {
    expect(levelGap(null, 3)).toBeNull();
    expect(levelGap(3, null)).toBeNull();
    expect(shortfall(null, 3)).toBeNull();
  });

  it('counts shortfall only below target', () => {
    expect(shortfall(2, 4)).toBe(2);
    expect(shortfall(5, 4)).toBe(0);
    expect(totalShortfall([1, 5, null, 2], [3, 3, 3, null])).toBe(2);
  });

  it('computes meets % over competencies both rated and required', () => {
    expect(meets([3, 1, null, 4], [3, 2, 2, null])).toEqual({ counted: 2, met: 1, share: 0.5 });
    expect(meets([null], [3]).share).toBeNull();
  });

  it('is ready for the next role only when every required competency meets it, and names the blockers', () => {
    expect(readiness([4, 4, 4], [4, null, 3])).toEqual({ share: 1, blocking: [], ready: true, readyTolerant: true });
    const r = readiness([3, null, 5, 4], [4, 2, 5, 4]);
    expect(r.ready).toBe(false);
    expect(r.blocking).toEqual([0, 1]);
    expect(r.share).toBe(0.5);
  });

  it('is tolerantly ready when most targets are met and no gap is more than one step', () => {
    const targets = [3, 3, 3, 3, 3];
    expect(readiness([3, 3, 3, 3, 2], targets).readyTolerant).toBe(true);
    expect(readiness([3, 3, 3, 3, 1], targets).readyTolerant).toBe(false);
    expect(readiness([3, 3, 3, 3, null], targets).readyTolerant).toBe(false);
  });

  it('counts coverage at or above a level, ignoring the unrated', () => {
    expect(coverage([1, 3, 4, null, 3], 3)).toBe(3);
  });
});
