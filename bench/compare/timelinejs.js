// TimelineJS on the events of data/timeline.json (made from our dataset by
// scripts/bench-compare-site.mjs). Its defaults fetch fonts and its language
// file from CDNs: here both come from this server, so no request leaves it.
new TL.Timeline("timeline", "data/timeline.json", {
  // The default font file pulls Google Fonts; without one it uses the page's.
  font: null,
  // Where it loads its language file from (an absolute URL, as it resolves against it).
  script_path: new URL("lib/timelinejs/js/", location.href).href,
  hash_bookmark: false,
});
