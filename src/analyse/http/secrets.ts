// What must never reach a finding: tokens in URLs (userinfo, `?auth=`, `/bot123:AA…/`), header
// values, `-u user:pass`. Request parsing keeps header values only for harmless headers; this module
// masks what can hide inside a URL.

const SECRET_QUERY_NAMES = new Set([
  'auth', 'token', 'access_token', 'accesstoken', 'id_token', 'refresh_token', '_token', 'api_key', 'apikey', 'api-key',
  'key', 'secret', 'client_secret', 'password', 'passwd', 'pass', 'pwd', 'sig', 'signature', 'code', 'session',
  'sessionid', 'jwt', 'private_token', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'sv', 'se', 'sp',
]);

export function isSecretQueryName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_QUERY_NAMES.has(lower) || lower.endsWith('token') || lower.endsWith('secret') || lower.endsWith('password');
}

// Prefixes of well-known credential formats (GitHub, GitLab, Stripe, Slack, AWS, Supabase, npm, OpenAI …).
const TOKEN_PREFIXES = [
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'gldt-', 'sk_live_', 'sk_test_', 'rk_live_', 'rk_test_',
  'xoxb-', 'xoxp-', 'xoxa-', 'xapp-', 'akia', 'asia', 'sbp_', 'npm_', 'sk-', 'hf_', 'dop_v1_', 'pscale_tkn_', 'pscale_pw_',
  'fo1_', 'fm1_', 'fm2_', 'vercel_', 'nfp_', 'lin_api_', 'shpat_', 'eyj',
];

/** A URL segment or value shaped like a credential: a known token prefix, a JWT, a Telegram bot token. */
export function looksLikeSecret(text: string): boolean {
  if (text.length < 16) return false;
  const lower = text.toLowerCase();
  for (const prefix of TOKEN_PREFIXES) if (lower.startsWith(prefix)) return true;
  if (/^(bot)?\d{6,}:[A-Za-z0-9_-]{30,}$/.test(text)) return true;
  // Long unbroken high-entropy strings (no separators an id would use) are more likely keys than ids.
  if (text.length >= 40 && /^[A-Za-z0-9+/=_]+$/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text) && /\d/.test(text)) return true;
  return false;
}

export const MASK = '***';

/** The segment, or the mask when it looks like a credential. */
export function maskSegment(segment: string): string {
  return looksLikeSecret(segment) ? MASK : segment;
}

/** A path with token-shaped segments masked, for reasons and hints. */
export function maskPath(path: string): string {
  return path.split('/').map(maskSegment).join('/');
}
