import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// window-state.ts needs no electron; mocked anyway so an accidental import would not load it
vi.mock('electron', () => ({}));

import {
  DEFAULT_WINDOW,
  fitWindowState,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
  type Rect,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-win-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.useRealTimers();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('falls back to the default for a missing, damaged or implausible file', () => {
    for (const text of [
      null,
      '',
      '{"width":',
      '[]',
      '{"width":"1000","height":700}',
      '{"width":0,"height":700}',
      '{"width":1e9,"height":700}',
      '{"width":1000.5,"height":700}',
      '{"x":null,"y":0,"width":1000,"height":700}',
    ]) {
      expect(parseWindowState(text), String(text)).toEqual(DEFAULT_WINDOW);
    }
  });

  it('drops a place that has only one coordinate', () => {
    expect(parseWindowState('{"x":10,"width":1000,"height":700}')).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('fitWindowState', () => {
  it('keeps a window that is on a display, also on the second monitor', () => {
    const s = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitWindowState(s, [laptop, rightMonitor])).toEqual(s);
  });

  it('moves a window from an unplugged monitor back to the centre of the primary display', () => {
    const s = { x: 1500, y: 100, width: 1200, height: 800, maximized: true };
    expect(fitWindowState(s, [laptop])).toEqual({
      x: 83,
      y: 0,
      width: 1200,
      height: 728,
      maximized: true,
    });
  });

  it('moves a window whose title bar is above the top or almost off the left edge', () => {
    expect(
      fitWindowState({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, [laptop]),
    ).toMatchObject({ x: 183, y: 14 });
    expect(
      fitWindowState({ x: -950, y: 50, width: 1000, height: 700, maximized: false }, [laptop]),
    ).toMatchObject({ x: 183, y: 14 });
    // partly off the edge but with enough of the title bar to grab it: kept
    expect(
      fitWindowState({ x: -800, y: 50, width: 1000, height: 700, maximized: false }, [laptop]),
    ).toMatchObject({ x: -800, y: 50 });
  });

  it('limits the size to the largest display and the window minimum', () => {
    expect(
      fitWindowState({ width: 5000, height: 3000, maximized: false }, [laptop, rightMonitor]),
    ).toEqual({
      width: 1920,
      height: 1040,
      maximized: false,
    });
    expect(fitWindowState({ width: 300, height: 200, maximized: false }, [laptop])).toEqual({
      width: 900,
      height: 600,
      maximized: false,
    });
  });
});

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through window-state.json and starts with the default without one', () => {
    const dir = tmp();
    // the default 1280 x 820, no taller than a 1366 x 768 laptop's work area
    expect(loadWindowState(dir, [laptop])).toEqual({ width: 1280, height: 728, maximized: false });
    const s = { x: 20, y: 30, width: 1100, height: 650, maximized: true };
    saveWindowState(dir, s);
    expect(JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(s);
    expect(loadWindowState(dir, [laptop])).toEqual(s);
    // no temp file left behind
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('a damaged file opens the default window; a folder that cannot be written is logged, not thrown', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"width": 12');
    expect(loadWindowState(dir, [rightMonitor])).toEqual(DEFAULT_WINDOW);
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    const log = vi.fn();
    expect(() => saveWindowState(blocked, DEFAULT_WINDOW, log)).not.toThrow();
    expect(log).toHaveBeenCalledWith(
      'warn',
      expect.stringContaining('could not save the window state'),
    );
  });
});

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 10, width: 1000, height: 700 };
  maximized = false;
  minimized = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isFullScreen = () => false;
}

describe('trackWindowState', () => {
  it('saves shortly after moves and resizes (once), at once on close, and the normal bounds when maximized', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const save = vi.fn();
    trackWindowState(win, save, 500);
    win.bounds = { x: 40, y: 50, width: 1100, height: 720 };
    win.emit('move');
    win.emit('resize');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith({
      x: 40,
      y: 50,
      width: 1100,
      height: 720,
      maximized: false,
    });

    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({
      x: 40,
      y: 50,
      width: 1100,
      height: 720,
      maximized: true,
    });
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('does not save the bounds of a minimized window', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const save = vi.fn();
    trackWindowState(win, save, 500);
    win.minimized = true;
    win.emit('close');
    expect(save).not.toHaveBeenCalled();
  });
});
