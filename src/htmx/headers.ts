// Wire names of the htmx headers, in one place (docs/protocol.md §1, §2).

/** Request: `true` on every htmx request except htmx 4 history restores. */
export const HX_REQUEST = 'HX-Request'
/** Request (htmx 4 only): `full` or `partial`. */
export const HX_REQUEST_TYPE = 'HX-Request-Type'
/** Request: `true` for boosted links and forms. */
export const HX_BOOSTED = 'HX-Boosted'
/** Request: `true` on a back/forward history restore. */
export const HX_HISTORY_RESTORE_REQUEST = 'HX-History-Restore-Request'
/** Request: the resolved target, `tag#id` in htmx 4, a bare id in htmx 2. */
export const HX_TARGET = 'HX-Target'
/** Request (htmx 4 only): the triggering element, `tag#id`. */
export const HX_SOURCE = 'HX-Source'
/** Request (htmx 2 only): the triggering element's id. */
export const HX_TRIGGER_ID = 'HX-Trigger'
/** Request (htmx 2 only): the triggering element's name. */
export const HX_TRIGGER_NAME = 'HX-Trigger-Name'
/** Request: `location.href` when the request started. */
export const HX_CURRENT_URL = 'HX-Current-URL'
/** Request: the answer to `hx-prompt` (URI-encoded in htmx 4). */
export const HX_PROMPT = 'HX-Prompt'
/** Request (hxkit): the name of the partial the client asks for explicitly. */
export const HX_PARTIAL = 'HX-Partial'

/** Response: a client-side redirect through `htmx.ajax` (a GET, no full reload). */
export const HX_LOCATION = 'HX-Location'
/** Response: a full browser navigation. */
export const HX_REDIRECT = 'HX-Redirect'
/** Response: `true` reloads the page. */
export const HX_REFRESH = 'HX-Refresh'
/** Response: push a URL into history. */
export const HX_PUSH_URL = 'HX-Push-Url'
/** Response: replace the current URL in history. */
export const HX_REPLACE_URL = 'HX-Replace-Url'
/** Response: a CSS (extended) selector that replaces the target. */
export const HX_RETARGET = 'HX-Retarget'
/** Response: a swap spec that replaces `hx-swap`. */
export const HX_RESWAP = 'HX-Reswap'
/** Response: a selector that replaces `hx-select`. */
export const HX_RESELECT = 'HX-Reselect'
/** Response: events to dispatch on the client (JSON or names). */
export const HX_TRIGGER = 'HX-Trigger'
