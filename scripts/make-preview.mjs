// Writes public/preview.png, the 1200×630 picture that link previews
// (Open Graph, Twitter cards) show: the title in English and Urdu and the
// dataset's own figures, in the app's colours and Urdu font, drawn by the
// local headless Chromium (no third-party service). Run `make preview` after a
// dataset release or a design change, and commit the PNG: builds and tests
// read the committed file, so they stay offline and reproducible.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(new URL("..", import.meta.url).pathname);
const data = JSON.parse(readFileSync(join(root, "public/data/deals.json"), "utf8"));
const out = join(root, "public/preview.png");
const font = pathToFileURL(join(root, "public/fonts/noto-naskh-arabic-arabic-400-normal.woff2")).href;
const [WIDTH, HEIGHT] = [1200, 630];

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// Inside Urdu, a year range such as 2025–26 keeps its left-to-right order.
const isolateNumbers = (s) => s.replace(/\d[\d–-]*\d/g, (run) => `<bdi dir="ltr">${run}</bdi>`);
const asOf = new Date(`${data.meta.as_of}T00:00:00Z`).toLocaleDateString("en-GB", {
  day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
});
const figures = `${data.events.length} dated events · ${data.sources.length} sources · data as of ${asOf}`;

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<style>
  @font-face { font-family: "DE Naskh"; src: url("${font}") format("woff2"); }
  html, body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
  body { box-sizing: border-box; padding: 64px 72px; display: flex; flex-direction: column; justify-content: space-between;
         background: #0f4c5c; color: #ffffff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  .brand { font-size: 30px; letter-spacing: 0.04em; color: #f0b88a; text-transform: uppercase; }
  h1 { margin: 0; font-size: 68px; line-height: 1.1; font-weight: 700; }
  .ur { margin: 18px 0 0; font-family: "DE Naskh", serif; font-size: 50px; line-height: 1.5; direction: rtl; text-align: right; }
  .views { font-size: 32px; color: #d8ecef; }
  .figures { font-size: 28px; color: #f0b88a; border-top: 3px solid #c97d4a; padding-top: 20px; }
</style></head>
<body>
  <div class="brand">Deal Explorer</div>
  <div>
    <h1>${escape(data.meta.title)}</h1>
    <p class="ur" lang="ur">${isolateNumbers(escape(data.meta.title_ur || ""))}</p>
  </div>
  <div class="views">Deals · Timeline · Tariff calculator · Sources</div>
  <div class="figures">${escape(figures)}</div>
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), "de-preview-"));
try {
  const page = join(dir, "preview.html");
  writeFileSync(page, html);
  const run = spawnSync(
    process.env.CHROMIUM || "/usr/bin/chromium",
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
      "--allow-file-access-from-files", `--user-data-dir=${join(dir, "profile")}`,
      `--window-size=${WIDTH},${HEIGHT}`, "--virtual-time-budget=2000", `--screenshot=${out}`,
      pathToFileURL(page).href,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (run.status !== 0) throw new Error(`chromium exited with ${run.status}`);
  const png = readFileSync(out);
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (w !== WIDTH || h !== HEIGHT) throw new Error(`preview is ${w}×${h}, not ${WIDTH}×${HEIGHT}`);
  console.log(`make-preview: ${out} (${w}×${h}, ${png.length} bytes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
