/** `ground-truth.jsonl` text → its records, one per line; a bad line is one clear error. */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';

export function parseGroundTruthLines(text: string, file: string): GroundTruthRecord[] {
  const records: GroundTruthRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file} line ${index + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || !('inspectionId' in value))
      throw new Error(`${file} line ${index + 1}: not a ground-truth record`);
    records.push(value as GroundTruthRecord);
  });
  return records;
}
