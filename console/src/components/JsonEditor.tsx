// A plain textarea with a line-number gutter and the validator's errors at their lines: a red marker
// in the gutter and a tinted band behind the text (a backdrop under a transparent textarea, moved with
// its scroll). No editor library: lines do not wrap and have one fixed height, so line n is at
// (n - 1) × LINE px, the same in the gutter, the backdrop and the textarea.
import { useEffect, useRef } from 'preact/hooks';
import { offsetOfLine } from '../jsonpos';

const LINE = 18; // px, as .jsoned's line-height in style.css
const PAD = 6; // px, the textarea's top padding

export interface Mark {
  line: number;
  message: string;
}

/** Moves the caret to the start of a line's text, selects the line, and scrolls it into the middle third. */
export function focusLine(ta: HTMLTextAreaElement, line: number) {
  const from = offsetOfLine(ta.value, line);
  const nl = ta.value.indexOf('\n', from);
  const to = nl < 0 ? ta.value.length : nl;
  const indent = /^\s*/.exec(ta.value.slice(from, to))![0].length;
  ta.focus();
  ta.setSelectionRange(from + indent, to);
  ta.scrollTop = Math.max(0, (line - 1) * LINE - ta.clientHeight / 3);
}

export function JsonEditor({ value, onInput, marks, rows = 24, taRef }: {
  value: string;
  onInput: (v: string) => void;
  marks: Mark[];
  rows?: number;
  taRef: { current: HTMLTextAreaElement | null };
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLDivElement>(null);
  const sync = () => {
    const ta = taRef.current;
    if (!ta) return;
    if (gutter.current) gutter.current.style.transform = `translateY(${-ta.scrollTop}px)`;
    if (back.current) back.current.style.transform = `translateY(${-ta.scrollTop}px)`;
  };
  useEffect(sync);
  const lines = value.split('\n').length;
  const byLine = new Map<number, string[]>();
  for (const m of marks) if (m.line > 0) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.message]);
  const numbers = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
  const top = (line: number) => ({ top: `${PAD + (line - 1) * LINE}px` });
  return (
    <div class="jsoned" data-testid="json-editor">
      <div class="gutter">
        <div class="gutter-inner" ref={gutter}>
          <pre>{numbers}</pre>
          {[...byLine].map(([line, ms]) => (
            <span
              class="gmark"
              style={top(line)}
              title={ms.join('\n')}
              data-testid="error-line"
              data-line={line}
              onClick={() => taRef.current && focusLine(taRef.current, line)}
            >
              ●
            </span>
          ))}
        </div>
      </div>
      <div class="pane">
        <div class="backdrop" ref={back}>
          {[...byLine.keys()].map((line) => <div class="band" style={top(line)} />)}
        </div>
        <textarea
          ref={taRef}
          name="content"
          wrap="off"
          spellcheck={false}
          rows={rows}
          value={value}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
          onScroll={sync}
        />
      </div>
    </div>
  );
}
