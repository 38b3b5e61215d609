// Accessibility of every section in browser mode, in light and dark (the system theme, emulated): axe-core
// (@axe-core/playwright, WCAG 2.x A/AA rules) finds no serious or critical violation on the welcome screen,
// the deck with live columns, Compose, Calendar, Analytics, the Inbox and each Settings tab; and a keyboard
// tab-walk through the main sections reaches every visible control, each showing a focus outline.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { sandboxClient } from './support/sandbox.ts';
import { addBlueskyAccount, openSection } from './support/ui.ts';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly targets: string[];
}

async function audit(page: Page, where: string): Promise<Finding[]> {
  // Let the section settle (charts, lazy lists) before judging it.
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

async function addColumn(page: Page, type: string): Promise<void> {
  await page.getByRole('button', { name: 'Add column' }).first().click();
  const form = page.getByRole('form', { name: 'Add a column' });
  await form.getByLabel('Column').selectOption({ label: type });
  await form.getByRole('button', { name: 'Add column' }).click();
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation in any section (${theme})`, async ({ browser }) => {
    test.setTimeout(420_000);
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const findings: Finding[] = [];
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    findings.push(...(await audit(page, 'welcome')));

    const sandbox = sandboxClient();
    const brand = await sandbox.createAccount({ handlePrefix: `ax${theme}` });
    await sandbox.post({
      handle: brand.handle,
      text: `Checking ${theme} contrast with #roost and https://example.com`,
    });
    await addBlueskyAccount(page, sandbox.info.pdsUrl, brand.handle, brand.appPassword);
    for (const tab of ['accounts', 'general', 'shortener', 'governance']) {
      await page.getByTestId(`settings-tab-${tab}`).click();
      findings.push(...(await audit(page, `settings/${tab}`)));
    }
    await openSection(page, 'Streams');
    await addColumn(page, 'Home');
    await addColumn(page, 'Mentions');
    await expect(page.getByTestId('deck-columns').locator('article.item').first()).toBeVisible({
      timeout: 60_000,
    });
    findings.push(...(await audit(page, 'deck')));
    for (const section of ['Inbox', 'Compose', 'Calendar', 'Analytics']) {
      await openSection(page, section);
      findings.push(...(await audit(page, section.toLowerCase())));
    }
    await context.close();
    expect(findings).toEqual([]);
  });
}

const CONTROLS =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

test('the keyboard reaches every control of the main sections, each with a visible focus', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  for (const section of ['Streams', 'Compose', 'Calendar', 'Analytics', 'Settings']) {
    await openSection(page, section);
    await page.waitForLoadState('networkidle');
    // Sections that draw from a worker's answer (Analytics' charts) add controls after the network is idle:
    // the walk starts once the page has held the same controls for a second.
    let count = -1;
    for (let settled = false; !settled;) {
      const now = await page.evaluate((selector) => document.querySelectorAll(selector).length, CONTROLS);
      settled = now === count;
      count = now;
      if (!settled) await page.waitForTimeout(1_000);
    }
    // Every visible, enabled control of the page, by a stable id given here.
    const controls = await page.evaluate((selector) => {
      const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
        // checkVisibility also sees the inside of a closed <details> (content-visibility: hidden) as hidden.
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) return false;
        // Composite widgets (tab lists, radio groups) take one Tab stop and move inside with the arrows.
        if (el.tabIndex < 0) return false;
        if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && el.name) {
          const group = document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`);
          if ([...group].some((r) => r.checked)) return false;
        }
        return true;
      });
      all.forEach((el, i) => el.setAttribute('data-tabwalk', String(i)));
      return all.length;
    }, CONTROLS);
    expect(controls).toBeGreaterThan(3);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('body').focus();
    const reached = new Set<string>();
    const unfocusedOutline: string[] = [];
    // Focus may pass through the browser's own UI between rounds: allow two rounds, stop once all are seen.
    for (let press = 0; press < controls * 2 + 4 && reached.size < controls; press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none';
        return {
          id: el.getAttribute('data-tabwalk'),
          visible: ring || shadow,
          name: el.outerHTML.slice(0, 80),
        };
      });
      if (!focused?.id) continue;
      reached.add(focused.id);
      if (!focused.visible) unfocusedOutline.push(focused.name);
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll<HTMLElement>('[data-tabwalk]')]
          .filter((el) => !seen.includes(el.getAttribute('data-tabwalk')!))
          .map((el) => el.outerHTML.slice(0, 100)),
      [...reached],
    );
    expect({ section, missed, unfocusedOutline }).toEqual({ section, missed: [], unfocusedOutline: [] });
    await page.evaluate(() =>
      document.querySelectorAll('[data-tabwalk]').forEach((el) => el.removeAttribute('data-tabwalk')),
    );
  }
  await context.close();
});
