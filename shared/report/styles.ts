/**
 * The report's one inline style sheet: readable on screen, printable on A4,
 * black on white. Fonts come only from the reader's system (a stack of fonts
 * that carry Kazakh Cyrillic letters); nothing is fetched.
 */
import { cssString } from './html';

export function reportStyles(runningHeader: string, pageLabel: string): string {
  // SECURITY: the only text that enters the style sheet goes through cssString.
  return `
@page {
  size: A4;
  margin: 20mm 17mm 20mm 17mm;
  @top-center { content: ${cssString(runningHeader)}; font-size: 8pt; color: #444; }
  @bottom-right { content: ${cssString(`${pageLabel} `)} counter(page) " / " counter(pages); font-size: 8pt; color: #444; }
}
:root { color-scheme: light; }
html {
  font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", "PT Sans", Arial, "Segoe UI", sans-serif, "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji";
  font-size: 10.5pt;
  line-height: 1.45;
  color: #111;
  background: #fff;
}
body { max-width: 180mm; margin: 0 auto; padding: 10mm 6mm 16mm; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 1.2em 0 0.4em; break-after: avoid; }
h1 { font-size: 20pt; margin-top: 0; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #111; padding-bottom: 2pt; }
h3 { font-size: 12.5pt; }
h4 { font-size: 11pt; }
h5 { font-size: 10.5pt; margin: 0 0 0.3em; }
p { margin: 0.35em 0; }
.kicker { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: #444; margin: 1.5em 0 0; }
.note { color: #333; font-size: 9.5pt; }
.notice { border: 1pt solid #111; padding: 4pt 8pt; margin: 0.6em 0; }
.mono, code, pre { font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Consolas, "Courier New", monospace; font-size: 9pt; }
.mono { overflow-wrap: anywhere; }
.hash { font-size: 8pt; overflow-wrap: anywhere; word-break: break-all; }
.path { color: #444; margin-top: 3pt; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
blockquote { margin: 0.3em 0; padding: 0.2em 0 0.2em 0.8em; border-inline-start: 2.5pt solid #555; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; border: 0.5pt solid #999; padding: 6pt 8pt; }
dl.fields { margin: 0.5em 0; }
dl.fields > div { display: grid; grid-template-columns: 32% 1fr; gap: 12pt; padding: 1.5pt 0; }
dl.fields dt { font-weight: bold; color: #222; }
dl.fields dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
ul.plain { margin: 0.2em 0; padding-inline-start: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9pt; font-variant-numeric: tabular-nums; }
caption { text-align: start; font-weight: bold; padding: 0 0 3pt; }
th, td { border: 0.5pt solid #777; padding: 3pt 5pt; text-align: start; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #e9e9e9; }
td.number, th.number { text-align: end; }
td.nowrap, td.number { white-space: nowrap; }
table.attachments col.number, table.custody col.number { width: 2.5em; }
table.attachments col.name { width: 30%; }
table.attachments col.record { width: 27%; }
table.custody col.at { width: 17%; }
table.custody col.action { width: 14%; }
table.custody col.revision { width: 11%; }
table.custody col.actor { width: 24%; }
thead { display: table-header-group; }
tr, figure, .effect, .source, .person, dl.fields > div { break-inside: avoid; }
figure { margin: 0.6em 0; }
figcaption { font-size: 9pt; color: #333; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: #111; }
svg.chart .note { fill: #444; font-style: italic; }
svg.chart .bar, svg.chart .bar-incident { fill: #222; }
svg.chart .bar-effect { fill: #8a8a8a; }
svg.chart .axis { stroke: #111; stroke-width: 1; }
svg.chart .grid { stroke: #ccc; stroke-width: 0.6; }
.cover { border: 1.5pt solid #111; padding: 10pt 14pt; margin-bottom: 1.2em; }
.cover h1 { margin-bottom: 0.2em; }
.contents ol { padding-inline-start: 1.5em; }
.contents a, a.ref { color: inherit; }
.effect, .source { border-top: 0.5pt solid #999; padding-top: 0.4em; margin-top: 0.7em; }
.person { background: #f6f6f6; border: 0.5pt solid #bbb; padding: 4pt 8pt; margin: 0.4em 0; }
.tag { display: inline-block; border: 0.5pt solid #555; border-radius: 2pt; padding: 0 3pt; font-size: 8.5pt; margin-inline-end: 3pt; }
@media print {
  body { max-width: none; padding: 0; }
  .incident, .new-page { break-before: page; }
  a { text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
}
