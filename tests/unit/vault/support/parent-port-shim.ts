// Gives a plain Node process the `process.parentPort` an Electron utility process has, carried over
// stdin/stdout as JSON lines, so the keychain worker's utility-process path runs where Electron cannot.
import { createInterface } from 'node:readline';

type Listener = (event: { data: unknown }) => void;
const listeners: Listener[] = [];
createInterface({ input: process.stdin }).on('line', (line) => {
  for (const listener of listeners) listener({ data: JSON.parse(line) as unknown });
});
Object.assign(process, {
  parentPort: {
    on: (_event: 'message', listener: Listener) => void listeners.push(listener),
    postMessage: (message: unknown) => void process.stdout.write(`${JSON.stringify(message)}\n`),
  },
});
