import { describe, expect, test } from 'vitest';
import { approvalText, typeableTarget, typedMatches } from '../../src/confirm/approve-text.js';

describe('typeableTarget', () => {
  test.each([
    ['3d2c42fb-9a1b-4c2d-8e3f-0123456789ab', '3d2c42fb'],
    ['3d2c42fb-…', '3d2c42fb'],
    ['prod_db', 'prod_db'],
    ['main', 'main'],
    ['s3://acme-prod', 'acme-prod'],
    ['s3://acme-prod/', 'acme-prod'],
    ['vol_3d2c42fb8a1b9c0d', 'vol_3d2c42fb'],
    ['vol-0abc123def4567890', 'vol-0abc123d'],
    ['staging', 'staging'],
    ['/var/lib/postgresql/data', '/var/lib/postgresql/data'],
    ['projects/acme/locations/eu/clusters/a-very-long-cluster-name-1', 'a-very-long-cluster-name-1'],
  ])('%s → %s', (target, typed) => expect(typeableTarget(target)).toBe(typed));

  test.each([undefined, '', '.', '/', '~', '$VOLUME_ID', '"$DIR"/*', 'all rows of users', 'db [redacted]', '*', '`x`'])('%s is not nameable', (target) => {
    expect(typeableTarget(target)).toBeUndefined();
  });
});

describe('approvalText', () => {
  test('the first nameable target among the findings that hold the command', () => {
    expect(
      approvalText([
        { rule: 'a', action: 'x', reason: 'r', decision: 'allow', target: 'ignored' },
        { rule: 'b', action: 'y', reason: 'r', target: '$X' },
        { rule: 'c', action: 'z', reason: 'r', target: 'users' },
      ]),
    ).toEqual({ kind: 'target', text: 'users' });
  });
  test('a phrase when nothing has a name', () => {
    expect(approvalText([{ rule: 'a', action: 'x', reason: 'r' }])).toEqual({ kind: 'phrase', text: '' });
  });
});

test('typedMatches ignores surrounding space and case, nothing else', () => {
  expect(typedMatches(' 3D2C42FB ', '3d2c42fb')).toBe(true);
  expect(typedMatches('3d2c42f', '3d2c42fb')).toBe(false);
  expect(typedMatches('', '')).toBe(false);
  expect(typedMatches('yes', '3d2c42fb')).toBe(false);
});
