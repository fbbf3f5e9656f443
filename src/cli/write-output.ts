/**
 * Writes a command's output to `--out FILE`, or to stdout when no file is given. A file that
 * cannot be written becomes a `UserInputError` (exit code 1) naming the path.
 */
import { writeFile } from 'node:fs/promises';
import { UserInputError } from '../core/index.ts';

export async function writeOutput(path: string | undefined, text: string): Promise<void> {
  if (path === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
    return;
  }
  try {
    await writeFile(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserInputError('cannot_write_output', `cannot write ${path}: ${code ?? String(err)}`, { path });
  }
}
