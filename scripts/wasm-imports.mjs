// Short import names for the main wasm module (release builds, scripts/build-wasm.mjs).
// wasm-bindgen names each import after its JS function and a hash
// (`__wbg_set_textContent_0177b2a6d9293c2c`, module `./deal-explorer_bg.js`): about 8 KB
// of names and 5 KB of module names that the page downloads twice (the wasm's import
// section, the glue's object keys), and the hashes do not compress. Only the glue reads
// them (the parts import the memory, the table and a global from `__wasm_split`), so
// both sides are renamed here: the wasm's import section is rewritten in place, the
// rest of the module is left byte for byte.

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function readU32(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    if (byte === undefined || shift > 28) throw new Error("wasm-imports: a malformed LEB128 number");
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
    if (flags > 0x07) throw new Error(`wasm-imports: unknown limits flags ${flags}`);
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    default: throw new Error(`wasm-imports: an import of unknown kind ${kind}`);
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

/**
 * Renames the imports of `bytes` (a wasm module): an import whose module is a key of
 * `modules` moves to that module's new name; its field gets a short name too when the
 * module is listed in `renameFields`. Returns the new module's bytes and, per renamed
 * module, a Map of its old field names to the new ones.
 */
export function renameImports(bytes, modules, renameFields) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("wasm-imports: not a wasm module");
  const out = [bytes.subarray(0, 8)];
  const fields = new Map([...renameFields].map((m) => [m, new Map()]));
  let at = 8;
  let found = false;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readU32(bytes, at + 1);
    const end = body + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    found = true;
    let [count, p] = readU32(bytes, body);
    const section = [writeU32(count)];
    for (let i = 0; i < count; i++) {
      const name = () => {
        const [length, start] = readU32(bytes, p);
        p = start + length;
        return utf8.decode(bytes.subarray(start, p));
      };
      const module = name();
      const field = name();
      const descStart = p;
      p = skipDescription(bytes, p);
      let newModule = module;
      let newField = field;
      if (modules.has(module)) {
        newModule = modules.get(module);
        const renamed = fields.get(module);
        if (renamed) {
          if (renamed.has(field)) throw new Error(`wasm-imports: ${module} ${field} imported twice`);
          newField = shortName(renamed.size);
          renamed.set(field, newField);
        }
      }
      for (const text of [newModule, newField]) {
        const encoded = Buffer.from(text, "utf8");
        section.push(writeU32(encoded.length), encoded);
      }
      section.push(bytes.subarray(descStart, p));
    }
    if (p !== end) throw new Error("wasm-imports: the import section is longer than its imports");
    const sectionBytes = Buffer.concat(section);
    out.push(Buffer.from([2]), writeU32(sectionBytes.length), sectionBytes);
    at = end;
  }
  if (!found) throw new Error("wasm-imports: the module imports nothing");
  return { bytes: Buffer.concat(out), fields };
}
