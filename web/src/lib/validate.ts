// Client-side checks that mirror the API's, so most mistakes are caught before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (v: string) => EMAIL.test(v.trim());

export const requiredText = (label: string) => (v: string) => (v.trim() ? null : `${label} is required`);

export const optionalEmail = (v: string) => (!v.trim() || isEmail(v) ? null : 'Enter a valid email address');

export const password = (v: string) => (v.length >= 8 ? null : 'Use at least 8 characters');
