// curl's option table (curl 8.x `--help all`): which options take an argument, and the short
// letters. Needed to tell an option's value from a URL: in `curl -o out.json -H x https://…`
// only the last word is a URL.

/** Long options that take an argument. */
const WITH_ARGUMENT = `
abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config connect-timeout connect-to
continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii data-binary data-raw data-urlencode
delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header ech egd-file engine etag-compare
etag-save expect100-timeout form form-string ftp-account ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode
happy-eyeballs-timeout-ms haproxy-clientip header hostpubmd5 hostpubsha256 hsts interface ip-tos ipfs-gateway json
keepalive-cnt keepalive-time key key-type knownhosts krb libcurl limit-rate local-port login-options mail-auth
mail-from mail-rcpt max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir parallel-max
pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert proxy-capath proxy-cert proxy-cert-type
proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey proxy-service-name
proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0 pubkey quote random-file
range rate referer request request-target resolve retry retry-delay retry-max-time sasl-authzid service-name sigalgs
socks4 socks4a socks5 socks5-gssapi-service socks5-hostname speed-limit speed-time ssl-sessions stderr telnet-option
tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii trace-config
unix-socket upload-file upload-flags url url-query user user-agent variable vlan-priority write-out
`;

/** Long options without an argument that matter to the request (the rest are simply skipped). */
const FLAGS = `
get head next disable globoff location path-as-is
`;

/** Every other boolean long option, so that unambiguous prefixes resolve like curl's own table. */
const OTHER_FLAGS = `
anyauth append basic ca-native cert-status compressed compressed-ssh create-dirs crlf digest disable-eprt
disable-epsv disallow-username-in-url doh-cert-status doh-insecure fail fail-early fail-with-body false-start
form-escape ftp-create-dirs ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-control help http0.9 http1.0
http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length include insecure ipv4 ipv6
junk-session-cookies list-only location-trusted manual mptcp negotiate netrc netrc-optional no-buffer no-keepalive
no-npn no-progress-meter no-sessionid ntlm ntlm-wb parallel parallel-immediate progress-bar proxy-anyauth
proxy-basic proxy-ca-native proxy-digest proxy-http2 proxy-insecure proxy-negotiate proxy-ntlm proxy-ssl-allow-beast
proxy-ssl-auto-client-cert proxytunnel raw remote-header-name remote-name remote-name-all remote-time
remove-on-error retry-all-errors retry-connrefused sasl-ir show-error show-headers silent skip-existing socks5-basic
socks5-gssapi socks5-gssapi-nec ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort
sslv2 sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay tftp-no-options tls-earlydata tlsv1
tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-ids trace-time use-ascii verbose version xattr out-null follow
`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

export const CURL_LONG_WITH_ARGUMENT: ReadonlySet<string> = new Set(words(WITH_ARGUMENT));
const ALL_LONG: readonly string[] = [...words(WITH_ARGUMENT), ...words(FLAGS), ...words(OTHER_FLAGS)];
const ALL_LONG_SET: ReadonlySet<string> = new Set(ALL_LONG);

/** Short letters → long names (only those with an argument, or that change the request). */
export const CURL_SHORT: Readonly<Record<string, string>> = {
  E: 'cert', K: 'config', C: 'continue-at', b: 'cookie', c: 'cookie-jar', d: 'data', D: 'dump-header', F: 'form',
  P: 'ftp-port', H: 'header', m: 'max-time', o: 'output', x: 'proxy', U: 'proxy-user', Q: 'quote', r: 'range',
  e: 'referer', X: 'request', Y: 'speed-limit', y: 'speed-time', t: 'telnet-option', z: 'time-cond', T: 'upload-file',
  u: 'user', A: 'user-agent', w: 'write-out', G: 'get', I: 'head', ':': 'next', q: 'disable', g: 'globoff', L: 'location',
};

/**
 * The full long name for `--name`: exact, `--no-x` of a boolean, or (as curl before 8.x did) an
 * unambiguous prefix. Undefined for an unknown option.
 */
export function resolveCurlLong(name: string): string | undefined {
  if (ALL_LONG_SET.has(name)) return name;
  if (name.startsWith('no-') && ALL_LONG_SET.has(name.slice(3)) && !CURL_LONG_WITH_ARGUMENT.has(name.slice(3))) return name;
  let hit: string | undefined;
  for (const long of ALL_LONG) {
    if (!long.startsWith(name)) continue;
    if (hit) return undefined;
    hit = long;
  }
  return hit;
}
