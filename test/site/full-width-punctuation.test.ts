// Generated Chinese text gets full-width punctuation; numbers, times, amounts and markup keep theirs.
import { describe, expect, it } from 'vitest';
import { fullWidthHtml, fullWidthText } from '../../site/src/lib/full-width-punctuation.ts';

describe('full-width punctuation', () => {
  it('converts marks that touch Chinese characters', () => {
    expect(fullWidthText('适用:天猫旗舰店;岗位:客服、组长')).toBe('适用：天猫旗舰店；岗位：客服、组长');
    expect(fullWidthText('达到 50% 奖 800 元,之后每档加 400 元')).toBe('达到 50% 奖 800 元，之后每档加 400 元');
    expect(fullWidthText('底薪(客服 P2)')).toBe('底薪（客服 P2）');
  });

  it('keeps times, amounts and Latin text as they are', () => {
    expect(fullWidthText('2026-11-02 10:00 · ¥3,400.00 · PR #7 (fix)')).toBe('2026-11-02 10:00 · ¥3,400.00 · PR #7 (fix)');
  });

  it('pairs parentheses around a link', () => {
    expect(fullWidthHtml('第 2 版(<a href="/c/">看看改了什么</a>)')).toBe('第 2 版\uff08<a href="/c/">看看改了什么</a>\uff09');
  });

  it('leaves tags, attributes, scripts and styles alone', () => {
    const html = '<a title="a:b,中" href="/x/">规则:1</a><script>if(a,中)x()</script><style>a:hover{}</style>';
    expect(fullWidthHtml(html)).toBe('<a title="a:b,中" href="/x/">规则：1</a><script>if(a,中)x()</script><style>a:hover{}</style>');
  });
});
