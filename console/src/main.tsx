import { Component, ComponentChildren, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiKey, get, onKeyChange, setApiKey, WhoAmI } from './api';
import { href, useRoute } from './router';
import { AskPage } from './pages/Ask';
import { TracesPage } from './pages/Traces';
import { TracePage } from './pages/Trace';
import { ComparePage } from './pages/Compare';
import { AssetsPage } from './pages/Assets';
import { RegressionPage } from './pages/Regression';
import 'uplot/dist/uPlot.min.css';
import './style.css';

function useWhoAmI(): [WhoAmI | null, string] {
  const [who, setWho] = useState<WhoAmI | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () =>
      get<WhoAmI>('/ops/whoami').then(
        (w) => (setWho(w), setError('')),
        (e) => (setWho(null), setError(e.message)),
      );
    load();
    return onKeyChange(load);
  }, []);
  return [who, error];
}

function KeyBox({ who, error }: { who: WhoAmI | null; error: string }) {
  const [draft, setDraft] = useState('');
  const signedIn = !!apiKey();
  return (
    <div class="keybox">
      <span data-testid="principal" class={error ? 'err' : ''}>
        {error ? `key refused: ${error}` : who ? `${who.name} (${who.roles.join(', ')})` : '…'}
      </span>
      {signedIn ? (
        <button onClick={() => setApiKey('')}>Forget key</button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setApiKey(draft);
            setDraft('');
          }}
        >
          <input
            type="password"
            name="apikey"
            placeholder="API key (ops_…)"
            autocomplete="off"
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          />
          <button type="submit">Use key</button>
        </form>
      )}
    </div>
  );
}

/** A page that throws while rendering shows why, not a blank page (the next page starts afresh). */
class Boundary extends Component<{ children: ComponentChildren }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div class="error" role="alert" data-testid="error">
        This page could not be shown: {error.message}. <a href={href(['ask'])}>Back to Ask</a>
      </div>
    );
  }
}

function App() {
  const route = useRoute();
  const [who, whoError] = useWhoAmI();
  // a new key is a new principal: the page below starts afresh (never on the first whoami answer,
  // which would drop what the user already started)
  const [epoch, setEpoch] = useState(0);
  useEffect(() => onKeyChange(() => setEpoch((e) => e + 1)), []);
  const [page = 'ask', ...rest] = route.parts;
  const nav = [
    ['ask', 'Ask'],
    ['traces', 'Inspector'],
    ['assets', 'Assets'],
    ['regression', 'Regression'],
  ];
  let body;
  if (page === 'traces' && rest[0]) body = <TracePage id={rest[0]} stage={route.query.get('stage') ?? ''} who={who} />;
  else if (page === 'traces') body = <TracesPage query={route.query} />;
  else if (page === 'compare') body = <ComparePage a={rest[0] ?? ''} b={rest[1] ?? ''} />;
  else if (page === 'assets') body = <AssetsPage type={rest[0] ?? ''} name={rest[1] ?? ''} query={route.query} who={who} />;
  else if (page === 'regression') body = <RegressionPage who={who} />;
  else body = <AskPage />;
  return (
    <>
      <header>
        <strong class="brand">OPS console</strong>
        <nav>
          {nav.map(([p, label]) => (
            <a href={href([p])} class={page === p || (p === 'traces' && page === 'compare') ? 'on' : ''}>
              {label}
            </a>
          ))}
        </nav>
        <KeyBox who={who} error={whoError} />
      </header>
      <main key={epoch}>
        <Boundary key={page}>{body}</Boundary>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
