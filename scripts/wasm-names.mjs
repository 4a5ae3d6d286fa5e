// The main wasm module's import and export names (release builds, scripts/build-wasm.mjs).
// wasm-bindgen names each import after its JS function and a hash
// (`__wbg_set_textContent_0177b2a6d9293c2c`, module `./deal-explorer_bg.js`): about 8 KB
// of names and 5 KB of module names that the page downloads twice (the wasm's import
// section, the glue's object keys), and the hashes do not compress. Only the glue reads
// them (the parts import the memory, the table and a global from `__wasm_split`), so
// both sides are renamed (`renameImports`). Exports no caller reads can be dropped before
// wasm-opt, which then removes their code (`dropExports`); the glue's own get short names
// too (`renameExports`). The element segments that only write nulls go (`dropNullElements`).
// Each rewrites one section in place and leaves the rest of the module byte for byte.

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function readU32(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    if (byte === undefined || shift > 28) throw new Error("wasm-names: a malformed LEB128 number");
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [value, at];
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The offset after an import's description (its kind at `at`). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    if (flags > 0x07) throw new Error(`wasm-names: unknown limits flags ${flags}`);
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    default: throw new Error(`wasm-names: an import of unknown kind ${kind}`);
  }
}

/** Short, distinct JavaScript identifiers in order: a…z, A…Z, then two letters. */
export function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = letters[i % letters.length];
  for (let n = Math.floor(i / letters.length); n > 0; n = Math.floor((n - 1) / letters.length)) {
    name = letters[(n - 1) % letters.length] + name;
  }
  return name;
}

/** `bytes` with the section `id`'s body replaced by `rewrite(body)`; throws where the module has none. */
function rewriteSection(bytes, id, rewrite) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("wasm-names: not a wasm module");
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  let found = false;
  while (at < bytes.length) {
    const [size, body] = readU32(bytes, at + 1);
    const end = body + size;
    if (bytes[at] === id) {
      found = true;
      const section = rewrite(bytes.subarray(body, end));
      out.push(Buffer.from([id]), writeU32(section.length), section);
    } else {
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  if (!found) throw new Error(`wasm-names: the module has no section ${id}`);
  return Buffer.concat(out);
}

/** A name (its length, then its UTF-8 bytes) read at `at`: [text, next offset]. */
function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

function writeName(text) {
  const encoded = Buffer.from(text, "utf8");
  return [writeU32(encoded.length), encoded];
}

/**
 * Renames the imports of `bytes` (a wasm module): an import whose module is a key of
 * `modules` moves to that module's new name; its field gets a short name too when the
 * module is listed in `renameFields`. Returns the new module's bytes and, per renamed
 * module, a Map of its old field names to the new ones.
 */
export function renameImports(bytes, modules, renameFields) {
  const fields = new Map([...renameFields].map((m) => [m, new Map()]));
  const out = rewriteSection(bytes, 2, (body) => {
    let [count, p] = readU32(body, 0);
    const section = [writeU32(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = readName(body, p);
      [field, p] = readName(body, p);
      const descStart = p;
      p = skipDescription(body, p);
      let newModule = module;
      let newField = field;
      if (modules.has(module)) {
        newModule = modules.get(module);
        const renamed = fields.get(module);
        if (renamed) {
          if (renamed.has(field)) throw new Error(`wasm-names: ${module} ${field} imported twice`);
          newField = shortName(renamed.size);
          renamed.set(field, newField);
        }
      }
      section.push(...writeName(newModule), ...writeName(newField), body.subarray(descStart, p));
    }
    if (p !== body.length) throw new Error("wasm-names: the import section is longer than its imports");
    return Buffer.concat(section);
  });
  return { bytes: out, fields };
}

/**
 * `bytes` with each entry of the vector section `id` (`what` names its entries) rewritten:
 * `entry(body, at)` reads the entry at `at` and returns [its end, its new bytes or null to drop it].
 */
function rewriteEntries(bytes, id, what, entry) {
  return rewriteSection(bytes, id, (body) => {
    let [count, p] = readU32(body, 0);
    const kept = [];
    for (let i = 0; i < count; i++) {
      let bytesOut;
      [p, bytesOut] = entry(body, p);
      if (bytesOut) kept.push(bytesOut);
    }
    if (p !== body.length) throw new Error(`wasm-names: the ${what} section is longer than its ${what}s`);
    return Buffer.concat([writeU32(kept.length), ...kept]);
  });
}

/** Each export of `bytes` through `rewrite(name, its kind and index)`: its new bytes, or null to drop it. */
function rewriteExports(bytes, rewrite) {
  return rewriteEntries(bytes, 7, "export", (body, at) => {
    const [name, p] = readName(body, at);
    const end = readU32(body, p + 1)[1]; // its kind, then its index
    return [end, rewrite(name, body.subarray(p, end), body.subarray(at, end))];
  });
}

/** `bytes` without the exports whose name `drop` accepts; returns the new bytes and the names dropped. */
export function dropExports(bytes, drop) {
  const dropped = [];
  const out = rewriteExports(bytes, (name, _, whole) => (drop(name) ? (dropped.push(name), null) : whole));
  return { bytes: out, dropped };
}

/** `bytes` with each export whose name is a key of `names` renamed to its value. */
export function renameExports(bytes, names) {
  return rewriteExports(bytes, (name, rest) => Buffer.concat([...writeName(names.get(name) ?? name), rest]));
}

/** The names of the exports of `bytes`. */
export function exportNames(bytes) {
  const names = [];
  rewriteExports(bytes, (name, _, whole) => (names.push(name), whole));
  return names;
}

/** The offset after a constant expression (an element's or a segment's offset) that starts at `at`. */
function skipExpression(bytes, at) {
  // The expressions here are a few opcodes with LEB128 immediates; none holds a 0x0b byte
  // before its `end` but an immediate might, so read each instruction.
  for (;;) {
    const op = bytes[at++];
    switch (op) {
      case 0x0b: return at; // end
      case 0x41: case 0x42: case 0x23: case 0xd2: at = readU32(bytes, at)[1]; break; // i32/i64.const (small), global.get, ref.func
      case 0xd0: at += 1; break; // ref.null: its type
      default: throw new Error(`wasm-names: an element expression with opcode ${op}`);
    }
  }
}

/**
 * `bytes` without the active element segments that write only `ref.null` into the table:
 * wasm-split-cli leaves one in the main module for each run of table slots its parts fill
 * (134 segments, 6.6 KB), and a table's slots are null before any segment is applied, so
 * they change nothing. Returns the new bytes and how many segments went.
 */
export function dropNullElements(bytes) {
  let dropped = 0;
  const out = rewriteEntries(bytes, 9, "element segment", (body, start) => {
    let [flags, p] = readU32(body, start);
    // Passive segments are named by index (table.init, elem.drop): dropping any segment before one would renumber it.
    if (flags & 1 && !(flags & 2)) throw new Error("wasm-names: a passive element segment");
    if (flags > 7) throw new Error(`wasm-names: unknown element segment flags ${flags}`);
    if (flags & 2 && !(flags & 1)) [, p] = readU32(body, p); // its table
    if (!(flags & 1)) p = skipExpression(body, p); // an active segment's offset
    if (flags & 3) p += 1; // element kind or reference type
    let n;
    [n, p] = readU32(body, p);
    let allNull = flags & 4 && n > 0 && !(flags & 1);
    for (let k = 0; k < n; k++) {
      if (flags & 4) {
        allNull &&= body[p] === 0xd0;
        p = skipExpression(body, p);
      } else {
        [, p] = readU32(body, p);
      }
    }
    if (allNull) dropped++;
    return [p, allNull ? null : body.subarray(start, p)];
  });
  return { bytes: out, dropped };
}
