export async function inspectFile(_file: string, _bytes: Buffer): Promise<Record<string, unknown>> {
  return {};
}
export function formatInspection(_r: Record<string, unknown>, _lang: string): string {
  return '';
}
