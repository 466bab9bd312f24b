/**
 * Adding a trusted signer: the OpenSSH public key line its owner passed on
 * (their Settings show it; a comment after the key is ignored) and the name
 * to show for it. The engine refuses anything but an Ed25519 key line, in
 * words; a key that is listed already keeps its first name, and the form
 * says so rather than pretending it renamed it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedSigner } from '../../../shared/model';
import { dalel, type DalelError } from '../dalel';
import { trustAddResult } from '../exchange/trustedSigners';

interface Props {
  /** The list as shown, to tell a new signer from one already there. */
  listed: readonly TrustedSigner[];
  onTrusted: () => void;
}

type Field = 'publicKey' | 'name';

export function TrustSignerForm({ listed, onTrusted }: Props) {
  const { t } = useTranslation('exchange');
  const [publicKey, setPublicKey] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  const [error, setError] = useState<DalelError | null>(null);
  const [done, setDone] = useState<{ result: 'added' | 'alreadyTrusted'; signer: TrustedSigner } | null>(null);
  const [busy, setBusy] = useState(false);
  const keyInput = useRef<HTMLTextAreaElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setError(null);
    const empty: Field[] = [...(publicKey.trim() ? [] : ['publicKey' as const]), ...(name.trim() ? [] : ['name' as const])];
    setMissing(empty);
    if (empty.length > 0) return (empty[0] === 'publicKey' ? keyInput : nameInput).current?.focus();
    setBusy(true);
    const result = await dalel().trust.add({ publicKey: publicKey.trim(), name: name.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return keyInput.current?.focus();
    }
    setDone({ result: trustAddResult(listed, result.value), signer: result.value });
    setPublicKey('');
    setName('');
    onTrusted();
  }

  const describedBy = (field: Field, hint: string) => [hint, missing.includes(field) ? `${hint}-error` : '', field === 'publicKey' && error ? 'trust-key-problem' : ''].filter(Boolean).join(' ');
  return (
    <form className="trust-signer-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="trust-add-title">
      <h3 id="trust-add-title">{t('trust.add.title')}</h3>
      <div className="field">
        <label htmlFor="trust-key">{t('trust.add.publicKey')}</label>
        <p className="hint" id="trust-key-hint">
          {t('trust.add.publicKeyHint')}
        </p>
        <textarea
          ref={keyInput}
          id="trust-key"
          rows={3}
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
          value={publicKey}
          aria-invalid={missing.includes('publicKey') || error !== null || undefined}
          aria-describedby={describedBy('publicKey', 'trust-key-hint')}
          onChange={(event) => {
            setPublicKey(event.target.value);
            setMissing((fields) => fields.filter((field) => field !== 'publicKey'));
            setError(null);
          }}
        />
        {missing.includes('publicKey') && (
          <p className="field-error" id="trust-key-hint-error">
            {t('trust.add.publicKeyMissing')}
          </p>
        )}
        {error && (
          <p className="field-error" id="trust-key-problem" role="alert">
            {t(`errors:${error.code}`, { ...error.params })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="trust-name">{t('trust.add.name')}</label>
        <p className="hint" id="trust-name-hint">
          {t('signer.trustNameHint')}
        </p>
        <input
          ref={nameInput}
          id="trust-name"
          type="text"
          maxLength={200}
          value={name}
          aria-invalid={missing.includes('name') || undefined}
          aria-describedby={describedBy('name', 'trust-name-hint')}
          onChange={(event) => {
            setName(event.target.value);
            setMissing((fields) => fields.filter((field) => field !== 'name'));
          }}
        />
        {missing.includes('name') && (
          <p className="field-error" id="trust-name-hint-error">
            {t('trust.add.nameMissing')}
          </p>
        )}
      </div>
      <p className="success-message" role="status">
        {done &&
          t(done.result === 'added' ? 'trust.add.added' : 'trust.add.alreadyTrusted', { name: done.signer.name, fingerprint: done.signer.fingerprint })}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('trust.add.submit')}
        </button>
      </div>
    </form>
  );
}
