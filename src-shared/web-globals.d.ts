// The few web-platform globals src-shared uses, which Node and every browser both provide
// (WHATWG URL and Encoding). The shared project has neither the DOM lib nor Node's types, so
// the compiler refuses `document`, `window`, `process` or `Buffer` here (tsconfig.shared.json).
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly origin: string;
  toString(): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
