// The one escaping function every renderer uses for text that came from a policy, a data file or
// git (titles, labels, ids, shop and team names, file names). A policy title must never be able to
// rewrite the PR comment: no HTML (`<script>`, `</details>`, `<!--`), no table breaks (`|`), no new
// lines or headings (`## 无变化`), no links, code spans or @-mentions.

/** Inline Markdown text that renders exactly as `text` reads, on one line. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // One line: a blank line would end the paragraph or table cell and start a new block; a tab
      // after a list marker could open an indented code block.
      .replace(/\r\n|[\r\n\t\u2028\u2029\u0085\v\f]/g, ' ')
      // HTML (tags, comments, entities) shown as text.
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Markdown punctuation: emphasis, code spans, links and images, tables, headings, strikethrough.
      .replace(/[\\`*[\]|#~!]/g, (c) => `\\${c}`)
      // `_` inside a word (`cb_t01`) cannot open emphasis in CommonMark; elsewhere it is escaped.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      // A leading list or heading marker (`- `, `+ `, `1. `, `=`) when the text opens a line.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // @-mentions and team pings: a zero-width space keeps the text but not the notification.
      .replace(/@/g, '@\u200b')
  );
}

const PLAIN_CODE = /^[A-Za-z0-9_./:~^@+-]+$/;

/**
 * An identifier shown as inline code (`individual_loss`, `policies/x.yaml`, `HEAD~1`); anything
 * that would not be a plain code span falls back to escaped text.
 */
export function codeSpan(text: string): string {
  return PLAIN_CODE.test(text) && !text.includes('@') ? `\`${text}\`` : escapeMarkdown(text);
}
