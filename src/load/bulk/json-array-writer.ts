/** Writes a JSON array one element at a time, so `--json` never holds every document. */
export class JsonArrayWriter {
  readonly #write: (chunk: string) => void;
  #count = 0;

  constructor(write: (chunk: string) => void) {
    this.#write = write;
  }

  add(value: unknown): void {
    const element = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    this.#write(this.#count === 0 ? `[\n  ${element}` : `,\n  ${element}`);
    this.#count += 1;
  }

  end(): void {
    this.#write(this.#count === 0 ? '[]\n' : '\n]\n');
  }
}
