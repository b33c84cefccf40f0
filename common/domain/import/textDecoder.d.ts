/**
 * The WHATWG TextDecoder exists in every runtime common/ runs in (Node, Chromium), but ES2022's lib
 * does not declare it. Only what the import parsers use is declared, so no DOM or Node type leaks in.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
