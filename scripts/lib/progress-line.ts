// A progress line for long runs (rows read, months replayed) on stderr, only when stderr is a
// terminal: CI logs, pipes and tests get nothing. Each call overwrites the line (at most ten
// times a second); `undefined` clears it.
export function terminalProgress(stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr): ((text: string | undefined) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (text) => {
    if (text === undefined) {
      stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    stream.write(`\r\x1b[K${text}`);
  };
}
