import type { ApiTokenMessages } from './nl-api-tokens';

/** English texts of the API-token page. */
export const enApiTokens: ApiTokenMessages = {
  menu: 'API keys',
  title: 'API keys',
  intro:
    'An API key lets a program use Weerbaar on your behalf, for example a screening system calling the yente interface. A key has the same rights as your account. Revoke a key as soon as it is no longer needed.',
  listTitle: 'Your API keys',
  none: 'You have no API keys yet.',
  columns: { name: 'Name', created: 'Created', lastUsed: 'Last used', expires: 'Expires', status: 'Status' },
  neverUsed: 'Not used yet',
  noExpiry: 'Does not expire',
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  createTitle: 'New API key',
  name: 'Name of the key',
  nameHint: 'What or which system uses it, for example "Bibob link case system".',
  nameRequired: 'Enter a name for the key.',
  lifetime: 'Valid for',
  days: (n) => `${n} days`,
  create: 'Create key',
  createdTitle: (name) => `Key "${name}" has been created`,
  onceWarning: 'Copy the key now: it will never be shown again.',
  expires: (at) => `It expires on ${at}.`,
  copy: 'Copy',
  copied: 'The key has been copied.',
  copyFailed: 'Copying failed; select the key and copy it yourself.',
  done: 'I have stored the key',
  revoke: 'Revoke',
  revokeLabel: (name) => `Revoke key ${name}`,
  revokeConfirm: (name) => `Revoke key "${name}"? Programs using it lose access at once. This cannot be undone.`,
  revokeYes: 'Yes, revoke',
  revokedMessage: (name) => `Key "${name}" has been revoked.`,
  usageTitle: 'Using a key',
  usageIntro:
    'The yente interface is an API that works like OpenSanctions yente: existing yente clients can use Weerbaar by changing the base URL and sending the key.',
  baseUrl: 'Base URL',
  header: 'Header on every request',
  example: 'Example',
  usageRest:
    'The REST API under /api/v1 accepts the same header; it is described at /api/docs. Never put a key in an e-mail or chat.',
};
