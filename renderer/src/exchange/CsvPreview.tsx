/**
 * What a spreadsheet would add: its first rows as the records they make
 * (new, changed since the last import, or already here), and every row's
 * problems in the person's language, each naming its row and column.
 */
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc';

type CsvImport = ResponseOf<'csv:import'>;

export function CsvProblems({ problems }: { problems: CsvImport['problems'] }) {
  const { t } = useTranslation('csv');
  if (!problems.length) return null;
  return (
    <section className="csv-problems" aria-labelledby="csv-problems-title">
      <h3 id="csv-problems-title">{t('screen.problemsTitle', { count: problems.length })}</h3>
      <ul>
        {problems.map((problem, index) => {
          const message = t(problem.key, problem.params);
          const column = problem.column ?? (problem.field ? t(`field.${problem.field}`) : undefined);
          return <li key={index}>{column === undefined ? t('problemInRow', { row: problem.row, message }) : t('problemAt', { row: problem.row, column, message })}</li>;
        })}
      </ul>
    </section>
  );
}

export function CsvPreview({ result }: { result: CsvImport }) {
  const { t } = useTranslation('csv');
  if (!result.preview.length) return null;
  return (
    <table className="csv-preview">
      <caption>{t('screen.previewTitle', { shown: result.preview.length, rows: result.rows })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screen.preview.row')}</th>
          <th scope="col">{t('screen.preview.id')}</th>
          <th scope="col">{t('screen.preview.title')}</th>
          <th scope="col">{t('screen.preview.start')}</th>
          <th scope="col">{t('screen.preview.sources')}</th>
          <th scope="col">{t('screen.preview.status')}</th>
        </tr>
      </thead>
      <tbody>
        {result.preview.map((row) => (
          <tr key={row.row}>
            <td>{row.row}</td>
            <td>
              <bdi>{row.externalId}</bdi>
            </td>
            <td>
              <bdi>{row.title}</bdi>
            </td>
            <td>{row.startedAt}</td>
            <td>{row.sources}</td>
            <td>{t(`screen.status.${row.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
