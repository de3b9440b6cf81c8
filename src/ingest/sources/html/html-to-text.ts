/**
 * HTML page → report text, laid out like the PDF reader's text: headings, paragraphs and list
 * items one per line with a blank line between them ("- " in front of list items), table rows on
 * consecutive lines with tab-separated cells. Entities are decoded by the parser (parse5, the
 * WHATWG algorithm browsers use), so "&rsquo;" and "&amp;" arrive as characters.
 *
 * Page furniture is left out: scripts, styles, navigation, forms and hidden elements always; when
 * the page marks its content with <main>, everything outside it; otherwise site headers, footers
 * and asides that are not part of an article or section.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { normaliseSpaces } from '../../text/normalise.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'dialog',
]);
const CHROME = new Set(['header', 'footer', 'aside']);
const CONTENT_SECTIONS = new Set(['main', 'article', 'section']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);

interface Block {
  text: string;
  /** Rows of one table follow each other without a blank line. */
  isRow: boolean;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

function isHidden(element: Element): boolean {
  return (
    attribute(element, 'hidden') !== null ||
    attribute(element, 'aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute(element, 'style') ?? '')
  );
}

/** The outermost elements with this tag name (a <main> inside another is part of it). */
function findOutermost(node: Node, tagName: string, found: Element[] = []): Element[] {
  if (isElement(node) && node.tagName === tagName) found.push(node);
  else for (const child of childrenOf(node)) findOutermost(child, tagName, found);
  return found;
}

/** Collapses HTML whitespace the way a browser lays out inline text. */
function collapse(text: string): string {
  return normaliseSpaces(text).replace(/[ \t\n\f\r]+/g, ' ');
}

/** Walks the tree, gathering inline text into the block being built and flushing at block edges. */
class BlockWriter {
  readonly blocks: Block[] = [];
  private line = '';
  private prefix = '';

  constructor(private readonly insideContent: boolean) {}

  flush(): void {
    const text = this.line.replace(/ *\n */g, '\n').trim();
    if (text) this.blocks.push({ text: `${this.prefix}${text}`, isRow: false });
    this.line = '';
    this.prefix = '';
  }

  write(node: Node, inContent = this.insideContent): void {
    if (!isElement(node)) {
      if (node.nodeName === '#text' && 'value' in node) this.line += collapse(node.value);
      else if (node.nodeName === '#document' || node.nodeName === '#document-fragment')
        this.writeChildren(node, inContent);
      return;
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag) || isHidden(node)) return;
    if (CHROME.has(tag) && !inContent) return;
    const content = inContent || CONTENT_SECTIONS.has(tag);
    switch (tag) {
      case 'br':
        this.line += '\n';
        return;
      case 'li':
        this.flush();
        this.prefix = '- ';
        this.writeChildren(node, content);
        this.flush();
        return;
      case 'tr':
        this.flush();
        this.writeRow(node, content);
        return;
      default:
        if (BLOCKS.has(tag)) this.flush();
        this.writeChildren(node, content);
        if (BLOCKS.has(tag)) this.flush();
    }
  }

  private writeChildren(node: Node, inContent: boolean): void {
    for (const child of childrenOf(node)) {
      // A nested list ends the text of the item that holds it.
      if (isElement(child) && (child.tagName === 'ul' || child.tagName === 'ol')) this.flush();
      this.write(child, inContent);
    }
  }

  private writeRow(row: Element, inContent: boolean): void {
    const cells = row.childNodes.filter(
      (cell): cell is Element =>
        isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'),
    );
    const texts = cells.map((cell) => {
      const inner = new BlockWriter(inContent);
      inner.write(cell, inContent);
      inner.flush();
      return inner.blocks.map((block) => block.text.replace(/\s+/g, ' ')).join(' ');
    });
    if (texts.some((text) => text.trim()))
      this.blocks.push({ text: texts.join('\t').replace(/\t+$/, ''), isRow: true });
  }
}

/** The text of an HTML page, as lines a report parser can read. */
export function htmlToText(html: string): string {
  const tree = parse(html);
  const mains = findOutermost(tree, 'main').filter((main) => !isHidden(main));
  const roots: Node[] = mains.length > 0 ? mains : [tree];
  const writer = new BlockWriter(mains.length > 0);
  for (const root of roots) writer.write(root);
  writer.flush();
  let text = '';
  writer.blocks.forEach((block, i) => {
    const previous = writer.blocks[i - 1];
    if (previous) text += previous.isRow && block.isRow ? '\n' : '\n\n';
    text += block.text;
  });
  return text ? `${text}\n` : '';
}
