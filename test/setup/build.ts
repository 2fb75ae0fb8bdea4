import { execFileSync } from 'node:child_process';

// The CLI tests run the compiled binary as a user would: build it once before any test, as
// `npm run build` does: tsc, the desk's page bundle (baocao serve), then the bundled entry points
// and the prebuilt font subsets (scripts/build.mjs).
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['src/serve/web/build.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
