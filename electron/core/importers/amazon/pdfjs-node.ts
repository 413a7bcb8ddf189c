// Loads pdf.js in a plain Node thread (the import worker): pdf.js expects the browser's DOMMatrix at
// load time, and would otherwise pull in a native canvas module that Earshot neither needs nor ships.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The 2D subset of the browser's DOMMatrix that pdf.js uses (it needs it only for drawing). */
class Matrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) {
      const [a, b, c, d, e, f] = Array.from(init);
      this.set(a!, b!, c!, d!, e!, f!);
    }
  }
  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
  multiplySelf(m: Matrix2D): this {
    const { a, b, c, d, e, f } = this;
    return this.set(
      a * m.a + c * m.b,
      b * m.a + d * m.b,
      a * m.c + c * m.d,
      b * m.c + d * m.d,
      a * m.e + c * m.f + e,
      b * m.e + d * m.f + f,
    );
  }
  preMultiplySelf(m: Matrix2D): this {
    const copy = new Matrix2D([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    return this.set(copy.a, copy.b, copy.c, copy.d, copy.e, copy.f);
  }
  multiply(m: Matrix2D): Matrix2D {
    return this.clone().multiplySelf(m);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new Matrix2D([1, 0, 0, 1, x, y]));
  }
  translate(x = 0, y = 0): Matrix2D {
    return this.clone().translateSelf(x, y);
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new Matrix2D([x, 0, 0, y, 0, 0]));
  }
  scale(x = 1, y = x): Matrix2D {
    return this.clone().scaleSelf(x, y);
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }
  inverse(): Matrix2D {
    return this.clone().invertSelf();
  }
  clone(): Matrix2D {
    return new Matrix2D([this.a, this.b, this.c, this.d, this.e, this.f]);
  }
}

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js, with its "worker" running in this thread: the import already has a worker thread of its
 * own, and a second one would only copy the document across. Loaded once, on the first PDF.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    g.DOMMatrix ??= Matrix2D;
    // While pdf.js loads it warns (console.warn) that it cannot draw without a canvas module:
    // true, and of no concern for reading text, so those lines are left out of the import's output.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      warn(...args);
    };
    try {
      const [lib, worker] = await Promise.all([
        import('pdfjs-dist/legacy/build/pdf.mjs'),
        import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
      ]);
      g.pdfjsWorker = worker;
      return lib;
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
