// The survey of tap targets shared by touch.mjs and phone.mjs: run in the page with
// `page.evaluate(survey, MIN)`; see touch.mjs for what counts as a control, when it is visible
// and which box is its tap target.

/** The smallest tap target, CSS px (Apple's HIG; Material asks 48 dp). */
export const MIN = 44;

/** Runs in the page: every visible, enabled control with its kind, label and tap-target box. */
export function survey(min) {
  const SELECTOR = [
    'button', 'a[href]', 'input:not([type=hidden])', 'select', 'textarea', 'summary',
    '[role=button]', '[role=link]', '[role=tab]', '[role=checkbox]', '[role=radio]', '[role=switch]',
    '[role=menuitem]', '[role=option]', '[tabindex]:not([tabindex^="-"])',
  ].join(',');
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) return false; // placed off the page
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : getComputedStyle(el).visibility !== 'hidden';
  };
  const kind = (el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') return `input[${(el.getAttribute('type') ?? 'text').toLowerCase()}]`;
    if (tag === 'a') return 'a[href]';
    if (['button', 'select', 'textarea', 'summary'].includes(tag)) return tag;
    if (el.getAttribute('role')) return `[role=${el.getAttribute('role')}] <${tag}>`;
    return `[tabindex] <${tag}>`;
  };
  const name = (el) => {
    const text = el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.value
      || el.getAttribute('placeholder') || el.getAttribute('title') || el.id || el.className || '';
    return String(text).replace(/\s+/g, ' ').trim().slice(0, 40);
  };
  const box = (r) => ({ x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
  const controls = [];
  for (const el of document.querySelectorAll(SELECTOR)) {
    if (el.matches(':disabled') || !visible(el)) continue;
    let r = el.getBoundingClientRect();
    let via = null;
    if (el.matches('input[type=checkbox], input[type=radio], input[type=file]')) {
      for (const label of el.labels ?? []) {
        const lr = label.getBoundingClientRect();
        if (visible(label) && lr.width * lr.height > r.width * r.height) { r = lr; via = 'label'; }
      }
    }
    const b = box(r);
    controls.push({ kind: kind(el), name: name(el), ...b, via, small: b.w < min || b.h < min, firstScreen: r.top < innerHeight && r.bottom > 0 });
  }
  const root = document.scrollingElement;
  // Elements reaching past the right edge, outermost first: those inside a box that clips or
  // scrolls sideways do not widen the page (they scroll within their box).
  const tag = (el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;
  const boxOf = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return p;
    }
    return null;
  };
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (!(r.right > innerWidth + 0.5 && r.width > 0 && visible(el))) continue;
    if (wide.some((w) => w.el.contains(el))) continue;
    const box = boxOf(el);
    wide.push({ el, text: `${tag(el)} right edge ${Math.round(r.right)}${box ? `, scrolls inside ${tag(box)}` : ''}` });
  }
  return {
    controls,
    coarse: matchMedia('(pointer: coarse)').matches,
    scrollWidth: root.scrollWidth,
    innerWidth,
    wide: wide.map((w) => w.text),
  };
}
