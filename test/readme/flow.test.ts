import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 item 1: the README's flow works as written, in its order, from a fresh clone. The
 * commands are read from README.md (the first sh block of "Make your own document"), so a change
 * of the README changes what runs. The copy is the clone's files (git's view, with this work
 * tree's edits) and a hard-linked node_modules; npm runs offline (nothing is fetched).
 */
const ROOT = path.resolve('.');

function readmeFlow(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Make your own document'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

function cleanClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-flow-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' }).split('\n').filter((f) => f && !/^(node_modules|dist|out)\//.test(f) && existsSync(f));
  for (const f of files) cpSync(f, path.join(dir, f), { recursive: false });
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  return dir;
}

describe("README's flow", () => {
  it('npm install && npm start → init → validate → render, exactly as the README writes them', () => {
    const flow = readmeFlow();
    expect(flow).toEqual([
      'npm install && npm start',
      'npx baocao init qp-an bao-cao.yaml',
      'npx baocao validate bao-cao.yaml',
      'npx baocao render bao-cao.yaml',
    ]);
    const dir = cleanClone();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'BAOCAO_COMMAND' && k !== 'INIT_CWD'));
    Object.assign(env, { npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', BAOCAO_TODAY: '2026-12-02' });
    const outputs: { stdout: string; stderr: string }[] = [];
    for (const line of flow) {
      const r = spawnSync('bash', ['-c', line], { cwd: dir, env, encoding: 'utf8', timeout: 600_000 });
      expect(r.status, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      outputs.push({ stdout: r.stdout, stderr: r.stderr });
    }
    // npm start: the sample, under the name the README gives.
    expect(readdirSync(path.join(dir, 'out')).filter((f) => !f.startsWith('.')).sort()).toEqual([
      '2020-12-09_BC-UBND_nghi-son_qp-an-2020.docx', '2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf',
      'du-thao_BC-UBND_nghi-son_qp-an-2026.docx', 'du-thao_BC-UBND_nghi-son_qp-an-2026.pdf',
    ]);
    expect(readFileSync('README.md', 'utf8')).toContain('`npm start` writes `out/2020-12-09_BC-UBND_nghi-son_qp-an-2020.pdf` and `.docx`');
    // init's hint and the starter name the command that works here: npx baocao.
    expect(outputs[1]!.stderr).toBe('Đã tạo bao-cao.yaml. Sửa số liệu, rồi: npx baocao validate bao-cao.yaml && npx baocao render bao-cao.yaml\n');
    expect(readFileSync(path.join(dir, 'bao-cao.yaml'), 'utf8')).toContain('#   npx baocao render bao-cao.yaml\n');
    expect(outputs[2]!.stdout).toBe('bao-cao.yaml: hợp lệ (qp-an)\n');
    // Nothing left in the clone's root that git would show (init's two files are ignored).
    const status = spawnSync('bash', ['-c', 'git init -q && git add -A && git status --porcelain --ignored=no | grep -v "^A " ; git ls-files --others --exclude-standard; git diff --cached --name-only | grep -v "/" '], { cwd: dir, encoding: 'utf8' });
    const rootFiles = status.stdout.split('\n').filter(Boolean);
    expect(rootFiles.filter((f) => /bao-cao|schema\.json|\.tmp$/.test(f))).toEqual([]);
  }, 900_000);
});

// Issue 12 item 5: the README says what `npm test` needs. CI (.ci/run) installs exactly that on a
// clean machine, so every package it installs must be named in the README's paragraph.
describe("README's test requirements", () => {
  it('name every package .ci/run installs, and the Node version package.json requires', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('**What `npm test` needs**');
    expect(start).toBeGreaterThan(0);
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    const ci = readFileSync('.ci/run', 'utf8');
    const packages = /apt-get install -y -qq ([^>\n]+)/.exec(ci)![1]!.trim().split(/\s+/);
    expect(packages.length).toBeGreaterThan(3);
    expect(packages.filter((p) => !paragraph.includes(`\`${p}\``))).toEqual([]);
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    expect(paragraph).toContain(`Node ${engines.replace(/^>=\s*/, '')}+`);
  });
});

describe("the clone's root", () => {
  it('tracks only the project files a newcomer expects: no scratch scripts or data', () => {
    const root = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter((f) => f && !f.includes('/'));
    const expected = /^(README\.md|ARCHITECTURE\.md|LICENSE|\.gitignore|package\.json|package-lock\.json|tsconfig\.json|vitest\.config\.ts)$/;
    expect(root.filter((f) => !expected.test(f))).toEqual([]);
  });
});

