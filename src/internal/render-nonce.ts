// The CSP nonce of the response being rendered, as the attribute builders see it (`hx()` stamps
// `hx-nonce` from it). The renderer stays free of Node-only imports: `csp()` installs the source
// (src/csp/nonce-scope.ts, on AsyncLocalStorage); without it there is no nonce and the builders
// stay pure.

let source: () => string | undefined = () => undefined

/** Installs where `currentNonce()` reads the nonce from (once, by the CSP module). */
export function setNonceSource(read: () => string | undefined): void {
  source = read
}

/** The nonce of the response being rendered, or `undefined` outside a `csp()` request. */
export function currentNonce(): string | undefined {
  return source()
}

/** Reads the nonce out of a `Content-Security-Policy` header value. */
export function nonceFromPolicy(policy: string | null | undefined): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? '')?.[1]
}
