import { Writable } from 'node:stream';

/** One JSON log line as written, and as parsed. */
export interface LogLine {
  text: string;
  record: Record<string, any>;
}

/** A destination for pino that keeps every line in memory, for a test to search. */
export class CapturedLog extends Writable {
  readonly lines: LogLine[] = [];
  private partial = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const parts = (this.partial + chunk.toString()).split('\n');
    this.partial = parts.pop() ?? '';
    for (const text of parts.filter((part) => part.trim() !== '')) {
      // Every line must be JSON: a line that is not fails the test here.
      this.lines.push({ text, record: JSON.parse(text) as Record<string, any> });
    }
    done();
  }

  /** The lines written since `mark` (a previous `lines.length`). */
  since(mark: number): LogLine[] {
    return this.lines.slice(mark);
  }
}
