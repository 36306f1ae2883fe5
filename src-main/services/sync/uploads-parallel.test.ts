import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARTS_IN_FLIGHT, partsInFlight, setPartsInFlight } from './uploads-parallel';

describe('parts in flight', () => {
  afterEach(() => setPartsInFlight(undefined));

  it('is 4 by default, SIGNWRIGHT_UPLOAD_PARTS from 1 to 16 overrides it', () => {
    expect(DEFAULT_PARTS_IN_FLIGHT).toBe(4);
    expect(partsInFlight({})).toBe(4);
    expect(partsInFlight({ SIGNWRIGHT_UPLOAD_PARTS: '1' })).toBe(1);
    expect(partsInFlight({ SIGNWRIGHT_UPLOAD_PARTS: '16' })).toBe(16);
  });

  it('ignores an unusable SIGNWRIGHT_UPLOAD_PARTS and keeps the default', () => {
    for (const v of ['0', '17', '2.5', 'four', '']) {
      expect(partsInFlight({ SIGNWRIGHT_UPLOAD_PARTS: v })).toBe(4);
    }
  });

  it('refuses a number out of range, naming the range', () => {
    expect(() => setPartsInFlight(0)).toThrow('from 1 to 16');
    setPartsInFlight(2);
    expect(partsInFlight({ SIGNWRIGHT_UPLOAD_PARTS: '8' })).toBe(2);
  });
});
