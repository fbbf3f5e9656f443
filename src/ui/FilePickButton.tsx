/** A button that opens the file picker; the `<input type="file">` behind it carries the test id. */
import { useRef } from 'react';

interface Props {
  label: string;
  hint: string;
  accept: string;
  testId: string;
  disabled: boolean;
  primary?: boolean;
  onFile: (file: File) => void;
}

export function FilePickButton({ label, hint, accept, testId, disabled, primary = false, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} disabled={disabled} title={hint} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={accept}
        data-testid={testId}
        aria-label={hint}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
