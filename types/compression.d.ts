// The part of `compression` (1.8, brotli-capable) that server/compress.cjs uses.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type { BrotliOptions, ZlibOptions } from "node:zlib";

  interface Options extends ZlibOptions {
    threshold?: number | string;
    brotli?: BrotliOptions;
    filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
    enforceEncoding?: string;
  }
  function compression(
    options?: Options,
  ): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  export = compression;
}
