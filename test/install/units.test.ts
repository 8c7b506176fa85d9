// The installer's building blocks, without processes: editing hook lists, keeping a file's
// formatting, recognising Interlock's commands, reading Codex's feature switches, and reading a
// client's reply (including the replies that would widen permissions).
import { describe, expect, test } from 'vitest';
import { codexHooksSwitchedOff } from '../../src/install/clients/codex.js';
import { unifiedDiff } from '../../src/install/diff.js';
import { findFlat, findNested, removeFlat, removeNested, upsertFlat, upsertNested } from '../../src/install/hook-entries.js';
import { detectStyle, formatJson } from '../../src/install/json-file.js';
import { commandPaths, hookCommand, isInterlockCommand } from '../../src/install/launcher.js';
import { judge } from '../../src/install/probe.js';

const launcher = { node: '/usr/local/bin/node', cli: '/opt/my tools/interlock/dist/interlock.cjs' };
const ours = hookCommand(launcher, 'claude');

describe('hook commands', () => {
  test('quote paths with spaces, fail closed with || exit 2, and are recognised', () => {
    expect(ours).toBe('"/usr/local/bin/node" "/opt/my tools/interlock/dist/interlock.cjs" hook claude || exit 2');
    expect(isInterlockCommand(ours)).toBe(true);
    expect(isInterlockCommand('interlock hook cursor')).toBe(true);
    expect(isInterlockCommand('"${CLAUDE_PLUGIN_ROOT}/bin/interlock-hook" claude')).toBe(false);
    expect(isInterlockCommand('npx prettier --check')).toBe(false);
    expect(commandPaths(ours)).toEqual(['/usr/local/bin/node', '/opt/my tools/interlock/dist/interlock.cjs']);
    expect(hookCommand({ node: '/n', cli: '/a"b$c/interlock.cjs' }, 'x')).toBe('"/n" "/a\\"b\\$c/interlock.cjs" hook x || exit 2');
  });
});

describe('nested hook lists (Claude Code, Gemini, Codex)', () => {
  test('an Interlock handler inside a user group is updated in place; the group keeps its matcher', () => {
    const doc: any = { hooks: { PreToolUse: [{ matcher: 'Bash|Edit', hooks: [{ type: 'command', command: './mine.sh' }, { type: 'command', command: 'interlock hook claude' }] }] } };
    upsertNested(doc, 'f', 'PreToolUse', { matcher: 'Bash' }, { type: 'command', command: ours, timeout: 15 });
    expect(doc.hooks.PreToolUse).toHaveLength(1);
    expect(doc.hooks.PreToolUse[0].matcher).toBe('Bash|Edit');
    expect(doc.hooks.PreToolUse[0].hooks[1].command).toBe(ours);
    expect(findNested(doc, 'PreToolUse')).toEqual([ours]);
    expect(removeNested(doc, 'f', 'PreToolUse')).toBe(1);
    expect(doc).toEqual({ hooks: { PreToolUse: [{ matcher: 'Bash|Edit', hooks: [{ type: 'command', command: './mine.sh' }] }] } });
  });

  test('duplicates collapse to one; removal drops the containers it empties', () => {
    const doc: any = { other: 1, hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ command: 'interlock hook claude' }] }, { matcher: 'Bash', hooks: [{ command: 'x/interlock.cjs" hook claude' }] }] } };
    upsertNested(doc, 'f', 'PreToolUse', { matcher: 'Bash' }, { command: ours });
    expect(findNested(doc, 'PreToolUse')).toEqual([ours]);
    expect(doc.hooks.PreToolUse).toHaveLength(1);
    removeNested(doc, 'f', 'PreToolUse');
    expect(doc).toEqual({ other: 1 });
  });

  test('refuses shapes it does not understand', () => {
    expect(() => upsertNested({ hooks: [] } as any, 'settings.json', 'PreToolUse', {}, {})).toThrow(/"hooks" is not an object/);
    expect(() => upsertNested({ hooks: { PreToolUse: {} } } as any, 'settings.json', 'PreToolUse', {}, {})).toThrow(/is not an array/);
  });
});

describe('flat hook lists (Cursor, Windsurf, Copilot)', () => {
  test('update in place, keep order, remove only ours', () => {
    const doc: any = { hooks: { beforeShellExecution: [{ command: './a.sh' }, { command: 'interlock hook cursor', timeout: 5 }, { command: './b.sh' }] } };
    upsertFlat(doc, 'f', 'beforeShellExecution', { command: ours, timeout: 15 });
    expect(doc.hooks.beforeShellExecution.map((h: any) => h.command)).toEqual(['./a.sh', ours, './b.sh']);
    expect(findFlat(doc, 'beforeShellExecution')).toEqual([ours]);
    expect(removeFlat(doc, 'f', 'beforeShellExecution')).toBe(1);
    expect(doc.hooks.beforeShellExecution).toEqual([{ command: './a.sh' }, { command: './b.sh' }]);
  });
});

describe('formatting', () => {
  test.each([
    ['two spaces', '{\n  "a": [\n    1\n  ]\n}\n'],
    ['tabs', '{\n\t"a": [\n\t\t1\n\t]\n}\n'],
    ['CRLF, no final newline', '{\r\n    "a": [\r\n        1\r\n    ]\r\n}'],
    ['one line', '{"a":[1]}\n'],
  ])('%s round-trips byte for byte', (_name, text) => {
    expect(formatJson(JSON.parse(text), detectStyle(text))).toBe(text);
  });

  test('diff shows added lines with context', () => {
    const diff = unifiedDiff('f.json', '{\n  "a": 1\n}\n', '{\n  "a": 1,\n  "b": 2\n}\n');
    expect(diff).toContain('-  "a": 1\n+  "a": 1,\n+  "b": 2');
    expect(unifiedDiff('f', 'x', 'x')).toBe('');
  });
});

describe('Codex feature switches', () => {
  test.each([
    ['[features]\nhooks = false\n', '[features] hooks = false'],
    ['model = "x"\n[features]\ncodex_hooks = false # old name\n', '[features] codex_hooks = false'],
    ['features.hooks = false\n', 'features.hooks = false'],
    ['[features]\nhooks = true\n', undefined],
    ['[profiles.x]\nhooks = false\n', undefined],
  ])('%j', (toml, expected) => {
    expect(codexHooksSwitchedOff(toml)).toBe(expected);
  });
});

describe('reading replies', () => {
  test('answers that would widen permissions are flagged, never taken as "no opinion"', () => {
    expect(judge('amp', 0, '', '').verdict).toBe('unexpected'); // exit 0 = allow without Amp's prompt
    expect(judge('cursor', 0, '{"permission":"allow"}', '').verdict).toBe('unexpected');
    expect(judge('codex', 0, '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask"}}', '').verdict).toBe('unexpected');
    expect(judge('gemini', 0, 'hello', '').verdict).toBe('unexpected'); // Gemini reads plain text as allow
    expect(judge('codex', 2, '', '').verdict).toBe('unexpected'); // exit 2 without a reason: Codex runs it
    expect(judge('claude', 1, '', 'boom').verdict).toBe('unexpected');
  });

  test('each client\'s block and silence', () => {
    expect(judge('claude', 0, '{"hookSpecificOutput":{"permissionDecision":"deny","permissionDecisionReason":"r"}}', '')).toEqual({ verdict: 'blocked', detail: 'r' });
    expect(judge('cline', 0, '{"cancel":true,"contextModification":"r"}', '')).toEqual({ verdict: 'blocked', detail: 'r' });
    expect(judge('amp', 1, '', '').verdict).toBe('no-opinion');
    expect(judge('cursor', 0, '{}', '').verdict).toBe('no-opinion');
    expect(judge('windsurf', 2, '', 'r')).toEqual({ verdict: 'blocked', detail: 'r' });
  });
});
