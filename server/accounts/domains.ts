// Company domains: how they are normalised (so "https://www.Acme.com/about" and "acme.com" are the
// same account) and which email domains belong to a company rather than a free mailbox provider.

/** Free and ISP mailbox domains: an address here says nothing about the person's company. */
export const FREE_EMAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'hotmail.com',
  'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'mail.ru', 'yandex.ru',
  'yandex.com', 'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com', '126.com', 'orange.fr', 'free.fr',
  'laposte.net', 'sfr.fr', 't-online.de', 'libero.it', 'comcast.net', 'verizon.net', 'att.net', 'btinternet.com',
  'tutanota.com', 'rediffmail.com',
]);

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Returns the bare lowercase host ("acme.com") or undefined when the input is not a domain. */
export function normaliseDomain(input: string): string | undefined {
  let value = input.trim().toLowerCase();
  if (!value) return undefined;
  if (value.includes('@')) value = value.slice(value.lastIndexOf('@') + 1);
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(value) ? value : `http://${value}`);
    value = url.hostname;
  } catch {
    return undefined;
  }
  value = value.replace(/\.$/, '').replace(/^www\d?\./, '');
  return HOSTNAME.test(value) ? value : undefined;
}

/** The company domain of an email address, or null for free mailbox providers. */
export function companyDomainOfEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domain && !FREE_EMAIL_DOMAINS.has(domain) ? domain : null;
}
