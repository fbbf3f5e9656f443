/**
 * A number input that commits on Enter, on blur, or after a short pause in typing — and only a
 * valid value within [min, max]; an invalid entry is marked and changes nothing.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  onCommit: (value: number) => void;
}

const PAUSE_MS = 400;

export function NumberField({ label, testId, value, min, max, step, integer = false, onCommit }: Props) {
  /** What the user is typing; null shows the committed value. */
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const parse = (raw: string): number | null => {
    const n = Number(raw.trim());
    const ok = raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
    return ok ? n : null;
  };
  const text = draft ?? String(value);
  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const n = parse(raw);
    if (n === null) return;
    setDraft(null);
    if (n !== value) onCommit(n);
  };

  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={parse(text) === null}
        onChange={(e) => {
          const raw = e.target.value;
          setDraft(raw);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(raw), PAUSE_MS);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
      />
    </label>
  );
}
