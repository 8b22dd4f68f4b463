import type { Logger } from 'pino';
import { chromium, type Browser } from 'playwright-core';

/** Turns a self-contained HTML document into PDF bytes. */
export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Flags for Debian's Chromium in a container or CI box: no sandbox user namespace, no GPU, small /dev/shm. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
];

const FOOTER = `<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:'Noto Sans',sans-serif;">
  Trang <span class="pageNumber"></span>/<span class="totalPages"></span></div>`;

/**
 * PDF through the real Chromium (Debian's /usr/bin/chromium; Playwright's own
 * download is not available here). One browser is started on first use and
 * reused; renders run one at a time because a report PDF is rare and
 * Chromium's memory is not. Pages run without JavaScript or network: the
 * template is static and must not fetch anything.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: { logger: Logger; executablePath?: string; timeoutMs?: number }) {}

  render(html: string): Promise<Buffer> {
    const job = this.queue.then(() => this.renderNow(html));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: this.opts.executablePath ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        timeout: this.opts.timeoutMs ?? 30_000,
      })
      .then((b) => {
        b.on('disconnected', () => {
          this.browser = undefined;
        });
        return b;
      })
      .catch((err: unknown) => {
        this.browser = undefined;
        throw err;
      });
    return this.browser;
  }

  private async renderNow(html: string): Promise<Buffer> {
    const started = Date.now();
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: this.opts.timeoutMs ?? 30_000 });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      this.opts.logger.debug({ bytes: pdf.length, ms: Date.now() - started }, 'report PDF rendered');
      return pdf;
    } finally {
      await context.close();
    }
  }
}
