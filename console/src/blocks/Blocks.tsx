import { Obj } from '../api';
import { Markdown } from './markdown';
import { TableBlock } from './Table';
import { ChartBlock } from './Chart';
import { NetworkBlock } from './Network';
import { EventTimeline } from './EventTimeline';

/** The reading line ("해석: …" / "Read as: …") is a text block titled `reading`. */
export const isReading = (b: Obj) => b.type === 'text' && b.title === 'reading';

/**
 * An answer's blocks, in the order of the ScreenModel's components (block_ref "block-N") when there is
 * one, else as sent; the reading line and a text block repeating `answer` (shown above) are left out. The first table gets the load_more_rows action when the answer offered it.
 */
export function Blocks({ blocks, screen, traceId, more, answer }: { blocks: Obj[]; screen?: Obj; traceId?: string; more?: Obj; answer?: string }) {
  const order: Obj[] = [];
  for (const c of screen?.components ?? []) {
    const i = Number(String(c.block_ref ?? '').replace('block-', ''));
    if (Number.isInteger(i) && blocks[i] && !order.includes(blocks[i])) order.push(blocks[i]);
  }
  blocks.forEach((b) => order.includes(b) || order.push(b));
  let tableSeen = false;
  return (
    <div class="blocks">
      {order.filter((b) => !isReading(b) && !(answer && b.type === 'text' && !b.title && b.content === answer)).map((b) => {
        switch (b.type) {
          case 'table': {
            const first = !tableSeen;
            tableSeen = true;
            return <TableBlock data={b.data ?? {}} traceId={traceId} more={first ? more : undefined} />;
          }
          case 'chart':
            return <ChartBlock title={b.title} data={b.data ?? {}} />;
          case 'network':
            return <NetworkBlock data={b.data ?? {}} />;
          case 'timeline':
            return <EventTimeline title={b.title} data={b.data ?? {}} />;
          case 'markdown':
            return (
              <div class="block">
                {b.title && <h4>{b.title}</h4>}
                <Markdown source={b.content ?? ''} />
              </div>
            );
          default:
            return (
              <div class="block text-block" data-testid="text">
                {b.title && <h4>{b.title}</h4>}
                <p>{b.content}</p>
              </div>
            );
        }
      })}
    </div>
  );
}
