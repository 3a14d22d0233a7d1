// The table of operations: every route of API.md with its method, path, scope, status, and the components
// of its body, query and response. The webhook routes live in webhooks.ts, with the events they deliver.
import type { ID_PREFIXES } from '../../src/contract/index.js';
import type { QueryName } from './schemas.js';
import { WEBHOOK_ROUTES } from './webhooks.js';

type IdKind = keyof typeof ID_PREFIXES;
type Method = 'get' | 'post' | 'patch' | 'delete';

export interface RouteSpec {
  method: Method;
  /** The OpenAPI path, `{id}` for the path parameter. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The scope a key needs. */
  scope: string;
  status: 200 | 201 | 202;
  /** The component of the response body. */
  response: string;
  /** The component of the request body. */
  body?: string;
  query?: QueryName;
  /** The kind of the `{id}` in the path. */
  id?: IdKind;
  /** Error statuses of this route beyond those derived from its shape. */
  errors?: number[];
}

export const ROUTES: RouteSpec[] = [
  // Account and API keys.
  {
    method: 'get',
    path: '/v1/account',
    operationId: 'getAccount',
    summary: 'Get the account',
    tag: 'Account',
    scope: 'account:read',
    status: 200,
    response: 'Account',
  },
  {
    method: 'patch',
    path: '/v1/account',
    operationId: 'updateAccount',
    summary: 'Update the account',
    tag: 'Account',
    scope: 'account:write',
    status: 200,
    response: 'Account',
    body: 'UpdateAccountParams',
  },
  {
    method: 'get',
    path: '/v1/api_keys',
    operationId: 'listApiKeys',
    summary: 'List API keys',
    tag: 'API keys',
    scope: 'account:read',
    status: 200,
    response: 'ApiKeyList',
    query: 'ListApiKeysParams',
  },
  {
    method: 'post',
    path: '/v1/api_keys',
    operationId: 'createApiKey',
    summary: 'Create an API key (its secret appears only in this response)',
    tag: 'API keys',
    scope: 'account:write',
    status: 201,
    response: 'ApiKey',
    body: 'CreateApiKeyParams',
  },
  {
    method: 'delete',
    path: '/v1/api_keys/{id}',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key',
    tag: 'API keys',
    scope: 'account:write',
    status: 200,
    response: 'ApiKey',
    id: 'apiKey',
  },
  // Sessions.
  {
    method: 'post',
    path: '/v1/sessions',
    operationId: 'createSession',
    summary: 'Create a session (pairing)',
    tag: 'Sessions',
    scope: 'sessions:write',
    status: 201,
    response: 'Session',
    body: 'CreateSessionParams',
  },
  {
    method: 'get',
    path: '/v1/sessions',
    operationId: 'listSessions',
    summary: 'List sessions',
    tag: 'Sessions',
    scope: 'sessions:read',
    status: 200,
    response: 'SessionList',
    query: 'ListSessionsParams',
  },
  {
    method: 'get',
    path: '/v1/sessions/{id}',
    operationId: 'getSession',
    summary: 'Get a session',
    tag: 'Sessions',
    scope: 'sessions:read',
    status: 200,
    response: 'Session',
    id: 'session',
  },
  {
    method: 'delete',
    path: '/v1/sessions/{id}',
    operationId: 'logoutSession',
    summary: 'Log a session out (it becomes disconnected)',
    tag: 'Sessions',
    scope: 'sessions:write',
    status: 200,
    response: 'Session',
    id: 'session',
  },
  // Messages and logs.
  {
    method: 'post',
    path: '/v1/messages',
    operationId: 'sendMessage',
    summary: 'Send a message (queued)',
    tag: 'Messages',
    scope: 'messages:write',
    status: 202,
    response: 'Message',
    body: 'SendMessageParams',
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1/messages/{id}',
    operationId: 'getMessage',
    summary: 'Get a message',
    tag: 'Messages',
    scope: 'messages:read',
    status: 200,
    response: 'Message',
    id: 'message',
  },
  {
    method: 'get',
    path: '/v1/logs',
    operationId: 'listLogs',
    summary: 'List message logs',
    tag: 'Logs',
    scope: 'logs:read',
    status: 200,
    response: 'MessageLogList',
    query: 'ListLogsParams',
  },
  {
    method: 'get',
    path: '/v1/logs/{id}',
    operationId: 'getLog',
    summary: 'Get the log of a message',
    tag: 'Logs',
    scope: 'logs:read',
    status: 200,
    response: 'MessageLog',
    id: 'message',
  },
  // Webhooks.
  ...WEBHOOK_ROUTES,
  // Privacy requests.
  {
    method: 'post',
    path: '/v1/privacy_requests',
    operationId: 'createPrivacyRequest',
    summary: 'File a privacy request',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 202,
    response: 'PrivacyRequest',
    body: 'CreatePrivacyRequestParams',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests',
    operationId: 'listPrivacyRequests',
    summary: 'List privacy requests',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyRequestList',
    query: 'ListPrivacyRequestsParams',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests/{id}',
    operationId: 'getPrivacyRequest',
    summary: 'Get a privacy request',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/cancel',
    operationId: 'cancelPrivacyRequest',
    summary: 'Cancel a privacy request (only while received)',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/lift',
    operationId: 'liftPrivacyRequest',
    summary: 'Lift a completed restriction or objection',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    id: 'privacyRequest',
  },
  {
    method: 'post',
    path: '/v1/privacy_requests/{id}/extend',
    operationId: 'extendPrivacyRequest',
    summary: 'Extend the due date by two months (once, before it)',
    tag: 'Privacy',
    scope: 'privacy:write',
    status: 200,
    response: 'PrivacyRequest',
    body: 'ExtendPrivacyRequestParams',
    id: 'privacyRequest',
  },
  {
    method: 'get',
    path: '/v1/privacy_requests/{id}/export',
    operationId: 'getPrivacyRequestExport',
    summary: 'Download the archive of a completed export (for 7 days)',
    tag: 'Privacy',
    scope: 'privacy:read',
    status: 200,
    response: 'PrivacyExport',
    id: 'privacyRequest',
    errors: [409],
  },
  // Support.
  {
    method: 'post',
    path: '/v1/support/tickets',
    operationId: 'createSupportTicket',
    summary: 'Open a support ticket',
    tag: 'Support',
    scope: 'support:write',
    status: 201,
    response: 'SupportTicket',
    body: 'CreateTicketParams',
  },
  {
    method: 'get',
    path: '/v1/support/tickets',
    operationId: 'listSupportTickets',
    summary: 'List support tickets',
    tag: 'Support',
    scope: 'support:read',
    status: 200,
    response: 'SupportTicketList',
    query: 'ListTicketsParams',
  },
  {
    method: 'get',
    path: '/v1/support/tickets/{id}',
    operationId: 'getSupportTicket',
    summary: 'Get a support ticket, with its messages',
    tag: 'Support',
    scope: 'support:read',
    status: 200,
    response: 'SupportTicket',
    id: 'supportTicket',
  },
  {
    method: 'post',
    path: '/v1/support/tickets/{id}/messages',
    operationId: 'replySupportTicket',
    summary: 'Write on a support ticket',
    tag: 'Support',
    scope: 'support:write',
    status: 200,
    response: 'SupportTicket',
    body: 'ReplyTicketParams',
    id: 'supportTicket',
  },
  {
    method: 'post',
    path: '/v1/support/tickets/{id}/csat',
    operationId: 'rateSupportTicket',
    summary: 'Rate a solved support ticket (once)',
    tag: 'Support',
    scope: 'support:write',
    status: 200,
    response: 'SupportTicket',
    body: 'RateTicketParams',
    id: 'supportTicket',
  },
];
