/**
 * A button that opens the OS file dialog through a real, hidden
 * `<input type="file">` (so the page gets File objects the preload can turn
 * into paths), and hands over what was chosen. The input stays out of the
 * tab order; the button is what keyboard and screen-reader users reach.
 */
import { forwardRef, useRef } from 'react';

interface Props {
  label: string;
  multiple?: boolean;
  accept?: string;
  disabled?: boolean;
  onFiles(files: File[]): void;
}

export const FilePickerButton = forwardRef<HTMLButtonElement, Props>(function FilePickerButton(
  { label, multiple = false, accept, disabled, onFiles },
  ref,
) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button ref={ref} type="button" onClick={() => input.current?.click()} disabled={disabled}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        hidden
        tabIndex={-1}
        aria-label={label}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared, so that choosing the same file again is seen again.
          event.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
});
