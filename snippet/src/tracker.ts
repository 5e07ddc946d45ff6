// The public API (`window.tandem`): who the visitor is, what consent allows, and turning calls into
// Segment-shaped events for delivery.
//
// Consent has three states. granted: ids are stored and events sent. pending (data-consent="pending",
// no decision yet): events wait in memory and nothing is written to the device. denied: nothing is
// recorded, stored ids and waiting events are erased. A decision is remembered in localStorage, so a
// refusal holds on every later page.
import { clickIds, eventContext, pageProperties, uuid, type Dict } from './context.ts';
import type { Delivery } from './delivery.ts';
import { cookies, layered, local, session, type Store } from './storage.ts';

const ANONYMOUS_ID = 'tandem_aid';
const USER_ID = 'tandem_uid';
const CONSENT = 'tandem_consent';

export interface Options {
  /** Keep ids in sessionStorage (and memory) only: no cookie, nothing that outlives the tab. */
  cookieless: boolean;
  /** Send nothing until consent(true). */
  consentPending: boolean;
}

export interface Tandem {
  identify(userId?: string | Dict | null, traits?: Dict): void;
  track(event: string, properties?: Dict): void;
  page(name?: string | Dict | null, properties?: Dict): void;
  consent(granted: boolean): void;
  reset(): void;
  version: string;
}

type Consent = 'granted' | 'pending' | 'denied';

export function createTracker(delivery: Delivery, options: Options, version: string): Tandem {
  // where ids and the event queue live once consent allows writing to the device
  const device: Store = options.cookieless ? session : local;
  const anonymousStore: Store = options.cookieless ? session : layered(cookies, local);
  const decided = local.get(CONSENT);
  let consent: Consent = decided == '1' ? 'granted' : decided == '0' ? 'denied' : options.consentPending ? 'pending' : 'granted';
  let anonymousId = anonymousStore.get(ANONYMOUS_ID) || uuid();
  let userId = device.get(USER_ID);

  function saveIds(): void {
    if (consent != 'granted') return;
    anonymousStore.set(ANONYMOUS_ID, anonymousId); // also renews the cookie for another year
    if (userId) device.set(USER_ID, userId);
    else device.remove(USER_ID);
  }

  function record(type: string, fields: Dict): void {
    if (consent == 'denied') return;
    const event: Dict = { type, messageId: uuid(), timestamp: new Date().toISOString(), anonymousId, context: eventContext() };
    if (userId) event.userId = userId;
    let copy: Dict;
    try {
      // a snapshot: later changes to the caller's objects do not change the event, and data that cannot
      // be sent (circular, BigInt) is refused here rather than jamming the queue
      copy = JSON.parse(JSON.stringify(Object.assign(event, fields)));
    } catch {
      console.warn(`tandem.js: ${type} not sent: its data cannot be turned into JSON`);
      return;
    }
    delivery.add(copy);
  }

  saveIds();
  delivery.useStore(consent == 'granted' ? device : null);

  return {
    version,
    identify(id, traits) {
      if (id && typeof id == 'object') {
        traits = id;
        id = null;
      }
      if (id != null) userId = String(id);
      saveIds();
      record('identify', { traits: traits || {} });
    },
    track(event, properties) {
      record('track', { event: String(event), properties: properties || {} });
    },
    page(name, properties) {
      if (name && typeof name == 'object') {
        properties = name;
        name = null;
      }
      const fields: Dict = { properties: Object.assign(pageProperties(), clickIds(), properties) };
      if (name) fields.name = String(name);
      record('page', fields);
    },
    consent(granted) {
      consent = granted ? 'granted' : 'denied';
      local.set(CONSENT, granted ? '1' : '0');
      if (granted) {
        saveIds();
        delivery.useStore(device);
      } else {
        delivery.useStore(null);
        delivery.clear();
        for (const store of [cookies, local, session]) {
          store.remove(ANONYMOUS_ID);
          store.remove(USER_ID);
        }
      }
    },
    reset() {
      userId = null;
      anonymousId = uuid();
      saveIds();
    },
  };
}
