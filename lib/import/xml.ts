// A streaming reader of record-shaped XML (Disqus exports, WordPress WXR): the file is read in chunks by
// saxes and each record element (a Disqus <post>, a WXR <wp:comment>) is handed over as a flat map of
// its descendants' text ("author/name" → "Lucia") and attributes ("thread@dsq:id" → "9101"). Only the
// record being read is in memory, so memory stays flat in the file's size.
import fs from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { Invalid } from "@/lib/errors";

export type Fields = Map<string, string>;

export interface XmlRecord {
  /** the record element's name, e.g. "post", "wp:comment" */
  name: string;
  /** its path from the root, e.g. "disqus/post", "rss/channel/item/wp:comment" */
  at: string;
  fields: Fields;
  line: number;
}

/** A file that is not what it should be: the message names the file, line and element. */
export class ImportFileError extends Invalid {
  constructor(message: string) {
    super("file", message);
    this.name = "ImportFileError";
  }
}

interface Open {
  name: string;
  /** the field key prefix inside the current record, or null outside any record */
  key: string | null;
  text: string;
}

export interface ReadOptions {
  /** is an element at this path a record? (paths like "disqus/post") */
  isRecord: (at: string) => boolean;
  /** what the root element must be; anything else is refused with `wrongRoot`'s message */
  root: string;
  wrongRoot: (found: string) => string;
  onRecord: (r: XmlRecord) => void;
  /** an element outside any record opens (e.g. a WXR <item>, whose children are records) */
  onOpen?: (at: string) => void;
  /** after each chunk: bytes read so far */
  onChunk?: (bytesRead: number) => Promise<void> | void;
}

/** Reads the whole file; throws ImportFileError for anything that is not complete, well-formed XML. */
export async function readRecords(file: string, opts: ReadOptions): Promise<void> {
  const label = path.basename(file);
  const parser = new SaxesParser({ position: true });
  const stack: Open[] = [];
  let record: { name: string; at: string; fields: Fields; depth: number; line: number } | null = null;
  let sawRoot = false;
  let failure: Error | null = null;
  const where = () => `${label}: line ${parser.line}, column ${parser.column}`;
  const inside = () => {
    const names = stack.map((o) => o.name);
    return names.length ? ` (inside <${names.slice(-3).join("> <")}>)` : "";
  };

  parser.on("opentag", (tag) => {
    if (failure) return;
    if (stack.length === 0) {
      sawRoot = true;
      if (tag.name !== opts.root) {
        failure = new ImportFileError(`${where()}: ${opts.wrongRoot(tag.name)}`);
        return;
      }
    }
    const at = [...stack.map((o) => o.name), tag.name].join("/");
    let key: string | null = null;
    if (record) {
      const parent = stack[stack.length - 1];
      key = parent.key ? `${parent.key}/${tag.name}` : tag.name;
      for (const [a, v] of Object.entries(tag.attributes)) record.fields.set(`${key}@${a}`, String(v));
    } else if (opts.isRecord(at)) {
      opts.onOpen?.(at);
      record = { name: tag.name, at, fields: new Map(), depth: stack.length, line: parser.line };
      for (const [a, v] of Object.entries(tag.attributes)) record.fields.set(`@${a}`, String(v));
      key = "";
    } else opts.onOpen?.(at);
    stack.push({ name: tag.name, key, text: "" });
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top && record && top.key !== null) top.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (failure) return;
    const top = stack.pop();
    if (!top || !record) return;
    if (stack.length === record.depth) {
      const r = record;
      if (top.text.trim()) r.fields.set("", top.text);
      record = null;
      opts.onRecord({ name: r.name, at: r.at, fields: r.fields, line: r.line });
    } else if (top.key) {
      const prev = record.fields.get(top.key);
      record.fields.set(top.key, prev === undefined ? top.text : prev + top.text);
    }
  });
  parser.on("error", (e) => {
    failure ??= new ImportFileError(`${where()}: not well-formed XML${inside()}: ${bare(e.message)}`);
  });

  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportFileError(
          `${where()}: the file is not UTF-8 text (near byte ${bytes - chunk.length})`,
        );
      }
      parser.write(text);
      if (failure) throw failure;
      await opts.onChunk?.(bytes);
    }
  } finally {
    stream.destroy();
  }
  if (!sawRoot) throw new ImportFileError(`${label}: not XML (no root element found)`);
  if (stack.length > 0)
    throw new ImportFileError(
      `${where()}: the file ends inside <${stack[stack.length - 1].name}>${inside()}: it is truncated, nothing was imported`,
    );
  parser.close();
  if (failure) throw failure;
}

/** saxes prefixes its messages with the position; ours says it once. */
function bare(msg: string): string {
  return msg.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, "");
}
