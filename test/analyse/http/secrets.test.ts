import { describe, expect, it } from 'vitest';
import { looksLikeSecret } from '../../../src/analyse/http/secrets.js';
import { findings, request } from './helpers.js';

const SECRETS = ['hunter2', 'sk_live_51HxYzSECRETvalue', 'ghp_SECRETSECRETSECRETSECRET12', 'p4ssw0rd', 'literal-bearer-token-xyz', 'abcdef123token', '123456789:AAHsecretTelegramTokenValue_abcdefghij'];

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return SECRETS.filter((s) => text.includes(s));
}

describe('secrets never reach a finding', () => {
  it('drops header values except harmless ones', () => {
    const r = request(['curl', '-H', 'Authorization: Bearer literal-bearer-token-xyz', '-H', 'Cookie: s=hunter2', '-H', 'PRIVATE-TOKEN: p4ssw0rd', '-H', 'apikey: sk_live_51HxYzSECRETvalue', '-H', 'Content-Type: application/json', 'https://a.dev/x']);
    expect(r.headers).toEqual([{ name: 'authorization' }, { name: 'cookie' }, { name: 'private-token' }, { name: 'apikey' }, { name: 'content-type', value: 'application/json' }]);
  });

  it('drops URL credentials and masks secret query values and token-shaped segments', () => {
    const r = request(['curl', '-X', 'DELETE', 'https://admin:hunter2@api.example.com/v1/widgets/42?token=abcdef123token&auth=p4ssw0rd&x=1']);
    expect(r.url).toBe('https://api.example.com/v1/widgets/42?token=***&auth=***&x=1');
    expect(leaks(r.url)).toEqual([]);
    const bot = request(['curl', '-X', 'POST', 'https://api.telegram.org/bot123456789:AAHsecretTelegramTokenValue_abcdefghij/deleteMessage']);
    expect(leaks(bot.url)).toEqual([]);
  });

  it('keeps -u, --oauth2-bearer and header values out of targets, reasons and hints', () => {
    const cases: string[][] = [
      ['curl', 'https://api.stripe.com/v1/customers/cus_1', '-u', 'sk_live_51HxYzSECRETvalue:', '-X', 'DELETE'],
      ['curl', '--oauth2-bearer', 'literal-bearer-token-xyz', '-X', 'DELETE', 'https://api.example.com/v1/a/1'],
      ['curl', '-X', 'DELETE', 'https://acme-default-rtdb.firebaseio.com/.json?auth=abcdef123token'],
      ['curl', '-X', 'DELETE', 'https://u:hunter2@api.example.com/v1/a/1?access_token=abcdef123token'],
      ['curl', '-X', 'POST', 'https://backboard.railway.app/graphql/v2', '-H', 'Authorization: Bearer literal-bearer-token-xyz', '-d', '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}'],
      ['http', 'DELETE', 'https://api.heroku.com/apps/a', 'Authorization:Bearer literal-bearer-token-xyz'],
      ['wget', '--header=Authorization: Bearer literal-bearer-token-xyz', '--method=DELETE', 'https://api.example.com/v1/a/1'],
      ['curl', '-X', 'POST', 'https://api.telegram.org/bot123456789:AAHsecretTelegramTokenValue_abcdefghij/deleteMessage'],
      ['curl', '-X', 'DELETE', 'https://api.example.com/v1/keys/ghp_SECRETSECRETSECRETSECRET12'],
    ];
    for (const argv of cases) {
      const found = findings(argv);
      expect(found.length, argv.join(' ')).toBeGreaterThan(0);
      expect(leaks(found), argv.join(' ')).toEqual([]);
    }
  });

  it('recognises token shapes but not ordinary ids', () => {
    expect(looksLikeSecret('ghp_SECRETSECRETSECRETSECRET12')).toBe(true);
    expect(looksLikeSecret('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).toBe(true);
    expect(looksLikeSecret('3f9d2c1e-7a4b-4e8f-9c2d-1b5a6e7f8a90')).toBe(false);
    expect(looksLikeSecret('vol_q4qeekqzxze29dw4')).toBe(false);
    expect(looksLikeSecret('prj_12HKQaOmR5t5Uy6vdcQsNIiZgHGB')).toBe(false);
  });
});
