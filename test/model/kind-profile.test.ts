import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKindFolder } from '../../src/model/registry.js';
import { KindError } from '../../src/model/errors.js';

// A kind naming a profile that does not exist was accepted when it loaded and crashed (exit 1,
// a stack) when a document rendered: it is the kind's error, at its line, naming the profiles.
describe('kind.yaml profile', () => {
  it('an unknown profile is a kind error at its line', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kind-profile-')), 'kh');
    cpSync('templates/ke-hoach', dir, { recursive: true });
    const file = path.join(dir, 'kind.yaml');
    const text = readFileSync(file, 'utf8').replace(/^profile: .*$/m, 'profile: khong-co');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('profile:')) + 1;
    let error: unknown;
    try {
      loadKindFolder(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KindError);
    const message = (error as KindError).text('vi');
    expect(message).toContain(`kind.yaml:${line}:10: lỗi: trường "profile": không có bộ thể thức "khong-co"; các bộ có: nd30, dang.`);
  });
});
