/**
 * Reads an input file's bytes for a CLI command. A missing, unreadable or directory path becomes
 * a `UserInputError` (exit code 1, one JSON line on stderr), never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../core/index.ts';

export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserInputError('file_not_found', `cannot read ${path}: no such file`, { path });
    if (code === 'EISDIR') throw new UserInputError('unreadable_file', `cannot read ${path}: it is a directory`, { path });
    throw new UserInputError('unreadable_file', `cannot read ${path}: ${code ?? String(err)}`, { path });
  }
}
