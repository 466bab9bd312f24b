import { describe, expect, it } from 'vitest';
import { Bundle } from '../model';
import { csvCell, effectColumns, effectsCsv, incidentColumns, incidentsCsv } from './csv';
import { almatyBundle, ids } from './fixture';

/** An RFC 4180 reader: CRLF between records, quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else cell += ch;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('last record does not end with CRLF');
  return rows;
}

function table(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

const bundle = () => Bundle.parse(almatyBundle());

describe('a CSV cell', () => {
  it('is quoted only when it must be, with quotes doubled', () => {
    expect(csvCell('Алматы')).toBe('Алматы');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "stop"')).toBe('"say ""stop"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it('never starts with a character a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvCell('+7 701 000 00 00')).toBe("'+7 701 000 00 00");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('incidents.csv', () => {
  it('is UTF-8 with a byte order mark, CRLF line ends, the documented columns and one row per incident', () => {
    const csv = incidentsCsv(bundle(), 'ru');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header] = parseCsv(csv.slice(1));
    expect(header).toEqual([...incidentColumns]);
    const rows = table(csv);
    expect(rows).toHaveLength(1);
  });

  it('carries the STOP meanings as stable codes, with labels in the bundle language', () => {
    const [row] = table(incidentsCsv(bundle(), 'ru'));
    expect(row).toMatchObject({
      record_id: ids.incident,
      title: 'Алматыдағы интернетті толық өшіру, 2022 жылғы қаңтар',
      retracted: 'no',
      country: 'KZ',
      country_name: 'Казахстан',
      areas: 'KZ-75; Қаскелең',
      area_names: 'Алматы; Қаскелең',
      start_date: '2022-01-05T16:00+06:00',
      start_day: '2022-01-05',
      start_precision: 'minute',
      end_date: '2022-01-10T09:00+06:00',
      end_day: '2022-01-10',
      end_precision: 'hour',
      ongoing: 'no',
      scope: 'regional',
      shutdown_types: 'full_network; mobile_data',
      shutdown_types_label: 'Полное отключение сети; Отключение мобильного интернета',
      affected_networks: 'mobile; broadband',
      services_affected: 'whatsapp; telegram; Kaspi.kz',
      stated_justification: 'counter_terrorism; public_order',
      actual_cause: 'protests; unrest',
      legal_basis: 'kz.communications.41-1; kz.emergency.14-1',
      ordered_by: 'Ұлттық қауіпсіздік комитеті',
      telcos_involved: 'Қазақтелеком; Beeline Kazakhstan; Kcell',
      government_acknowledged: 'yes',
      rights_engaged: 'iccpr.19; iccpr.21; icescr.12; crpd.9',
      effects: '3',
      source_ids: ids.mediaReport,
    });
    // A line break inside a cell survives the round trip.
    expect(row!.summary).toBe(
      'Қаңтар оқиғалары кезінде Алматыда интернет толық өшірілді.\nБанктер, дәріханалар мен жедел жәрдем қызметі жұмыс істей алмады.',
    );
  });

  it('keeps hostile text inert and quoted, and marks retracted incidents without content', () => {
    const input = almatyBundle();
    const incident = input.records[0]!;
    input.records[0] = { ...incident, data: { ...incident.data, title: '=cmd|"/c calc"!A1, "quoted"', orderedBy: '@SUM(1+1)' } };
    input.records.push({ ...incident, recordId: 'c0ffee00-0000-4000-8000-000000000000', data: null, retracted: true });
    const csv = incidentsCsv(Bundle.parse(input), 'en');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1, ""quoted"""`);
    const rows = table(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.title).toBe(`'=cmd|"/c calc"!A1, "quoted"`);
    expect(rows[0]!.ordered_by).toBe("'@SUM(1+1)");
    expect(rows[1]).toMatchObject({ record_id: 'c0ffee00-0000-4000-8000-000000000000', retracted: 'yes', title: '', start_date: '' });
  });
});

describe('effects.csv', () => {
  it('has one row per effect with counts, precision, codes and money as plain values', () => {
    const csv = effectsCsv(bundle(), 'kk');
    const [header] = parseCsv(csv.slice(1));
    expect(header).toEqual([...effectColumns]);
    const rows = table(csv);
    expect(rows.map((row) => row.category)).toEqual(['banking_payments', 'medical_care', 'disability_access']);
    expect(rows[0]).toMatchObject({
      record_id: ids.banking,
      incident_id: ids.incident,
      incident_title: 'Алматыдағы интернетті толық өшіру, 2022 жылғы қаңтар',
      category_label: 'Банктер мен төлемдер',
      severity: 'high',
      people_affected: '1200',
      people_affected_precision: 'estimate',
      groups: 'small_businesses; older_persons',
      area: 'KZ-75',
      area_name: 'Алматы',
      occurred_at: '2022-01-05T16:30+06:00',
      economic_loss_amount: '45000000',
      economic_loss_currency: 'KZT',
      source_ids: ids.mediaReport,
    });
    expect(rows[1]).toMatchObject({ people_affected: '3', people_affected_precision: 'exact', severity: 'critical' });
    expect(rows[2]).toMatchObject({ people_affected: '', people_affected_precision: 'unknown', economic_loss_amount: '' });
  });

  it('reads redacted or malformed effects without printing placeholders', () => {
    const input = almatyBundle();
    input.records[1] = { ...input.records[1]!, data: { incident: ids.incident, category: 'banking_payments', description: '-50% of shops closed' } };
    const csv = effectsCsv(input as Bundle, 'en');
    expect(csv).not.toMatch(/undefined|\bnull\b|\[object Object\]|NaN/);
    // Undated, it comes last.
    expect(table(csv).at(-1)).toMatchObject({ record_id: ids.banking, description: "'-50% of shops closed", severity: '', people_affected: '' });
  });
});
