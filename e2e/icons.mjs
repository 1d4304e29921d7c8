// Renders static/icon.svg to the PNG icons the web app manifest names (run by hand when the
// icon changes; the PNGs are committed). Usage: node icons.mjs
import { readFile } from 'node:fs/promises';
import { launch } from './browser.mjs';

const dir = new URL('../static/', import.meta.url).pathname;
const svg = await readFile(`${dir}icon.svg`, 'utf8');
const browser = await launch();
try {
  for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // A maskable icon fills its square and keeps the drawing inside the central safe circle.
    const body = maskable
      ? svg.replace('rx="96"', 'rx="0"').replace('<g fill="#fff">', '<g fill="#fff" transform="translate(64 64) scale(0.75)">')
      : svg;
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${body}`);
    await page.screenshot({ path: `${dir}${name}`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
