// The public face of the Spotify client: what the accounts service, library sync and the shell
// import. Everything else in this folder is an implementation detail.
export {
  AccountSession,
  type AccountSessionOptions,
  type AccountSessionState,
  type ApiRequest,
} from './account-session.js';
export type { ArtistRef, Profile, SavedTrack, SavedTracksPage } from './models.js';
export {
  RequestScheduler,
  type RequestSchedulerOptions,
  type ScheduledRequest,
  type ScheduledResponse,
  type SchedulerOptionErrorCode,
  type SchedulerState,
} from './request-scheduler.js';
export {
  MAX_SAVED_TRACKS_PAGE_SIZE,
  getProfile,
  getSavedTracksPage,
  type SavedTracksPageRequest,
} from './spotify-api-client.js';
export {
  SpotifyApiError,
  type SpotifyApiErrorCode,
  type SpotifyApiErrorDetails,
} from './spotify-api-errors.js';
export { forbiddenExplanations, type ForbiddenReason } from './forbidden-reason.js';
export type { Unsubscribe } from './typed-emitter.js';
