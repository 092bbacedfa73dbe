// Tests write throw-away repositories and copies of (synthetic) salary history into the temp
// folder, thousands of them over a mutation run. This vitest global setup gives each run a temp
// folder of its own (TMPDIR, which os.tmpdir(), the forked test workers and every CLI they spawn
// inherit) and removes it when the run ends, so no test needs its own clean-up to leave nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'pp-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    rmSync(dir, { recursive: true, force: true });
  };
}
