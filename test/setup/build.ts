import { execFileSync } from 'node:child_process';

// The CLI tests run the compiled binary as a user would: build it once before any test, with the
// desk's page bundle (baocao serve) beside it.
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['src/serve/web/build.mjs'], { stdio: 'inherit' });
}
