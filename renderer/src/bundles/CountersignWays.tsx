/**
 * The three ways to countersign a valid bundle, side by side on the check
 * screen: with a key file (Countersign, .p12/.pfx), through NCALayer on
 * this computer (CountersignNcaLayer), or by adding a signature made
 * elsewhere (CountersignElsewhere, .p7s from an NCALayer-based tool). While
 * one works the others wait, and the screen is told the bundle is being changed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc';
import { Countersign } from './Countersign';
import { CountersignElsewhere } from './CountersignElsewhere';
import { CountersignNcaLayer } from './CountersignNcaLayer';

interface Props {
  file: File;
  /** Another change to the bundle (a proof of time) is under way: nothing starts meanwhile. */
  disabled: boolean;
  onBusy(busy: boolean): void;
  onCountersigned(added: ResponseOf<'bundle:countersign'>): void;
}

export function CountersignWays({ file, disabled, onBusy, onCountersigned }: Props) {
  const [withKey, setWithKey] = useState(false);
  const [elsewhere, setElsewhere] = useState(false);
  const [ncaLayer, setNcaLayer] = useState(false);
  const onKeyBusy = useCallback((busy: boolean) => setWithKey(busy), []);
  const onElsewhereBusy = useCallback((busy: boolean) => setElsewhere(busy), []);
  const onNcaLayerBusy = useCallback((busy: boolean) => setNcaLayer(busy), []);

  useEffect(() => onBusy(withKey || elsewhere || ncaLayer), [withKey, elsewhere, ncaLayer, onBusy]);
  useEffect(() => () => onBusy(false), [onBusy]);

  return (
    <>
      <Countersign file={file} disabled={disabled || elsewhere || ncaLayer} onBusy={onKeyBusy} onCountersigned={onCountersigned} />
      <CountersignNcaLayer file={file} disabled={disabled || withKey || elsewhere} onBusy={onNcaLayerBusy} onCountersigned={onCountersigned} />
      <CountersignElsewhere file={file} disabled={disabled || withKey || ncaLayer} onBusy={onElsewhereBusy} onCountersigned={onCountersigned} />
    </>
  );
}
