// The one place that imports zod. jitless mode: zod 4 otherwise compiles schemas with `new Function`,
// which Roost's Content-Security-Policy forbids in the renderer.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
