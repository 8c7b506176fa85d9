import { describe, expect, test } from 'vitest';
import { holdMessage } from '../../src/confirm/message.js';
import type { PendingRequest } from '../../src/confirm/requests.js';

const request: PendingRequest = {
  id: 'k7m2xq',
  key: 'k',
  command: 'curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer [redacted]" -d …',
  cwd: '/work/app',
  client: 'claude',
  findings: [{ rule: 'http.graphql.destructive-mutation', action: 'delete volume', target: '3d2c42fb-9a1b', reason: 'r', hints: ['production host'] }],
  approve: { kind: 'target', text: '3d2c42fb' },
  createdAt: '2025-01-01T00:00:00.000Z',
  status: 'pending',
};

describe('holdMessage', () => {
  test('tells the agent what would be destroyed, the human command, and to stop', () => {
    const { agent, user } = holdMessage(request);
    expect(agent).toContain('delete volume 3d2c42fb-9a1b (production host)');
    expect(agent).toContain('interlock approve k7m2xq');
    expect(agent).toMatch(/their own terminal/);
    expect(agent).toMatch(/Stop here/);
    expect(agent).toMatch(/[Dd]o not retry/);
    expect(user).toContain('interlock approve k7m2xq');
    expect(user.split('\n')).toHaveLength(1);
  });

  test('never hands the agent a way to approve: no typing instruction, no phrase', () => {
    const phrase: PendingRequest = { ...request, approve: { kind: 'phrase', text: 'maple otter quartz' } };
    for (const r of [request, phrase]) {
      const { agent, user } = holdMessage(r);
      expect(agent).not.toMatch(/type\s*"/i);
      expect(agent).not.toContain('maple otter quartz');
      expect(user).not.toContain('maple otter quartz');
      expect(agent).not.toMatch(/grants?\//);
    }
  });
});
