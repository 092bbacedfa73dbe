// Chinese text takes full-width punctuation: 「适用:天猫旗舰店」 reads 「适用：天猫旗舰店」. Page
// templates and generated sentences are written with ASCII marks for convenience; this pass, run
// over the built HTML, converts the marks that touch Chinese characters and leaves numbers, times
// (10:00), amounts (3,400) and markup alone.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const MARKS: Record<string, string> = { ',': '\uff0c', ':': '\uff1a', ';': '\uff1b', '!': '\uff01', '?': '\uff1f' };
const near = new RegExp(`(?<=[${CJK}])([,:;!?])|([,:;!?])(?=[${CJK}])`, 'g');
const hasCjk = new RegExp(`[${CJK}]`);

/** One run of text (no markup). */
export function fullWidthText(text: string): string {
  const marks = text.replace(near, (m) => MARKS[m] ?? m);
  // A parenthesis pair becomes full-width when it or its content touches Chinese.
  return marks.replace(/(.?)\(([^()]*)\)/gu, (all, before: string, inner: string) => (hasCjk.test(before + inner) ? `${before}\uff08${inner}\uff09` : all));
}

// A parenthesis pair around inline markup: 「版(<a>看看改了什么</a>)」.
const INLINE = '<\\/?(?:a|strong|em|span|b|i)\\b[^>]*>';
const pairAcrossTags = new RegExp(`([^<>]?)\\(((?:[^()<>]|${INLINE})*)\\)`, 'g');

/** The text between tags of an HTML document; script, style and attribute values are untouched. */
export function fullWidthHtml(html: string): string {
  return html.replace(/(<(script|style)\b[\s\S]*?<\/\2>)|((?:[^<]|<(?!(?:script|style)\b))+)/g, (all, block: string | undefined, _n: string, rest: string | undefined) => {
    if (block) return block;
    const marks = (rest ?? all).replace(/(<[^>]*>)|([^<]+)/g, (m, tag: string | undefined, text: string | undefined) => tag ?? fullWidthText(text ?? m));
    return marks.replace(pairAcrossTags, (m, before: string, inner: string) => (hasCjk.test(before + inner.replace(/<[^>]*>/g, '')) ? `${before}\uff08${inner}\uff09` : m));
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

/** Astro integration: rewrites every built page once the build is done (before Pagefind indexes it). */
export function fullWidthPunctuation(): AstroIntegration {
  return {
    name: 'full-width-punctuation',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const f of htmlFiles(dir.pathname)) writeFileSync(f, fullWidthHtml(readFileSync(f, 'utf8')));
      },
    },
  };
}
