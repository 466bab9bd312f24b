/**
 * A changed text in the revision history with its changed words marked:
 * removed words struck through in <del>, added ones underlined in <ins>,
 * each also said in words for a screen reader ("[removed: …]",
 * "[added: …]"), so that neither colour nor the line alone carries the
 * change. Spaces around a change stay outside its mark.
 */
import { useTranslation } from 'react-i18next';
import type { WordPart } from './wordDiff';
import './trace.css';

export function WordChanges({ parts }: { parts: readonly WordPart[] }) {
  const { t } = useTranslation();
  return (
    <span className="word-diff">
      {parts.map((part, index) => {
        if (part.kind === 'same') return <span key={index}>{part.text}</span>;
        const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text) ?? [];
        const said = <span className="visually-hidden">[{t(part.kind === 'removed' ? 'incidents:history.wordsRemoved' : 'incidents:history.wordsAdded')} </span>;
        const end = <span className="visually-hidden">]</span>;
        return (
          <span key={index}>
            {before}
            {part.kind === 'removed' ? (
              <del>
                {said}
                {words}
                {end}
              </del>
            ) : (
              <ins>
                {said}
                {words}
                {end}
              </ins>
            )}
            {after}
          </span>
        );
      })}
    </span>
  );
}
