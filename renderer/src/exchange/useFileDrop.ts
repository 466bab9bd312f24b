/**
 * A file dropped anywhere on the window goes to `onFile` (the first one, as
 * a File the preload can turn into a path); Chromium must not open it in
 * place of the app. Tells the screen while a drag that carries files is over
 * the window, to show where to let go. Off while `enabled` is false, e.g.
 * during a long task.
 */
import { useEffect, useRef, useState } from 'react';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function useFileDrop(onFile: (file: File) => void, enabled: boolean): boolean {
  const [dragging, setDragging] = useState(false);
  // The window's listeners see the latest callback and state through refs, not the first render's.
  const latest = useRef({ onFile, enabled });
  latest.current = { onFile, enabled };

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.enabled ? 'copy' : 'none';
      setDragging(latest.current.enabled);
    };
    const leave = (event: DragEvent) => {
      // Only when the drag leaves the window, not when it moves between elements.
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const dropped = event.dataTransfer?.files[0];
      if (dropped && latest.current.enabled) latest.current.onFile(dropped);
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return dragging;
}
