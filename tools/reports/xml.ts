import { invalidReport } from './report-input.ts';

/**
 * A small non-validating XML parser, enough for test reports (JUnit and friends): elements,
 * attributes, text, CDATA, comments, processing instructions, a DOCTYPE, the five predefined
 * entities and numeric character references. Namespaces are kept as part of names. Anything not
 * well-formed (unclosed or mismatched tags, garbage in a tag) is a VALIDATION_ERROR with a line.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated text and CDATA directly inside this element (entities decoded). */
  text: string;
}

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes entity and character references; unknown named entities are kept verbatim. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return namedEntities[ref] ?? whole;
    const code =
      ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const namePattern = /[A-Za-z_:][\w:.-]*/y;
const attributePattern = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const tagEndPattern = /\s*(\/?)>/y;

/** Parses `source` and returns its root element. `label` names the report in errors. */
export function parseXml(source: string, label: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;

  function fail(problem: string, at: number): never {
    const line = text.slice(0, at).split('\n').length;
    throw invalidReport(label, `well-formed XML (${problem}, line ${line})`);
  }
  const skipPast = (terminator: string, what: string, from: number): number => {
    const end = text.indexOf(terminator, from);
    if (end < 0) fail(`unterminated ${what}`, from);
    return end + terminator.length;
  };
  const addText = (content: string, at: number) => {
    const current = stack.at(-1);
    if (current) current.text += content;
    else if (content.trim()) fail('text outside the root element', at);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(decodeEntities(text.slice(pos)), pos);
      break;
    }
    if (lt > pos) addText(decodeEntities(text.slice(pos, lt)), pos);

    if (text.startsWith('<!--', lt)) {
      pos = skipPast('-->', 'comment', lt + 4);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = skipPast(']]>', 'CDATA section', lt + 9);
      addText(text.slice(lt + 9, end - 3), lt);
      pos = end;
    } else if (text.startsWith('<?', lt)) {
      pos = skipPast('?>', 'processing instruction', lt + 2);
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      pos =
        bracket >= 0 && bracket < close
          ? skipPast(']>', 'DOCTYPE', bracket)
          : skipPast('>', 'declaration', lt);
    } else if (text[lt + 1] === '/') {
      namePattern.lastIndex = lt + 2;
      const name = namePattern.exec(text)?.[0];
      const close = text.indexOf('>', lt);
      if (!name || close < 0 || text.slice(namePattern.lastIndex, close).trim())
        fail('malformed closing tag', lt);
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without an open element`, lt);
      else if (open.name !== name) fail(`</${name}> closes <${open.name}>`, lt);
      pos = close + 1;
    } else {
      namePattern.lastIndex = lt + 1;
      const name = namePattern.exec(text)?.[0];
      if (!name) fail('malformed tag', lt);
      let cursor = namePattern.lastIndex;
      const attributes: Record<string, string> = {};
      for (;;) {
        attributePattern.lastIndex = cursor;
        const attribute = attributePattern.exec(text);
        if (!attribute) break;
        attributes[attribute[1]!] = decodeEntities(attribute[2] ?? attribute[3] ?? '');
        cursor = attributePattern.lastIndex;
      }
      tagEndPattern.lastIndex = cursor;
      const end = tagEndPattern.exec(text);
      if (!end) fail(`malformed tag <${name}>`, lt);
      const element: XmlElement = { name, attributes, children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail(`second root element <${name}>`, lt);
      else root = element;
      if (end[1] !== '/') stack.push(element);
      pos = tagEndPattern.lastIndex;
    }
  }

  const open = stack.at(-1);
  if (open) fail(`input ends inside <${open.name}>`, text.length);
  if (!root) fail('no root element', 0);
  return root;
}

/** Direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
