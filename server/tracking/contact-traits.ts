// The contact fields an identify call's traits carry (Segment's reserved trait names), cleaned the
// way the contacts API cleans them. Blank or invalid values are left out: a blank trait never erases
// what a contact already has.
import { emailSchema } from '../contacts/contacts.schemas.ts';
import { asRecord, asText } from './tracked-event.ts';

export interface ContactTraits {
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  title?: string;
}

function text(value: unknown, max: number): string | undefined {
  const t = asText(value);
  return t ? t.slice(0, max) : undefined;
}

export function contactTraits(traits: Record<string, unknown>): ContactTraits {
  const out: ContactTraits = {};
  const email = emailSchema.safeParse(traits.email);
  if (email.success) out.email = email.data;
  const first = text(traits.firstName ?? traits.first_name, 100);
  const last = text(traits.lastName ?? traits.last_name, 100);
  if (first) out.first_name = first;
  if (last) out.last_name = last;
  if (!first && !last) {
    // `name` only when no separate first/last name was given: "Ada King Lovelace" → Ada / King Lovelace
    const name = text(traits.name, 201);
    if (name) {
      const [head, ...rest] = name.split(/\s+/);
      out.first_name = head.slice(0, 100);
      if (rest.length) out.last_name = rest.join(' ').slice(0, 100);
    }
  }
  const phone = text(traits.phone, 50);
  if (phone) out.phone = phone;
  const title = text(traits.title ?? traits.jobTitle, 200);
  if (title) out.title = title;
  return out;
}

/** Later non-blank values win, field by field. */
export function mergeTraits(a: ContactTraits | undefined, b: ContactTraits): ContactTraits {
  return { ...a, ...b };
}

/** The domain an account is found by in a group call: traits.domain, traits.website, or a groupId that is one. */
export function groupTraits(groupId: string, traits: Record<string, unknown>): { domainInput: string | null; name: string | null } {
  const t = asRecord(traits);
  return {
    domainInput: asText(t.domain) ?? asText(t.website) ?? (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(groupId) ? groupId : null),
    name: asText(t.name)?.slice(0, 200) ?? null,
  };
}
