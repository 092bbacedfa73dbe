// The run's private temp folder (private-tmp.ts): tests see it as os.tmpdir(), and it is gone
// when the run ends — a mutation run writes thousands of throw-away repositories and history copies.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import setup from './private-tmp.ts';

describe('a test run temp folder of its own', () => {
  it('is what this run sees as the temp folder', () => {
    expect(tmpdir()).toMatch(/pp-test-run-[^/]+$/);
  });

  it('is removed with all it holds when the run ends, and the outer TMPDIR comes back', () => {
    const outer = process.env.TMPDIR;
    const teardown = setup();
    const dir = process.env.TMPDIR!;
    expect(dir).not.toBe(outer);
    expect(dir.startsWith(outer!)).toBe(true);
    const repo = mkdtempSync(join(tmpdir(), 'policy-repo-'));
    writeFileSync(join(repo, 'roster.csv'), 'agent_id\nA1\n');
    expect(readdirSync(dir)).toHaveLength(1);
    teardown();
    expect(existsSync(dir)).toBe(false);
    expect(process.env.TMPDIR).toBe(outer);
  });
});
