// The public face of the login core: what the shell, the accounts service and the tests import.
export { DEFAULT_SCOPES, buildAuthorizeUrl, type AuthorizeUrlParams } from './authorize-url.js';
export { assertValidClientId } from './client-id.js';
export { LoginError, type LoginErrorCode } from './login-error.js';
export {
  DEFAULT_LOGIN_TIMEOUT_MS,
  signIn,
  type SignInOptions,
  type SignInResult,
} from './login-flow.js';
export {
  CALLBACK_PATH,
  LOOPBACK_HOST,
  redirectUriFor,
  startLoopbackListener,
  type LoopbackListener,
  type LoopbackListenerOptions,
} from './loopback-listener.js';
export { challengeFor, createPkcePair, createState, type PkcePair } from './pkce.js';
export {
  DEFAULT_TOKEN_REQUEST_TIMEOUT_MS,
  EXPIRY_SAFETY_MARGIN_MS,
  exchangeCode,
  refreshAccessToken,
  type ExchangeCodeOptions,
  type RefreshAccessTokenOptions,
  type TokenRequestOptions,
} from './token-endpoint.js';
export {
  OAUTH_ERROR_CODES,
  TokenEndpointError,
  type OAuthErrorCode,
  type TokenErrorCode,
} from './token-endpoint-error.js';
export type { RefreshedAccess, TokenSet } from './token-set.js';
