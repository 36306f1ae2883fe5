import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What a user at 1366 x 768 notices: nothing scrolls sideways, every button can be reached with
 * the mouse (it is the top element at its own centre, not hidden under a panel), and the screen
 * reader / keyboard basics hold (axe-core, serious and critical findings).
 */

/** The document and every scroll panel that must not scroll sideways (results, dialogs). */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const over = await page.evaluate(() => {
    const out: string[] = [];
    const d = document.documentElement;
    if (d.scrollWidth > d.clientWidth + 1) out.push(`document ${d.scrollWidth} > ${d.clientWidth}`);
    for (const sel of ['aside.results', '.dialog', 'main'])
      document.querySelectorAll<HTMLElement>(sel).forEach((el) => {
        if (el.scrollWidth > el.clientWidth + 1)
          out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
      });
    return out;
  });
  expect(over, `${where}: nothing may scroll sideways`).toEqual([]);
}

/** The button is the top element at its centre once scrolled into view (a real mouse reaches it). */
export async function expectOnTop(button: Locator): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  const ok = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      top: !!hit && (hit === el || el.contains(hit)),
      hit: hit ? `${hit.tagName}.${hit.className}` : 'nothing',
      inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1,
    };
  });
  const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
  expect(ok.inView, `"${name}" must be inside the window`).toBe(true);
  expect(ok.top, `"${name}" must be on top at its centre (found ${ok.hit})`).toBe(true);
}

/** Every visible, enabled button in `scope` can be clicked with the mouse. Returns how many. */
export async function expectAllButtonsOnTop(scope: Locator): Promise<number> {
  const buttons = scope.locator('button:visible:not([disabled])');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) await expectOnTop(buttons.nth(i));
  return n;
}

/** A real mouse click (no force) on a button checked to be on top first. */
export async function realClick(button: Locator): Promise<void> {
  await expectOnTop(button);
  await button.click();
}

/** axe-core on the current screen: no serious or critical findings. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: the only way a keyboard user gets there. */
export async function tabTo(
  page: Page,
  target: Locator,
  opts: { back?: boolean; max?: number } = {},
): Promise<void> {
  for (let i = 0; i < (opts.max ?? 250); i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
