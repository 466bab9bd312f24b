import { describe, expect, it } from 'vitest';
import { loadStrengthEstimator, newPassphraseProblems } from './passphraseStrength';

describe('passphrase strength', () => {
  it('rates a common password very weak and several unrelated words very strong', async () => {
    const strength = await loadStrengthEstimator();
    expect(strength('password1')).toBe(0);
    expect(strength('qwertyuiop')).toBe(0);
    expect(strength('violet tractor 1986 lantern murmur')).toBe(4);
    // Cyrillic is scored by its length and variety, not rejected.
    expect(strength('көктемгі дала, жел және тау')).toBe(4);
  });

  it('refuses an empty, a short or a mistyped new passphrase, and nothing else', () => {
    expect(newPassphraseProblems('', '')).toEqual({ passphrase: 'required' });
    expect(newPassphraseProblems('short', 'short')).toEqual({ passphrase: 'tooShort' });
    expect(newPassphraseProblems('long enough', 'long enuogh')).toEqual({ confirmation: 'mismatch' });
    expect(newPassphraseProblems('password', 'password')).toEqual({});
  });
});
