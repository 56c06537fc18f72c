/**
 * The console's security headers, one definition for both places that serve it: CloudFront's response
 * headers policy in AWS (infra/constructs/staff-console.ts) and `npm start` (local/console-assets.ts), so
 * a page that breaks the policy breaks in the local browser tests too.
 */

/**
 * A strict Content-Security-Policy: scripts and styles only from the console's own files (no inline
 * code, no eval), and network requests only to itself (config.json), the API and, in AWS, Cognito.
 */
export function consoleContentSecurityPolicy(connectTo: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectTo].join(" "),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The console uses no camera, microphone, location or payment: no script on it may ask for them. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/** Sent with every page and file besides the CSP (HSTS only over HTTPS, so only by CloudFront). */
export const OTHER_SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": PERMISSIONS_POLICY,
} as const;
