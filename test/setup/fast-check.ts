import fc from 'fast-check';

/**
 * One seed for every property test of a run. CI pins it (FC_SEED, set in .ci/run), so a red run
 * can be repeated exactly; a local run draws one and prints it, and fast-check names it again in
 * any failure ("seed: …, path: …"): FC_SEED=<seed> npx vitest run <file> replays the failure.
 */
const fromEnv = process.env.FC_SEED;
const seed = fromEnv && /^-?\d+$/.test(fromEnv) ? Number(fromEnv) : (Math.random() * 2 ** 31) | 0;
fc.configureGlobal({ seed });
if (!fromEnv) process.stderr.write(`fast-check seed ${seed} (FC_SEED=${seed} repeats it)\n`);
