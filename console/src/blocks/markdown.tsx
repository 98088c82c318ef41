// A small Markdown subset rendered to elements (never innerHTML): headings, paragraphs, lists,
// block quotes (a document's cited passage), **bold**, *italic*, `code` and fenced code. Anything
// else stays literal text.
import { ComponentChildren } from 'preact';

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)/g;
  let last = 0;
  for (let m; (m = re.exec(text)); ) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const t = m[0];
    if (t.startsWith('**')) out.push(<strong>{t.slice(2, -2)}</strong>);
    else if (t.startsWith('`')) out.push(<code>{t.slice(1, -1)}</code>);
    else out.push(<em>{t.slice(1, -1)}</em>);
    last = m.index + t.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source }: { source: string }) {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const out: ComponentChildren[] = [];
  let para: string[] = [];
  let list: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (para.length) out.push(<p>{inline(para.join(' '))}</p>);
    if (list.length) out.push(<ul>{list.map((l) => <li>{inline(l)}</li>)}</ul>);
    if (quote.length) out.push(<blockquote><Markdown source={quote.join('\n')} /></blockquote>);
    para = [];
    list = [];
    quote = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^>( |$)/.test(line)) {
      if (para.length || list.length) {
        const q = quote;
        quote = [];
        flush();
        quote = q;
      }
      quote.push(line.replace(/^> ?/, ''));
      continue;
    }
    if (quote.length) flush();
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.push(<pre>{code.join('\n')}</pre>);
    } else if (/^#{1,4} /.test(line)) {
      flush();
      const level = line.indexOf(' ');
      const H = `h${Math.min(level + 2, 6)}` as 'h3';
      out.push(<H>{inline(line.slice(level + 1))}</H>);
    } else if (/^\s*[-*] /.test(line)) {
      if (para.length) flush();
      list.push(line.replace(/^\s*[-*] /, ''));
    } else if (!line.trim()) {
      flush();
    } else {
      if (list.length) flush();
      para.push(line.trim().replace(/;$/, ';'));
    }
  }
  flush();
  return <div class="markdown">{out}</div>;
}
