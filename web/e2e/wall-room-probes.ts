/*
 * What the room-readability test measures inside the page: text below the
 * minimum size, text cut by its own box or by a clipping ancestor, and map
 * labels that overlap. Each returns short descriptions of the offenders, so a
 * failure names them.
 */
import type { Page } from 'playwright-core';

export interface TextProbe {
  /** Visible text drawn smaller than the minimum. */
  small: string[];
  /** Visible text overflowing its own clipping box, or lying outside a clipping ancestor. */
  cut: string[];
}

export function probeTexts(page: Page, minPx: number): Promise<TextProbe> {
  return page.evaluate((min) => {
    const name = (el: HTMLElement) => {
      const code = el.closest('[data-code]')?.getAttribute('data-code');
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${code ? `@${code}` : ''} "${text}"`;
    };
    // Elements that draw text of their own and are visible (not screen-reader-only, not in a hidden view).
    const elements: HTMLElement[] = [];
    const seen = new Set<HTMLElement>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent?.trim() || !el || seen.has(el) || el.closest('.sr-only, script, style, noscript, [hidden]'))
        continue;
      seen.add(el);
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (cs.visibility === 'visible' && cs.display !== 'none' && r.width >= 2 && r.height >= 2) elements.push(el);
    }
    const small: string[] = [];
    const cut: string[] = [];
    for (const el of elements) {
      const cs = getComputedStyle(el);
      // 0.25 px of slack for sub-pixel rounding of rem-based sizes.
      if (parseFloat(cs.fontSize) < min - 0.25) small.push(`${name(el)} ${cs.fontSize}`);
      if (cs.display !== 'inline' && cs.overflowX !== 'visible') {
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
          cut.push(`${name(el)} overflows its box`);
          continue;
        }
      }
      const r = el.getBoundingClientRect();
      for (let a = el.parentElement; a; a = a.parentElement) {
        const acs = getComputedStyle(a);
        if (acs.overflowX === 'visible' && acs.overflowY === 'visible') continue;
        // A scrolling list may hold more than it shows; only fixed boxes cut text.
        if (['auto', 'scroll'].includes(acs.overflowY) || ['auto', 'scroll'].includes(acs.overflowX)) break;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 1 || r.right > ar.right + 1 || r.top < ar.top - 1 || r.bottom > ar.bottom + 1) {
          cut.push(`${name(el)} cut by ${a.tagName.toLowerCase()}.${String(a.className).split(' ')[0]}`);
          break;
        }
      }
    }
    return { small, cut };
  }, minPx);
}

export function overlappingLabels(page: Page): Promise<string[]> {
  return page.$$eval('.label[data-code]', (els) => {
    const boxes = els.map((e) => ({ code: e.getAttribute('data-code') ?? '?', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom)
          out.push(`${a.code} × ${b.code}`);
      }),
    );
    return out;
  });
}
