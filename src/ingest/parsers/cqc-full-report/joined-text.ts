/**
 * Lines joined into one cleaned string, remembering where each line starts in it, so a pattern
 * that spans wrapped lines ("Regulation 12 HSCA RA Regulations 2014 Safe care and / treatment")
 * can be matched and still be traced to the line it started on.
 */
import type { SourcePosition } from '../../../model/document.ts';
import { isBlankLine, type SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';

export class JoinedText {
  readonly text: string;
  private readonly starts: { at: number; position: SourcePosition }[] = [];

  constructor(lines: readonly SourceLine[]) {
    let text = '';
    for (const line of lines) {
      if (isBlankLine(line)) continue;
      const clean = cleanInline(line.text);
      if (!clean) continue;
      if (text) text += ' ';
      this.starts.push({ at: text.length, position: { ...line.position } });
      text += clean;
    }
    this.text = text;
  }

  /** Position of the line the character at `offset` came from. */
  positionAt(offset: number): SourcePosition {
    let found = this.starts[0]?.position ?? { offset: 0, line: 1 };
    for (const start of this.starts) {
      if (start.at > offset) break;
      found = start.position;
    }
    return { ...found };
  }
}
