import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/batch/job.js';
import { GroupWriteError, writeFilesAtomic } from '../../src/output/index.js';

// Issue 13 item 15: the PDF and DOCX of one input are written whole or not at all.
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baocao-pair-'));

function oldPair(dir: string): { pdf: string; docx: string } {
  const pdf = path.join(dir, 'bc.pdf');
  const docx = path.join(dir, 'bc.docx');
  writeFileSync(pdf, 'old pdf');
  writeFileSync(docx, 'old docx');
  return { pdf, docx };
}

describe('writeFilesAtomic', () => {
  it('a full disk while writing the second file: the old pair stays, no new PDF, no temporary file', async () => {
    const dir = tmp();
    const { pdf, docx } = oldPair(dir);
    const full = (target: string) => {
      if (target === docx) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const attempt = writeFilesAtomic([{ target: pdf, bytes: Buffer.from('new pdf') }, { target: docx, bytes: Buffer.from('new docx') }], { fault: full });
    await expect(attempt).rejects.toThrow(GroupWriteError);
    await attempt.catch((e: GroupWriteError) => {
      expect(e.file).toBe(docx);
      expect(e.cause.message).toBe('ENOSPC: no space left on device');
    });
    expect(readFileSync(pdf, 'utf8')).toBe('old pdf');
    expect(readFileSync(docx, 'utf8')).toBe('old docx');
    expect(readdirSync(dir).sort()).toEqual(['bc.docx', 'bc.pdf']);
  });

  it('a failed rename of the second file puts the first one back', async () => {
    const dir = tmp();
    const pdf = path.join(dir, 'bc.pdf');
    writeFileSync(pdf, 'old pdf');
    // The DOCX's name is taken by a folder: its rename fails after the PDF's succeeded.
    const docx = path.join(dir, 'bc.docx');
    mkdirSync(docx);
    writeFileSync(path.join(docx, 'x'), 'x');
    await expect(writeFilesAtomic([{ target: pdf, bytes: Buffer.from('new pdf') }, { target: docx, bytes: Buffer.from('new docx') }])).rejects.toMatchObject({ file: docx });
    expect(readFileSync(pdf, 'utf8')).toBe('old pdf');
    expect(readdirSync(dir).sort()).toEqual(['bc.docx', 'bc.pdf']);
  });

  it('a failure removes a first file that did not exist before', async () => {
    const dir = tmp();
    const pdf = path.join(dir, 'bc.pdf');
    const docx = path.join(dir, 'bc.docx');
    mkdirSync(docx);
    writeFileSync(path.join(docx, 'x'), 'x');
    await expect(writeFilesAtomic([{ target: pdf, bytes: Buffer.from('new pdf') }, { target: docx, bytes: Buffer.from('new docx') }])).rejects.toThrow(GroupWriteError);
    expect(readdirSync(dir)).toEqual(['bc.docx']);
  });

  it('writes both when nothing fails', async () => {
    const dir = tmp();
    const { pdf, docx } = oldPair(dir);
    await writeFilesAtomic([{ target: pdf, bytes: Buffer.from('new pdf') }, { target: docx, bytes: Buffer.from('new docx') }]);
    expect([readFileSync(pdf, 'utf8'), readFileSync(docx, 'utf8')]).toEqual(['new pdf', 'new docx']);
    expect(readdirSync(dir).sort()).toEqual(['bc.docx', 'bc.pdf']);
  });
});

describe('runJob writes the pair of one input as one', () => {
  const input = 'test/fixtures/data/minimal.yaml';
  const stem = '2021-02-03_BC-UBND_tan-lap_qp-an-2020';

  it('--force, and the DOCX cannot be written: the old PDF stays, the message names the DOCX, exit status io', async () => {
    const out = tmp();
    const pdf = path.join(out, `${stem}.pdf`);
    writeFileSync(pdf, 'old pdf');
    mkdirSync(path.join(out, `${stem}.docx`)); // a folder where the DOCX goes
    const r = await runJob(input, { formats: ['pdf', 'docx'], outDir: out, force: true, lang: 'en' });
    expect(r.status).toBe('io');
    expect(r.outputs).toEqual([]);
    expect(r.error).toMatch(new RegExp(`^${path.join(out, `${stem}.docx`).replace(/[.]/g, '\\.')}: cannot write file \\(the outputs of this document are unchanged\\): EISDIR`));
    expect(readFileSync(pdf, 'utf8')).toBe('old pdf');
  });

  it('without --force, a hand-edited DOCX keeps the new PDF out too (no new PDF beside an old DOCX)', async () => {
    const out = tmp();
    const docx = path.join(out, `${stem}.docx`);
    writeFileSync(docx, 'hand-edited docx');
    const r = await runJob(input, { formats: ['pdf', 'docx'], outDir: out, force: false, lang: 'en' });
    expect(r.status).toBe('exists');
    expect(r.outputs.map((o) => [path.basename(o.path), o.status])).toEqual([[`${stem}.docx`, 'kept']]);
    expect(readdirSync(out)).toEqual([`${stem}.docx`]);
    expect(readFileSync(docx, 'utf8')).toBe('hand-edited docx');
  });
});
