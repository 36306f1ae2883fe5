import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canDraw, resolveFontsDir } from './fonts';
import { pdfText } from './pdf-doc';

describe('resolveFontsDir', () => {
  const font = (dir: string) => path.join(dir, 'DejaVuSans.ttf');
  it('packaged: <resources>/fonts (electron-builder extraResources)', () => {
    const have = new Set([font('/opt/Signwright/resources/fonts')]);
    expect(
      resolveFontsDir({
        resourcesPath: '/opt/Signwright/resources',
        moduleDir: '/opt/Signwright/resources/app.asar/out/main',
        exists: (p) => have.has(p),
      }),
    ).toBe('/opt/Signwright/resources/fonts');
  });
  it('dev and tests: resources/fonts of the checkout, upwards from the module (sources or out/main)', () => {
    const have = new Set([font('/repo/resources/fonts')]);
    const exists = (p: string) => have.has(p);
    // Electron in dev: its own resources folder has no fonts
    const electronDev = '/repo/node_modules/electron/dist/resources';
    expect(
      resolveFontsDir({ resourcesPath: electronDev, moduleDir: '/repo/out/main', exists }),
    ).toBe('/repo/resources/fonts');
    expect(
      resolveFontsDir({
        resourcesPath: undefined,
        moduleDir: '/repo/src-main/services/reports',
        exists,
      }),
    ).toBe('/repo/resources/fonts');
  });
  it('says which files are missing and where it looked', () => {
    expect(() =>
      resolveFontsDir({ resourcesPath: undefined, moduleDir: '/x/y', exists: () => false }),
    ).toThrow(
      /DejaVuSans\.ttf, DejaVuSans-Bold\.ttf\) are missing: looked in resources\/fonts above \/x\/y/,
    );
  });
  it('finds the vendored fonts of this checkout', () => {
    expect(canDraw('Ω'.codePointAt(0) as number)).toBe(true);
    expect(canDraw('中'.codePointAt(0) as number)).toBe(false);
  });
});

describe('pdfText', () => {
  it('keeps what the fonts draw', () => {
    for (const s of [
      'Ω = 1.67',
      '√(4.36 h / A) ≤ 1.0',
      '32 ft², 0.8 yd³',
      'Zoë Łukasiewicz-Ødegård',
      'Δ α ε φ λ π → − – — “x” ‘y’ …',
      'Москва',
    ])
      expect(pdfText(s)).toBe(s);
  });
  it('prints one U+FFFD per character the fonts cannot draw (an emoji with its modifiers is one)', () => {
    expect(pdfText('東京 site')).toBe('\ufffd\ufffd site');
    expect(pdfText('ok 🏗️ 👍🏽 done')).toBe('ok \ufffd \ufffd done');
    expect(pdfText('❤️ ✓')).toBe('❤️ ✓'); // both are in DejaVu
    expect(pdfText('e\u0301')).toBe('e\u0301'); // a combining accent the font has
  });
  it('turns tabs into spaces, CR LF into a line break and other controls into "?"', () => {
    expect(pdfText('a\tb\r\nc\u0007d\u0085')).toBe('a b\nc?d?');
  });
});
