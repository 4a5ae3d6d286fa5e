// The public site address a release is built for (DE_SITE_URL), and the
// link-preview addresses of index.html made absolute under it: Open Graph
// and Twitter cards want absolute URLs, which a static folder that may be
// copied to any host and sub-path cannot know by itself. Without it the tags
// stay relative (the canonical link is still right: the browser resolves it,
// and the app keeps it on the state shown). Node's standard library only.

/** Which tags carry a preview address, and in which attribute. */
const PREVIEW = new Set(["og:url", "og:image", "twitter:image"]);

/** The site address, checked and ending in "/", or null when unset. */
export function siteUrl(value) {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`DE_SITE_URL must be an http(s) address, not ${value}`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url.href;
}

/** The attributes of a tag's body, in order: [name, value or null]. Quoted or not (Trunk's minifier drops quotes). */
const attributes = (body) =>
  [...body.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((m) => [
    m[1],
    m[2] === undefined ? null : m[2].replace(/^(["'])(.*)\1$/s, "$2"),
  ]);

/** `html` with the canonical link and the preview tags' addresses resolved against `site`. */
export function absoluteLinks(html, site) {
  return html.replace(/<(meta|link)\b([^>]*)>/gi, (tag, name, body) => {
    const list = attributes(body.replace(/\/\s*$/, ""));
    const get = (key) => list.find(([a]) => a.toLowerCase() === key)?.[1] ?? null;
    const isLink = name.toLowerCase() === "link";
    const key = isLink ? (get("rel") === "canonical" ? "href" : null) : PREVIEW.has(get("property") ?? get("name")) ? "content" : null;
    if (!key || get(key) === null) return tag;
    const absolute = new URL(get(key), site).href;
    const written = list.map(([a, v]) => (v === null ? a : `${a}="${(a.toLowerCase() === key ? absolute : v).replace(/"/g, "&quot;")}"`));
    return `<${name} ${written.join(" ")}>`;
  });
}
