import { readFile } from 'node:fs/promises';

/** A document file as text: UTF-8 only (a binary file is refused, not parsed as garbage). */
export async function readDocument(path: string): Promise<string> {
  const bytes = path === '-' ? await readStdin() : await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path} is not UTF-8 text.`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
