// bench:desk — the inquiry desk under load (issue 13). Prints one JSON line last:
//   assignP99Ms        the team server storing a mention → assigned, on the owner's own feed socket, p99 over a
//                      burst of 1,000 then one a second, 200 connected experts, SQLite (desk-assign.ts)
//   doubleAssignments  conversations seen with two different owners (goal 0)
//   queueLongTasks     long tasks (≥ 50 ms) in the page while the Inbox's mine and unassigned lists, 10,000 open
//                      conversations in all, are walked with j held and scrolled with the wheel (desk-queue.ts)
//   loadAvg            the machine's 1-minute load average before, between and after the two parts
// DESK_BENCH_PARTS=queue or =assign runs one part; see each part's file for its other settings.
import { loadavg } from 'node:os';
import { benchDeskAssign } from './desk-assign.ts';
import { benchDeskQueue } from './desk-queue.ts';

const PARTS = new Set((process.env.DESK_BENCH_PARTS ?? 'queue,assign').split(',').map((p) => p.trim()));
const load = () => Math.round(loadavg()[0]! * 10) / 10;

const loads = [load()];
const queue = PARTS.has('queue') ? await benchDeskQueue() : null;
if (queue) loads.push(load());
const assign = PARTS.has('assign') ? await benchDeskAssign() : null;
if (assign) loads.push(load());

const longTasks = queue
  ? Object.values(queue.views).flatMap((v) => [...v.keyLongTasks, ...v.wheelLongTasks])
  : [];
console.log(
  JSON.stringify({
    bench: 'desk',
    engine: 'sqlite',
    ...(assign && {
      assignP99Ms: assign.assignP99Ms,
      doubleAssignments: assign.doubleAssignments,
      assign,
    }),
    ...(queue && {
      queueLongTasks: longTasks.length,
      queueLongestTaskMs: Math.max(0, ...longTasks),
      openConversations: queue.open,
      queueViews: queue.views,
    }),
    loadAvg: loads,
  }),
);
