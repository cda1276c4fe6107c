/**
 * Runs in the browser, not in Node: the browser host's test panel around the popover frame. It
 * lists the desktop notifications the core asked for, closes and reopens the popover as the
 * tray icon would, and drives the simulated car through the contract's `demo` intent. Types only
 * may be imported.
 */
import type { DemoAction } from '../../shared/contract';
import type { HostMessage } from './wire';

/** Wires up the panel in `doc`, talking to the host at `socketUrl`. */
export function startHarness(doc: Document, socketUrl: string): void {
  const socket = new WebSocket(socketUrl);
  const list = doc.getElementById('notifications');
  const count = doc.getElementById('notification-count');
  const slot = doc.getElementById('popover-slot');
  const toggle = doc.getElementById('popover-toggle');
  const status = doc.getElementById('panel-status');
  let nextId = 1;
  let popoverOpen = true;

  const setOpen = (open: boolean) => {
    if (!slot || !toggle) return;
    popoverOpen = open;
    // Closing removes the page, as hiding the tray window would stop it drawing; opening loads
    // it again and it paints the last Snapshot.
    slot.replaceChildren();
    if (open) {
      const frame = doc.createElement('iframe');
      frame.src = 'popover/';
      frame.title = 'volvo-tray popover';
      frame.width = '360';
      frame.height = '480';
      slot.append(frame);
      frame.focus();
    }
    toggle.textContent = open ? 'Close popover' : 'Open popover (tray icon)';
  };

  toggle?.addEventListener('click', () => setOpen(!popoverOpen));

  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    const message = JSON.parse(event.data) as HostMessage;
    if (message.type === 'notification' && list && count) {
      const item = doc.createElement('li');
      const title = doc.createElement('strong');
      title.textContent = message.notification.title;
      const body = doc.createElement('span');
      body.textContent = message.notification.body;
      const time = doc.createElement('time');
      time.dateTime = message.at;
      time.textContent = new Date(message.at).toLocaleTimeString();
      item.append(time, title, body);
      list.prepend(item);
      count.textContent = String(list.children.length);
    } else if (message.type === 'popover' && !message.open) {
      setOpen(false);
    } else if (message.type === 'result' && status) {
      status.textContent = message.result.ok ? 'Done.' : message.result.error;
    }
  });

  const demo = (action: DemoAction) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ type: 'intent', id: nextId++, name: 'demo', args: [action] }));
  };

  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-part]')) {
    button.addEventListener('click', () => {
      const part = doc.getElementById('part-select');
      if (!(part instanceof HTMLSelectElement)) return;
      const value = button.dataset.part === 'OPEN' ? 'OPEN' : 'CLOSED';
      // The options come from DOOR_NAMES and WINDOW_NAMES; the host validates the intent like
      // any other.
      const [kind, name] = part.value.split(':');
      if (kind === 'window') demo({ kind: 'window', window: name as WindowChoice, value });
      else demo({ kind: 'door', door: name as DoorChoice, value });
    });
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-asleep]')) {
    button.addEventListener('click', () =>
      demo({ kind: 'sleep', asleep: button.dataset.asleep === 'true' }),
    );
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-engine]')) {
    button.addEventListener('click', () =>
      demo({ kind: 'engine', running: button.dataset.engine === 'true' }),
    );
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-brake-light]')) {
    button.addEventListener('click', () =>
      demo({ kind: 'brake-light', failed: button.dataset.brakeLight === 'true' }),
    );
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-power-saving]')) {
    button.addEventListener('click', () =>
      demo({ kind: 'power-saving', on: button.dataset.powerSaving === 'true' }),
    );
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-outage]')) {
    button.addEventListener('click', () => {
      const message = doc.getElementById('outage-message');
      if (button.dataset.outage === 'end') demo({ kind: 'outage', message: null });
      else if (message instanceof HTMLInputElement)
        demo({ kind: 'outage', message: message.value });
    });
  }
  doc.getElementById('fault-select')?.addEventListener('change', (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement)
      demo({ kind: 'fault', fault: select.value as FaultChoice });
  });
}

type DoorChoice = Extract<DemoAction, { kind: 'door' }>['door'];
type WindowChoice = Extract<DemoAction, { kind: 'window' }>['window'];
type FaultChoice = Extract<DemoAction, { kind: 'fault' }>['fault'];
