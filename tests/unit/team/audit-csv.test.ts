// The audit log's CSV export: one header and one row per entry, quoting per RFC 4180, and cells a
// spreadsheet would run as formulas neutralised.
import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from '../../../src-shared/team/audit-csv.ts';

const entry = {
  id: 7,
  at: Date.UTC(2026, 11, 7, 15, 0, 0),
  actorType: 'member' as const,
  memberId: '01JEXAMPLE0000000000000000',
  deviceId: 'abcdefghijklmnopqrstuv',
  action: 'members:revoke',
  target: '01JTARGET00000000000000000',
  before: { role: 'expert' },
  after: null,
  requestId: 'req-1',
  clientAddress: '127.0.0.1',
  result: 'ok' as const,
};

describe('audit CSV', () => {
  it('writes a header and one row per entry with the member named', () => {
    const csv = auditCsv([entry], new Map([[entry.memberId, 'Ada, admin']]));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,time,actor_type,member,device,action,target,result,request_id,client_address,before,after',
    );
    expect(lines[1]).toBe(
      '7,2026-12-07T15:00:00.000Z,member,"Ada, admin (01JEXAMPLE0000000000000000)",abcdefghijklmnopqrstuv,members:revoke,01JTARGET00000000000000000,ok,req-1,127.0.0.1,"{""role"":""expert""}",',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
