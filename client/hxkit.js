// hxkit behaviour script (hxkit/server serves it at /_hxkit/hxkit.js): loaded with src= and the
// CSP nonce after htmx (no inline scripts, strict CSP).
// Marks the swap target busy while a request runs, for assistive technology and hxkit.css.
// htmx 4 events: htmx:before:request / htmx:finally:request (detail.ctx.target);
// htmx 2 events: htmx:beforeRequest / htmx:afterRequest (detail.target).
;(function () {
  'use strict'

  /**
   * @param {Event} event
   * @returns {Element | null}
   */
  function targetOf(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ target?: unknown, ctx?: { target?: unknown } } | null} */ (event.detail)
        : null
    var target = detail?.ctx?.target ?? detail?.target
    return target instanceof Element && target !== document.body ? target : null
  }

  /** @param {Event} event */
  function busy(event) {
    targetOf(event)?.setAttribute('aria-busy', 'true')
  }

  /** @param {Event} event */
  function idle(event) {
    targetOf(event)?.removeAttribute('aria-busy')
  }

  document.addEventListener('htmx:before:request', busy)
  document.addEventListener('htmx:finally:request', idle)
  document.addEventListener('htmx:beforeRequest', busy)
  document.addEventListener('htmx:afterRequest', idle)
})()

// hxkit/live: nonces in server-sent messages (htmx 4 with hx-sse and hx-csp).
// hx-csp rewrites a response's nonce to the page's only for ordinary responses; hx-sse takes a
// stream over before that step, so every message would lose its htmx attributes. The stream
// opens with a named `hxkit:nonce` event carrying the nonce its messages are stamped with; each
// unnamed message then gets the same treatment hx-csp gives a response: the page nonce scrubbed
// (the server cannot know it, so its presence means injection), then the stream nonce promoted to
// the page nonce. Markup without the stream nonce stays inert.
;(function () {
  'use strict'

  /** @type {WeakMap<EventTarget, string>} */
  var streamNonces = new WeakMap()

  /**
   * @param {string} text
   * @param {string} nonce
   * @param {string} replacement
   * @returns {string}
   */
  function rewriteNonce(text, nonce, replacement) {
    var escaped = nonce.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return text.replace(
      new RegExp('(nonce=)(["\']?)' + escaped + '\\2', 'gi'),
      /**
       * @param {string} _
       * @param {string} attr
       * @param {string} quote
       * @returns {string}
       */
      function (_, attr, quote) {
        return replacement === '' ? '' : attr + quote + replacement + quote
      }
    )
  }

  /** @param {Event} event */
  function liveMessage(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ message?: { data?: unknown, event?: unknown }, cancelled?: boolean } | null} */ (
            event.detail
          )
        : null
    var message = detail?.message
    var source = event.target
    if (!detail || !message || typeof message.data !== 'string' || source === null) {
      return
    }
    if (message.event === 'hxkit:nonce') {
      streamNonces.set(source, message.data)
      detail.cancelled = true
      return
    }
    if (message.event) {
      return
    }
    var script = document.querySelector('script[nonce]')
    var pageNonce = script instanceof HTMLElement ? script.nonce : ''
    var streamNonce = streamNonces.get(source)
    var data = message.data
    if (pageNonce) {
      data = rewriteNonce(data, pageNonce, '')
    }
    if (pageNonce && streamNonce) {
      data = rewriteNonce(data, streamNonce, pageNonce)
    }
    message.data = data
  }

  document.addEventListener('htmx:sse:before:message', liveMessage)
})()

// Dashboard components (hxkit/components) and the kit's data-attribute behaviours: only what CSS
// and HTML cannot do, by event delegation on document, so content swapped in later needs no
// set-up. Nothing here writes a style attribute. Each part names its attribute; docs/components.md
// ("Client behaviours") lists them all with their opt-outs.
;(function () {
  'use strict'

  /**
   * What the script uses of htmx 4's request context (the `ctx` of its event details).
   * @typedef {RequestInit & { headers?: Record<string, string> }} RequestLike
   * @typedef {(url: string, init: RequestLike) => Promise<Response>} FetchLike
   * @typedef {{ sourceElement?: Element, fetch?: FetchLike, confirm?: unknown }} RequestCtx
   * @typedef {{ process(elt: Node): void, onLoad(callback: (elt: ParentNode) => void): void }} Htmx
   */

  /** @returns {Htmx | undefined} */
  function htmxApi() {
    return /** @type {{ htmx?: Htmx }} */ (/** @type {unknown} */ (window)).htmx
  }

  /**
   * @param {EventTarget | null | undefined} node
   * @param {string} selector
   * @returns {HTMLElement | null}
   */
  function closest(node, selector) {
    return node instanceof Element
      ? /** @type {HTMLElement | null} */ (node.closest(selector))
      : null
  }

  /**
   * @param {ParentNode} root
   * @param {string} selector
   * @param {(element: HTMLElement) => void} fn
   */
  function each(root, selector, fn) {
    if (root instanceof HTMLElement && root.matches(selector)) {
      fn(root)
    }
    root.querySelectorAll(selector).forEach(function (element) {
      if (element instanceof HTMLElement) {
        fn(element)
      }
    })
  }

  /**
   * An htmx event's detail, whatever its version.
   * @param {Event} event
   * @returns {Record<string, unknown> | null}
   */
  function detailOf(event) {
    var detail = event instanceof CustomEvent ? /** @type {unknown} */ (event.detail) : null
    return detail !== null && typeof detail === 'object'
      ? /** @type {Record<string, unknown>} */ (detail)
      : null
  }

  /**
   * A function of an htmx event's detail (issueRequest, dropRequest), when it has one.
   * @param {Record<string, unknown> | null} detail
   * @param {string} name
   * @returns {((skipConfirm?: boolean) => void) | null}
   */
  function callback(detail, name) {
    var fn = detail?.[name]
    return typeof fn === 'function' ? /** @type {(skipConfirm?: boolean) => void} */ (fn) : null
  }

  /**
   * htmx 4's request context of an event, when it has one.
   * @param {Event} event
   * @returns {RequestCtx | null}
   */
  function ctxOf(event) {
    var ctx = detailOf(event)?.['ctx']
    return ctx !== null && typeof ctx === 'object' ? /** @type {RequestCtx} */ (ctx) : null
  }

  /**
   * The element a request comes from: htmx 4's ctx.sourceElement, htmx 2's detail.elt.
   * @param {Event} event
   * @returns {Element | null}
   */
  function sourceOf(event) {
    var source = ctxOf(event)?.sourceElement ?? detailOf(event)?.['elt']
    return source instanceof Element ? source : null
  }

  // Dialogs. Browsers with invoker commands open and close them from commandfor/command; this
  // covers the others, opens a dialog the server marks data-hxkit-open, and closes one on the
  // `hxkit:dialog-close` event (HX-Trigger from closeDialog()).
  var invokers = 'commandForElement' in HTMLButtonElement.prototype
  document.addEventListener('click', function (event) {
    var button = closest(event.target, 'button[commandfor][command]')
    if (invokers || button === null) {
      return
    }
    var dialog = document.getElementById(button.getAttribute('commandfor') ?? '')
    if (!(dialog instanceof HTMLDialogElement)) {
      return
    }
    var command = button.getAttribute('command')
    if (command === 'show-modal' && !dialog.open) {
      dialog.showModal()
    } else if (command === 'close') {
      dialog.close()
    }
  })

  /** @param {Event} event */
  function closeDialog(event) {
    var target = detailOf(event)?.['target']
    var found = typeof target === 'string' ? document.querySelector(target) : null
    var dialog = found ?? closest(event.target, 'dialog')
    if (dialog instanceof HTMLDialogElement && dialog.open) {
      dialog.close()
    }
  }
  document.addEventListener('hxkit:dialog-close', closeDialog)

  // Async token (data-hxkit-token="<url>", optional data-hxkit-token-header, default
  // X-Auth-Token): the requests of the element (or of those inside it) wait for a token fetched
  // from <url> (once per page and URL), and carry it in the header. htmx 4: the request's
  // ctx.fetch is wrapped in htmx:config:request. htmx 2: the htmx:confirm listener below (the
  // event fires for every request there) holds the request until the token is in, and
  // htmx:configRequest adds the header.

  /** @type {Map<string, Promise<string>>} */
  var tokens = new Map()
  /** @type {Map<string, string>} */
  var tokenValues = new Map()

  /**
   * @param {string} url
   * @returns {Promise<string>}
   */
  function tokenFrom(url) {
    var token = tokens.get(url)
    if (token === undefined) {
      token = fetch(url, { credentials: 'same-origin' }).then(
        function (res) {
          if (!res.ok) {
            throw new Error('hxkit: no token from ' + url + ' (' + String(res.status) + ')')
          }
          return res.text().then(function (text) {
            tokenValues.set(url, text)
            return text
          })
        },
        function (/** @type {unknown} */ error) {
          tokens.delete(url)
          throw error
        }
      )
      tokens.set(url, token)
    }
    return token
  }

  /**
   * @param {Element | null} source
   * @returns {{ url: string, header: string } | null}
   */
  function tokenSpec(source) {
    var owner = closest(source, '[data-hxkit-token]')
    var url = owner?.getAttribute('data-hxkit-token') ?? ''
    return owner === null || url === ''
      ? null
      : { url: url, header: owner.getAttribute('data-hxkit-token-header') ?? 'X-Auth-Token' }
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var spec = tokenSpec(sourceOf(event))
    var headers = detailOf(event)?.['headers']
    var token = spec === null ? undefined : tokenValues.get(spec.url)
    if (spec !== null && token !== undefined && headers !== null && typeof headers === 'object') {
      /** @type {Record<string, string>} */ headers[spec.header] = token
    }
  })

  // Confirm: hx-confirm="…" as a modal dialog instead of window.confirm. htmx 4 fires
  // htmx:confirm only when there is a question (detail.ctx.confirm) and waits for
  // issueRequest()/dropRequest(); htmx 2 fires it on every request (detail.question) and
  // re-issues with issueRequest(true). Cancel has the focus (the least destructive choice);
  // the browser gives it back to the opener when the dialog closes.
  // Opt-out: data-hxkit-confirm="native" on the element or any ancestor (<body> for a whole
  // page; "kit" turns it back on inside) leaves the event to htmx (window.confirm) or to the
  // app's own listener; so does a listener that ran earlier and called preventDefault().
  /** @type {HTMLDialogElement | null} */
  var confirmDialog = null

  function confirmBox() {
    if (confirmDialog !== null) {
      return confirmDialog
    }
    var box = document.createElement('dialog')
    box.id = 'hxkit-confirm'
    box.className = 'hx-dialog hx-confirm'
    box.setAttribute('role', 'alertdialog')
    box.setAttribute('aria-labelledby', 'hxkit-confirm-title')
    box.setAttribute('aria-describedby', 'hxkit-confirm-text')
    var title = document.createElement('h2')
    title.id = 'hxkit-confirm-title'
    title.textContent = 'Please confirm'
    var text = document.createElement('p')
    text.id = 'hxkit-confirm-text'
    var form = document.createElement('form')
    form.method = 'dialog'
    form.className = 'hx-confirm-actions'
    var cancel = document.createElement('button')
    cancel.value = 'cancel'
    cancel.textContent = 'Cancel'
    cancel.className = 'hx-button'
    var ok = document.createElement('button')
    ok.value = 'ok'
    ok.textContent = 'Confirm'
    ok.className = 'hx-button hx-danger'
    form.append(cancel, ok)
    box.append(title, text, form)
    document.body.append(box)
    confirmDialog = box
    return box
  }

  /**
   * Whether the kit's dialog asks for this element: the nearest data-hxkit-confirm decides.
   * @param {Element | null} source
   * @returns {boolean}
   */
  function kitConfirms(source) {
    return closest(source, '[data-hxkit-confirm]')?.getAttribute('data-hxkit-confirm') !== 'native'
  }

  /**
   * Asks `question` in the kit's dialog.
   * @param {string} question
   * @returns {Promise<boolean>} whether it was confirmed
   */
  function ask(question) {
    var box = confirmBox()
    var text = box.querySelector('#hxkit-confirm-text')
    if (text !== null) {
      text.textContent = question
    }
    box.returnValue = ''
    var answered = new Promise(function (resolve) {
      box.addEventListener(
        'close',
        function () {
          resolve(box.returnValue === 'ok')
        },
        { once: true }
      )
    })
    var cancel = /** @type {HTMLElement | null} */ (box.querySelector('button[value="cancel"]'))
    box.showModal()
    cancel?.focus()
    return answered
  }

  document.addEventListener('htmx:confirm', function (event) {
    var detail = detailOf(event)
    var source = sourceOf(event)
    var question = ctxOf(event)?.confirm ?? detail?.['question']
    var issue = callback(detail, 'issueRequest')
    var drop = callback(detail, 'dropRequest')
    var asks =
      typeof question === 'string' &&
      question !== '' &&
      !question.startsWith('js:') &&
      kitConfirms(source)
    // htmx 2 only (htmx 4 waits for the token in ctx.fetch): a token still to be fetched
    var spec = ctxOf(event) === null ? tokenSpec(source) : null
    var waits = spec !== null && !tokenValues.has(spec.url)
    if (event.defaultPrevented || issue === null || (!asks && !waits)) {
      return
    }
    event.preventDefault()
    var go = issue
    var confirmed = asks ? ask(/** @type {string} */ (question)) : Promise.resolve(true)
    void confirmed
      .then(function (ok) {
        if (!ok) {
          drop?.()
          return false
        }
        return spec === null ? true : tokenFrom(spec.url).then(() => true)
      })
      .then(function (send) {
        // htmx 2: issueRequest(false) still asks an opted-out question with window.confirm
        if (send) {
          go(asks)
        }
      }, console.error)
  })

  // Tabs (role="tablist" of role="tab"): arrow keys (Left/Right, Up/Down), Home and End move the
  // focus along the tab list with a roving tabindex; Space activates like Enter. Server-owned
  // tabs (tabs(): data-hxkit-tabs) swap their partial on activation, and the new selected tab
  // gets the focus back after the swap. Client-owned tabs (data-hxkit-tabs="client" on the list
  // or around it) move aria-selected and the roving tabindex at once; the server sends only the
  // panel.
  document.addEventListener('keydown', function (event) {
    var tab = closest(event.target, '[role="tab"]')
    var list = closest(tab, '[role="tablist"]')
    if (tab === null || list === null || event.altKey || event.ctrlKey || event.metaKey) {
      return
    }
    var all = Array.from(list.querySelectorAll('[role="tab"]'))
    var at = all.indexOf(tab)
    var next = null
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      next = all[(at + 1) % all.length]
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      next = all[(at - 1 + all.length) % all.length]
    } else if (event.key === 'Home') {
      next = all[0]
    } else if (event.key === 'End') {
      next = all[all.length - 1]
    } else if (event.key === ' ') {
      event.preventDefault()
      tab.click()
      return
    }
    if (next instanceof HTMLElement) {
      event.preventDefault()
      all.forEach(function (t) {
        t.setAttribute('tabindex', t === next ? '0' : '-1')
      })
      next.focus()
    }
  })

  /** Whether a server-owned tab started a request whose swap replaces it. */
  var tabFocusPending = false

  document.addEventListener('click', function (event) {
    var tab = closest(event.target, '[role="tab"]')
    var list = closest(tab, '[role="tablist"]')
    if (tab === null || list === null) {
      return
    }
    if (closest(list, '[data-hxkit-tabs="client"]') !== null) {
      list.querySelectorAll('[role="tab"]').forEach(function (other) {
        other.setAttribute('tabindex', other === tab ? '0' : '-1')
        other.setAttribute('aria-selected', other === tab ? 'true' : 'false')
      })
    } else if (closest(list, '[data-hxkit-tabs]') !== null) {
      tabFocusPending = true
    }
  })

  function focusTab() {
    if (!tabFocusPending) {
      return
    }
    tabFocusPending = false
    var selected = document.querySelector('[data-hxkit-tabs] [role="tab"][aria-selected="true"]')
    if (selected instanceof HTMLElement && !selected.contains(document.activeElement)) {
      selected.focus()
    }
  }
  document.addEventListener('htmx:after:settle', focusTab)
  document.addEventListener('htmx:afterSettle', focusTab)

  // Select all: <input type=checkbox data-hxkit-select-all="<name>"> checks or clears every
  // checkbox named <name> in its form (or the document), and shows checked, unchecked or mixed
  // (indeterminate) as the rows change. Rendered `hidden`, it is shown here, so a page without
  // the script has no box that does nothing. The bulk bar's "all N across pages" box
  // (.hx-bulk-all) is offered only while every row on the page is checked.

  /**
   * @param {HTMLInputElement} head
   * @returns {HTMLInputElement[]}
   */
  function rowBoxes(head) {
    var name = head.getAttribute('data-hxkit-select-all') ?? ''
    var scope = head.form ?? document
    return Array.from(scope.querySelectorAll('input[type="checkbox"]')).filter(
      /** @returns {box is HTMLInputElement} */
      function (box) {
        return box instanceof HTMLInputElement && box !== head && box.name === name
      }
    )
  }

  /**
   * @param {HTMLInputElement} head
   * @param {boolean} offer - also update the across-pages offer (after the user's change only: a
   *   swapped-in bar that the server rendered with "all N" checked keeps it)
   */
  function syncHead(head, offer) {
    var boxes = rowBoxes(head)
    var checked = boxes.filter(function (box) {
      return box.checked
    }).length
    var every = boxes.length > 0 && checked === boxes.length
    head.checked = every
    head.indeterminate = checked > 0 && !every
    if (!offer) {
      return
    }
    ;(head.form ?? document).querySelectorAll('.hx-bulk-all').forEach(function (label) {
      label.toggleAttribute('data-hxkit-offer', every)
      var across = label.querySelector('input[data-hxkit-across]')
      if (!every && across instanceof HTMLInputElement) {
        across.checked = false
      }
    })
  }

  /** @param {boolean} offer */
  function syncHeads(offer) {
    document
      .querySelectorAll('input[type="checkbox"][data-hxkit-select-all]')
      .forEach(function (h) {
        if (h instanceof HTMLInputElement) {
          syncHead(h, offer)
        }
      })
  }

  document.addEventListener('change', function (event) {
    var input = event.target
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') {
      return
    }
    if (input.hasAttribute('data-hxkit-select-all')) {
      var state = input.checked
      rowBoxes(input).forEach(function (box) {
        box.checked = state
      })
    }
    syncHeads(!input.hasAttribute('data-hxkit-across'))
  })

  // Keyboard shortcuts: a key combination equal to an element's data-hxkit-hotkey
  // ("Alt+Shift+D": modifiers in the order Ctrl, Alt, Shift, Meta; letters and digits by their
  // key position, so Alt or Shift do not change them) clicks the first such element that is
  // not disabled. Keys typed into a text field, or already handled, are left alone. Announce
  // the shortcut with aria-keyshortcuts.

  /**
   * @param {KeyboardEvent} event
   * @returns {string}
   */
  function comboOf(event) {
    var key = /^Key[A-Z]$/.test(event.code)
      ? event.code.slice(3)
      : /^Digit[0-9]$/.test(event.code)
        ? event.code.slice(5)
        : event.key
    return (
      (event.ctrlKey ? 'Ctrl+' : '') +
      (event.altKey ? 'Alt+' : '') +
      (event.shiftKey ? 'Shift+' : '') +
      (event.metaKey ? 'Meta+' : '') +
      key
    )
  }

  var TEXT_ENTRY =
    'textarea, select, [contenteditable]:not([contenteditable="false"]), input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"])'

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || closest(event.target, TEXT_ENTRY) !== null) {
      return
    }
    var combo = comboOf(event)
    var match = Array.from(document.querySelectorAll('[data-hxkit-hotkey]')).find(function (el) {
      return el.getAttribute('data-hxkit-hotkey') === combo && !el.matches(':disabled')
    })
    if (match instanceof HTMLElement) {
      event.preventDefault()
      match.click()
    }
  })

  // Upload progress: fetch (htmx 4) reports no upload progress, so for a form marked
  // data-hxkit-upload (its value: the id of a <progress>; empty: the form's own <progress>)
  // htmx gets a ctx.fetch that sends with XMLHttpRequest and follows its upload events; htmx
  // still does the swap, hx-csp's nonce check included. htmx 2 sends with XMLHttpRequest itself
  // and reports htmx:xhr:progress. A hidden <progress> is shown when the upload starts.

  /**
   * @param {Element | null} source
   * @returns {HTMLProgressElement | null}
   */
  function uploadBar(source) {
    var form = closest(source, 'form[data-hxkit-upload]')
    if (form === null) {
      return null
    }
    var id = form.getAttribute('data-hxkit-upload') ?? ''
    var bar = id === '' ? form.querySelector('progress') : document.getElementById(id)
    return bar instanceof HTMLProgressElement ? bar : null
  }

  /**
   * @param {HTMLProgressElement} bar
   * @param {number} loaded
   * @param {number} total
   */
  function advance(bar, loaded, total) {
    if (total > 0) {
      bar.value = Math.max(bar.value, Math.round((loaded / total) * bar.max))
    }
  }

  /**
   * @param {string} text
   * @returns {Headers}
   */
  function parseHeaders(text) {
    var headers = new Headers()
    text
      .trim()
      .split(/[\r\n]+/)
      .forEach(function (line) {
        var at = line.indexOf(':')
        if (at > 0) {
          headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
        }
      })
    return headers
  }

  /**
   * fetch() over XMLHttpRequest, for htmx 4's ctx.fetch, reporting upload progress to `bar`.
   * @param {string} url
   * @param {RequestLike} init
   * @param {HTMLProgressElement} bar
   * @returns {Promise<Response>}
   */
  function xhrFetch(url, init, bar) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest()
      xhr.open(init.method ?? 'GET', url)
      xhr.withCredentials = init.credentials === 'include'
      Object.entries(init.headers ?? {}).forEach(function ([name, value]) {
        xhr.setRequestHeader(name, value)
      })
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          advance(bar, event.loaded, event.total)
        }
      })
      xhr.addEventListener('load', function () {
        bar.value = bar.max
        var empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304
        var response = new Response(empty ? null : /** @type {Blob} */ (xhr.response), {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: parseHeaders(xhr.getAllResponseHeaders()),
        })
        // hx-csp trusts a fragment's nonce only from a same-origin response.url, which a
        // constructed Response lacks: give it the URL the request ended at
        Object.defineProperty(response, 'url', { value: xhr.responseURL })
        resolve(response)
      })
      xhr.addEventListener('error', function () {
        reject(new TypeError('The upload failed'))
      })
      xhr.addEventListener('abort', function () {
        reject(new DOMException('The upload was aborted', 'AbortError'))
      })
      init.signal?.addEventListener('abort', function () {
        xhr.abort()
      })
      xhr.responseType = 'blob'
      xhr.send(/** @type {XMLHttpRequestBodyInit | null} */ (init.body ?? null))
    })
  }

  // one listener for both wrappers of ctx.fetch: the upload's XHR first, the token around it
  document.addEventListener('htmx:config:request', function (event) {
    var ctx = ctxOf(event)
    var source = sourceOf(event)
    if (ctx === null) {
      return
    }
    var bar = uploadBar(source)
    if (bar !== null) {
      var upload = bar
      upload.value = 0
      upload.hidden = false
      ctx.fetch = function (url, init) {
        return xhrFetch(url, init, upload)
      }
    }
    var spec = tokenSpec(source)
    if (spec !== null) {
      var token = spec
      /** @type {FetchLike} */
      var send = ctx.fetch ?? window.fetch.bind(window)
      ctx.fetch = function (url, init) {
        return tokenFrom(token.url).then(function (value) {
          init.headers = Object.assign({}, init.headers, { [token.header]: value })
          return send(url, init)
        })
      }
    }
  })

  document.addEventListener('htmx:beforeSend', function (event) {
    var bar = uploadBar(sourceOf(event))
    if (bar !== null) {
      bar.value = 0
      bar.hidden = false
    }
  })
  document.addEventListener('htmx:xhr:progress', function (event) {
    var bar = uploadBar(sourceOf(event) ?? closest(event.target, 'form'))
    var detail = detailOf(event)
    var loaded = detail?.['loaded']
    var total = detail?.['total']
    if (bar !== null && typeof loaded === 'number' && typeof total === 'number') {
      advance(bar, loaded, total)
    }
  })

  // Sortable: the children of [data-hxkit-sortable] marked draggable="true" are reordered with
  // the browser's drag and drop: the item moves while it is dragged (class hx-dragging), and a
  // drop that changed the order fires a bubbling `end` event on the list, for an
  // hx-trigger="end" around it (e.g. the form that posts the order). Dragging needs a pointer:
  // give each item move buttons too.

  /** @type {{ item: HTMLElement, before: Element | null } | null} */
  var dragged = null

  /**
   * @param {EventTarget | null} target
   * @returns {HTMLElement | null}
   */
  function sortableItem(target) {
    var item = closest(target, '[data-hxkit-sortable] > [draggable="true"]')
    return item?.parentElement?.hasAttribute('data-hxkit-sortable') === true ? item : null
  }

  document.addEventListener('dragstart', function (event) {
    var item = sortableItem(event.target)
    if (item !== null) {
      dragged = { item: item, before: item.nextElementSibling }
      item.classList.add('hx-dragging')
      event.dataTransfer?.setData('text/plain', item.textContent)
    }
  })

  document.addEventListener('dragover', function (event) {
    var over = sortableItem(event.target)
    var item = dragged === null ? null : dragged.item
    if (item === null || over === null) {
      return
    }
    if (over.parentElement !== item.parentElement) {
      return
    }
    event.preventDefault()
    if (over !== item) {
      var box = over.getBoundingClientRect()
      var after = event.clientY > box.top + box.height / 2
      over.parentElement?.insertBefore(item, after ? over.nextSibling : over)
    }
  })

  document.addEventListener('drop', function (event) {
    if (dragged !== null) {
      event.preventDefault()
    }
  })

  document.addEventListener('dragend', function () {
    var drag = dragged
    dragged = null
    if (drag === null) {
      return
    }
    drag.item.classList.remove('hx-dragging')
    if (drag.item.nextElementSibling !== drag.before) {
      drag.item.parentElement?.dispatchEvent(new CustomEvent('end', { bubbles: true }))
    }
  })

  // Toasts: Dismiss removes one; non-error toasts leave after TOAST_MS unless hovered or focused.
  // The server adds them as markup (toasts(), the region's flashes) or as an event: `HX-Trigger:
  // {"toast":{"message":"…","level":"error"}}` (addTrigger), which htmx dispatches (after the swap
  // in htmx 4, before it in htmx 2) and which becomes the same markup as toastItem() renders.
  var TOAST_MS = 6000
  var TOAST_KINDS = ['info', 'success', 'error']

  /** @returns {HTMLElement} the layout's region (toastRegion()), created when missing */
  function toastRegion() {
    var region = document.getElementById('toasts')
    if (region === null) {
      region = document.createElement('div')
      region.id = 'toasts'
      region.className = 'hx-toasts'
      region.setAttribute('role', 'status')
      region.setAttribute('aria-live', 'polite')
      region.setAttribute('aria-atomic', 'false')
      document.body.append(region)
    }
    return region
  }

  document.addEventListener('toast', function (event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ message?: unknown, value?: unknown, level?: unknown, kind?: unknown } | null} */ (
            event.detail
          )
        : null
    var message = detail?.message ?? detail?.value
    if (typeof message !== 'string' || message === '') {
      return
    }
    var asked = detail?.kind ?? detail?.level
    var kind = typeof asked === 'string' && TOAST_KINDS.includes(asked) ? asked : 'info'
    var item = document.createElement('div')
    item.className = 'hx-toast hx-toast--' + kind
    if (kind === 'error') {
      item.setAttribute('role', 'alert')
    }
    var text = document.createElement('p')
    // text only: the message is data, never markup; 500 characters at most, as flash() keeps
    text.textContent = message.slice(0, 500)
    var close = document.createElement('button')
    close.type = 'button'
    close.className = 'hx-toast-close'
    close.setAttribute('data-hxkit-dismiss', '')
    close.setAttribute('aria-label', 'Dismiss')
    close.textContent = '×'
    item.append(text, close)
    toastRegion().append(item)
    expire(item)
  })
  document.addEventListener('click', function (event) {
    var button = closest(event.target, '[data-hxkit-dismiss]')
    closest(button, '.hx-toast')?.remove()
  })

  /** @param {Element} toast */
  function expire(toast) {
    if (toast.classList.contains('hx-toast--error') || toast.hasAttribute('data-hxkit-timed')) {
      return
    }
    toast.setAttribute('data-hxkit-timed', '')
    setTimeout(function retry() {
      if (toast.matches(':hover, :focus-within')) {
        setTimeout(retry, 1000)
      } else {
        toast.remove()
      }
    }, TOAST_MS)
  }

  // Shadow roots: htmx does not look into them, so an element marked data-hxkit-shadow has its
  // (declarative, server-rendered) shadow root processed, attributes and nonces as anywhere else.

  /** @param {ParentNode} root */
  function process(root) {
    each(root, '.hx-toast', expire)
    each(root, 'dialog[data-hxkit-open]', function (dialog) {
      if (dialog instanceof HTMLDialogElement && dialog.isConnected && !dialog.open) {
        dialog.showModal()
      }
    })
    each(root, 'input[data-hxkit-select-all][hidden]', function (box) {
      box.hidden = false
    })
    each(root, '[data-hxkit-shadow]', function (host) {
      if (host.shadowRoot !== null && !host.hasAttribute('data-hxkit-shadow-ready')) {
        host.setAttribute('data-hxkit-shadow-ready', '')
        htmxApi()?.process(host.shadowRoot)
      }
    })
    syncHeads(false)
  }

  htmxApi()?.onLoad(process)
  // the region exists before the first message, so screen readers announce that message
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      toastRegion()
      process(document)
    })
  } else {
    toastRegion()
    process(document)
  }
})()
