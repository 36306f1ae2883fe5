import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The main window's size, place and maximized state, kept between starts in a small JSON file
 * in userData. Pure logic, no electron import: main.ts passes the displays' work areas and the
 * window; tests pass plain objects.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  /** absent: let the OS centre the window */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 820, maximized: false };
/** BrowserWindow minWidth/minHeight (main.ts) */
export const MIN_WINDOW = { width: 900, height: 600 };
/** how much of the window (its top strip with the title bar) must be on a display to be reachable */
const VISIBLE = { width: 120, height: 40 };
export const WINDOW_STATE_FILE = 'window-state.json';

const coord = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  x: coord.optional(),
  y: coord.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
});

/** A saved state, or the default for a missing, damaged or implausible file (never throws). */
export function parseWindowState(text: string | null): WindowState {
  if (text == null) return { ...DEFAULT_WINDOW };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW };
  }
  const r = stateSchema.safeParse(json);
  if (!r.success) return { ...DEFAULT_WINDOW };
  const s: WindowState = {
    width: r.data.width,
    height: r.data.height,
    maximized: r.data.maximized,
  };
  // a place needs both coordinates
  if (r.data.x !== undefined && r.data.y !== undefined)
    Object.assign(s, { x: r.data.x, y: r.data.y });
  return s;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits a saved state to the displays there are now (work areas, primary first): no bigger than
 * the largest display, no smaller than the minimum, and a window whose title bar would be off
 * every display (a monitor unplugged, a resolution changed) is moved back onto the primary one.
 */
export function fitWindowState(s: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return s;
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const width = Math.max(MIN_WINDOW.width, Math.min(s.width, largest.width));
  const height = Math.max(MIN_WINDOW.height, Math.min(s.height, largest.height));
  const out: WindowState = { width, height, maximized: s.maximized };
  if (s.x === undefined || s.y === undefined) return out;
  const titleBar: Rect = { x: s.x, y: s.y, width, height: VISIBLE.height };
  const onScreen = workAreas.find((a) => {
    const o = overlap(titleBar, a);
    // the top edge itself must be on the display, or the title bar cannot be grabbed
    return o.width >= VISIBLE.width && o.height >= VISIBLE.height && s.y! >= a.y;
  });
  if (onScreen) return { ...out, x: s.x, y: s.y };
  const primary = workAreas[0];
  const w = Math.min(width, primary.width);
  const h = Math.min(height, primary.height);
  return {
    width: w,
    height: h,
    maximized: s.maximized,
    x: primary.x + Math.round((primary.width - w) / 2),
    y: primary.y + Math.round((primary.height - h) / 2),
  };
}

/** The state to open the window with: the file in `dir`, fitted to the displays. */
export function loadWindowState(dir: string, workAreas: Rect[]): WindowState {
  let text: string | null = null;
  try {
    text = fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    // first start (or unreadable): the default
  }
  return fitWindowState(parseWindowState(text), workAreas);
}

/** Writes the state atomically (temp file + rename); a failure is logged, never thrown. */
export function saveWindowState(
  dir: string,
  s: WindowState,
  log?: (level: 'warn', msg: string) => void,
): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(s), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (err) {
    log?.('warn', `could not save the window state: ${(err as Error).message}`);
  }
}

/** The parts of a BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

/**
 * Saves the window's normal bounds (the size it returns to from maximized) and whether it is
 * maximized: shortly after it is moved or resized, and at once when it closes.
 */
export function trackWindowState(
  win: TrackedWindow,
  save: (s: WindowState) => void,
  delayMs = 500,
): { flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const current = (): WindowState | null => {
    // minimized or full screen bounds are not a place to come back to
    if (win.isMinimized() || win.isFullScreen()) return null;
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const s = current();
    if (s) save(s);
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e, later);
  win.on('close', flush);
  return { flush };
}
