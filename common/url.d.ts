/**
 * The WHATWG URL class exists in every runtime common/ runs in (Node, Chromium), but ES2022's lib
 * does not declare it. Only what common/ uses is declared, so no DOM or Node type leaks in.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly origin: string;
  readonly port: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly searchParams: URLSearchParams;
}

/** The WHATWG URLSearchParams class (same reason as {@link URL}). */
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
