/**
 * The kind folders registered in this thread (--kinds, registerKindDir, the configured ones once
 * the registry has started), apart from the registry so a thread that only hands them on to its
 * workers (the CLI's render) does not load YAML, schemas and templates to do so.
 */
export const registeredDirs: string[] = [];

/** The folders registered so far, without loading any kind; a worker thread registers the same ones. */
export function registeredKindDirs(): string[] {
  return [...registeredDirs];
}
