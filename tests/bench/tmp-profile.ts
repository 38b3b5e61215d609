import type { BenchApi } from './support/bench-page.ts';
import { startBenchBrowser } from './support/bench-browser.ts';
type Bench = { roostBench: BenchApi };
const browser = await startBenchBrowser();
try {
  await browser.page.evaluate(() => (window as unknown as Bench).roostBench.generate(10000));
  for (let i = 0; i < 3; i++) console.log(JSON.stringify(await browser.page.evaluate(() => (window as unknown as Bench).roostBench.profileTmp())));
} finally { await browser.close(); }
