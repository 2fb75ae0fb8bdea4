// Minimal typing of pdfmake 0.3's Node singleton, for the calls baocao makes.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface VirtualFs {
    writeFileSync(name: string, data: Buffer | Uint8Array): void;
    existsSync(name: string): boolean;
    readFileSync(name: string): Buffer;
  }
  interface PdfMake {
    virtualfs: VirtualFs;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
    addFonts(fonts: Record<string, Record<string, string>>): void;
    addTableLayouts(layouts: Record<string, Record<string, unknown>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
