// Finds the texts of a component that do not come from a catalogue: words in the static parts of its
// html`` templates (text between tags, and the attributes a person reads or hears: aria-label, title,
// placeholder, alt, label), and sentence-like string literals in its code ('Enter the code.'). A translated
// text is always an expression, ${t('…')} or a value computed from t(), so neither of these should remain.
import ts from 'typescript';

export interface Leftover {
  line: number;
  text: string;
}

/** Attributes whose values a person reads (or a screen reader says). */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
/** Between two static parts of a template stands an expression: never text of its own. */
const HOLE = '\u0000';

const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' '));
/** A capitalised word followed by more words: what a sentence or a label in code looks like. */
const SENTENCE = /^\p{Lu}\p{Ll}*[’']?\p{Ll}*[,:]?(\s+\S+)+$/u;

export function englishLeftovers(source: string, fileName = 'sample.ts'): Leftover[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Leftover[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      if (node.tag.text === 'html') {
        for (const text of templateTexts(staticParts(node.template))) found.push({ line: lineOf(node), text });
      }
      if (node.tag.text === 'html' || node.tag.text === 'css') {
        // Only the expressions of a template are code; its static parts were read above (or are CSS).
        if (ts.isTemplateExpression(node.template)) node.template.templateSpans.forEach((span) => visit(span.expression));
        return;
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isModuleName(node)) {
      const text = node.text.trim();
      if (SENTENCE.test(text)) found.push({ line: lineOf(node), text });
    }
    if (ts.isTemplateExpression(node)) {
      const text = staticParts(node).join(' ').trim();
      if (SENTENCE.test(text)) found.push({ line: lineOf(node), text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isModuleName(node: ts.Node): boolean {
  return ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent);
}

function staticParts(template: ts.TemplateLiteral): string[] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [template.rawText ?? template.text];
  return [
    template.head.rawText ?? template.head.text,
    ...template.templateSpans.map((span) => span.literal.rawText ?? span.literal.text),
  ];
}

/** The words of an HTML fragment, outside tags, comments and expressions, plus its read attributes. */
function templateTexts(parts: string[]): string[] {
  const markup = parts.join(HOLE);
  const texts: string[] = [];
  let text = '';
  const flush = () => {
    for (const piece of text.split(HOLE)) if (hasWords(piece)) texts.push(piece.trim().replace(/\s+/g, ' '));
    text = '';
  };
  let i = 0;
  while (i < markup.length) {
    if (markup.startsWith('<!--', i)) {
      const end = markup.indexOf('-->', i);
      i = end < 0 ? markup.length : end + 3;
    } else if (markup[i] === '<') {
      flush();
      i = readTag(markup, i + 1, texts);
    } else {
      text += markup[i++];
    }
  }
  flush();
  return texts;
}

/** Reads one tag from just after its '<'; collects the static words of its read attributes; returns the index after '>'. */
function readTag(markup: string, start: number, texts: string[]): number {
  let i = start;
  while (i < markup.length && markup[i] !== '>') {
    const name = /^[^\s=>/]+/.exec(markup.slice(i))?.[0];
    if (!name) {
      i++;
      continue;
    }
    i += name.length;
    if (markup[i] !== '=') continue;
    i++;
    const quote = markup[i] === '"' || markup[i] === "'" ? markup[i] : undefined;
    if (quote) i++;
    let value = '';
    while (i < markup.length && (quote ? markup[i] !== quote : !/[\s>]/.test(markup[i]!))) value += markup[i++];
    if (quote) i++;
    if (READ_ATTRIBUTES.has(name.replace(/^[.?@]/, '').toLowerCase())) {
      for (const piece of value.split(HOLE)) if (hasWords(piece)) texts.push(piece.trim());
    }
  }
  return i + 1;
}
