import { listKinds } from '../../model/index.js';
import { EXIT } from '../exit.js';

/**
 * `baocao kinds`: one kind a line ("id<TAB>title", each line ending in a newline, so the prompt
 * or the next message starts on a line of its own), or with `--json` an array a script can read,
 * as every listing offers.
 */
export function kindsCommand(args: { json: boolean }): number {
  const kinds = listKinds();
  if (args.json) {
    const list = kinds.map((k) => ({ id: k.id, title: k.title, typeName: k.typeName, profile: k.profile, sample: k.sample }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  } else {
    process.stdout.write(kinds.map((k) => `${k.id}\t${k.title}\n`).join(''));
  }
  return EXIT.ok;
}
