// bench:desk — the inquiry desk under load (issue 13). Prints one JSON line last:
//   queueLongTasks   long tasks (≥ 50 ms) on the page while the Inbox's mine and unassigned lists, 10,000 open
//                    conversations in all, are walked with j held and scrolled with the wheel (desk-queue.ts)
//   loadAvg          the machine's 1-minute load average before and after, since other work shares the cores
// DESK_BENCH_OPEN changes the number of open conversations; DESK_BENCH_GESTURE_MS each gesture's length.
import { loadavg } from 'node:os';
import { benchDeskQueue } from './desk-queue.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;
const loadBefore = round1(loadavg()[0]!);
const queue = await benchDeskQueue();
const all = Object.values(queue.views).flatMap((v) => [...v.keyLongTasks, ...v.wheelLongTasks]);
console.log(
  JSON.stringify({
    bench: 'desk',
    openConversations: queue.open,
    queueLongTasks: all.length,
    queueLongestTaskMs: Math.max(0, ...all),
    queueViews: queue.views,
    loadAvg: [loadBefore, round1(loadavg()[0]!)],
  }),
);
