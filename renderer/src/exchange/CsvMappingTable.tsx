/**
 * The column mapping of an organization's own spreadsheet: one row per
 * column of the file, each with the field it fills or "Ignore", chosen from
 * a labelled list. It only reports the person's choice; the engine checks it.
 */
import { useTranslation } from 'react-i18next';
import { importFieldNames, type ImportField } from '../../../shared/csv/importFields';

export type ColumnChoice = ImportField | 'ignore';

interface Props {
  columns: { header: string; language: string | null }[];
  choices: Record<string, ColumnChoice>;
  disabled: boolean;
  onChange(header: string, choice: ColumnChoice): void;
}

export function CsvMappingTable({ columns, choices, disabled, onChange }: Props) {
  const { t } = useTranslation('csv');
  return (
    <table className="csv-mapping">
      <caption>{t('screen.mappingTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screen.columnHeader')}</th>
          <th scope="col">{t('screen.fieldHeader')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column, index) => (
          <tr key={column.header}>
            <th scope="row">
              <label htmlFor={`csv-column-${index}`}>
                <bdi>{column.header}</bdi>
              </label>
            </th>
            <td>
              <select
                id={`csv-column-${index}`}
                value={choices[column.header] ?? 'ignore'}
                disabled={disabled}
                onChange={(event) => onChange(column.header, event.target.value as ColumnChoice)}
              >
                <option value="ignore">{t('field.ignore')}</option>
                {importFieldNames.map((field) => (
                  <option key={field} value={field}>
                    {t(`field.${field}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
