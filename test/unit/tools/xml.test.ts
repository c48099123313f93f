import { describe, expect, it } from 'vitest';
import { decodeEntities, parseXml } from '../../../tools/reports/xml.ts';
import { reportError } from './report-fixtures.ts';

describe('parseXml', () => {
  it('parses elements, attributes in both quote styles, text and self-closing tags', () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<a x="1" y='two &amp; three'>hi <b/>there</a>`,
      'doc',
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: 'two & three' });
    expect(root.children.map((c) => c.name)).toEqual(['b']);
    expect(root.text).toBe('hi there');
  });

  it('keeps CDATA verbatim, skips comments, DOCTYPE (with internal subset) and a BOM', () => {
    const xml =
      '\uFEFF<!DOCTYPE r [ <!ENTITY e "x"> ]><!-- c <x> --><r><![CDATA[a <b> &amp; c]]><!-- inner --></r>';
    const root = parseXml(xml, 'doc');
    expect(root.text).toBe('a <b> &amp; c');
    expect(root.children).toEqual([]);
  });

  it('decodes predefined and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;&nbsp;&#0;')).toBe(
      '<>&"\'A😀&nbsp;&#0;',
    );
  });

  it.each([
    ['an unterminated comment', '<r><!-- x</r>', /unterminated comment/],
    ['an unterminated CDATA', '<r><![CDATA[x</r>', /unterminated CDATA section/],
    ['a stray closing tag', '</r>', /closing tag <\/r> without an open element/],
    ['an unquoted attribute', '<r a=1/>', /malformed tag <r>/],
    ['text outside the root', '<r/>oops', /text outside the root element/],
    ['no element at all', '  <!-- only a comment -->  ', /no root element/],
    ['a broken tag name', '< r/>', /malformed tag, line 1/],
  ])('rejects %s with the line', (_name, xml, message) => {
    const error = reportError(() => parseXml(xml, 'doc'));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(/^doc: expected well-formed XML \(/);
    expect(error.message).toMatch(message);
  });

  it('reports the line of the problem', () => {
    expect(reportError(() => parseXml('<r>\n<a>\n</b>\n</r>', 'doc')).message).toMatch(
      /<\/b> closes <a>, line 3\)/,
    );
  });

  it('parses a large report in linear time', () => {
    const cases = '<testcase name="t &amp; u" classname="c"/>'.repeat(50_000);
    const started = performance.now();
    const root = parseXml(`<testsuite>${cases}</testsuite>`, 'doc');
    expect(root.children).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
